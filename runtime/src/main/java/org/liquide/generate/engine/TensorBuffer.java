package org.liquide.generate.engine;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.liquide.generate.onnx.ElementType;

import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * A named tensor in reusable native memory: inputs are written here and handed to ONNX Runtime without a
 * copy, and ONNX Runtime writes outputs here (or they are copied here when their shape is not known yet).
 * The memory grows when a larger shape arrives and is kept otherwise, so a steady stream of frames
 * allocates nothing. Values are read and written as floats (or longs) whatever the element type,
 * converting float16 on the way; bulk reads and writes convert in one tight loop per type.
 *
 * <p>The memory is freed by {@link #close()}, not by the garbage collector: a show that changes scene every
 * few minutes makes and drops generators for weeks, and native memory waiting for a collection that a
 * quiet heap never needs grows without bound. Closing twice is harmless; a closed buffer can be reshaped
 * again.
 */
public final class TensorBuffer implements AutoCloseable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocateDirect(0);

    private final String name;
    private ElementType type;
    private long[] shape = new long[0];
    private int elements;
    private ByteBuffer memory = EMPTY;
    private Arena arena;
    /** ONNX Runtime's view of the memory at the current shape and type; made again when either changes. */
    private OnnxTensor view;
    /** The shape and type were set by a model's output: ONNX Runtime may write the next one in place. */
    private boolean produced;

    public TensorBuffer(String name, ElementType type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    public int elementCount() {
        return elements;
    }

    /** The current shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    public long dim(int index) {
        return shape[index];
    }

    /** Sets the shape, growing the memory when needed; values are undefined until written. */
    public TensorBuffer reshape(long... newShape) {
        if (!Arrays.equals(shape, newShape)) {
            shape = newShape.clone();
            dropView();
            produced = false;
        }
        long count = 1;
        for (long dim : newShape) {
            if (dim < 0) {
                throw new IllegalArgumentException(name + ": dimensions must be known to allocate, got "
                        + Arrays.toString(newShape));
            }
            count *= dim;
        }
        long bytes = count * type.byteSize();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": tensor of " + Arrays.toString(newShape) + " is too large");
        }
        elements = (int) count;
        if (memory.capacity() < bytes) {
            Arena grown = Arena.ofShared();
            ByteBuffer larger = grown.allocate(bytes, 64).asByteBuffer().order(ByteOrder.nativeOrder());
            close();
            produced = false;
            arena = grown;
            memory = larger;
        }
        memory.clear().limit((int) bytes);
        return this;
    }

    /** Changes the element type (an output whose type is known only once it is produced). */
    void retype(ElementType newType) {
        if (newType != type) {
            type = newType;
            dropView();
            produced = false;
            reshape(shape);
        }
    }

    boolean hasShape(long[] other) {
        return Arrays.equals(shape, other);
    }

    boolean produced() {
        return produced;
    }

    void markProduced() {
        produced = true;
    }

    void forgetProduced() {
        produced = false;
    }

    /** ONNX Runtime's tensor over this memory (no copy), made once per shape and type. */
    OnnxTensor tensor() throws OrtException {
        if (view == null) {
            view = createView();
        }
        return view;
    }

    private OnnxTensor createView() throws OrtException {
        OrtEnvironment environment = OrtEngines.environment();
        ByteBuffer bytes = nativeView();
        return switch (type) {
            case FLOAT32 -> OnnxTensor.createTensor(environment, bytes.asFloatBuffer(), shape);
            case FLOAT64 -> OnnxTensor.createTensor(environment, bytes.asDoubleBuffer(), shape);
            case INT32 -> OnnxTensor.createTensor(environment, bytes.asIntBuffer(), shape);
            case INT64 -> OnnxTensor.createTensor(environment, bytes.asLongBuffer(), shape);
            case FLOAT16 -> OnnxTensor.createTensor(environment, bytes.asShortBuffer(), shape, OnnxJavaType.FLOAT16);
            case BFLOAT16 -> OnnxTensor.createTensor(environment, bytes.asShortBuffer(), shape, OnnxJavaType.BFLOAT16);
            case INT8 -> OnnxTensor.createTensor(environment, bytes, shape, OnnxJavaType.INT8);
            case UINT8 -> OnnxTensor.createTensor(environment, bytes, shape, OnnxJavaType.UINT8);
            case BOOL -> OnnxTensor.createTensor(environment, bytes, shape, OnnxJavaType.BOOL);
            default -> throw unsupported();
        };
    }

    private void dropView() {
        if (view != null) {
            view.close();
            view = null;
        }
    }

    /**
     * The memory at the current shape, for native code (OpenCV) that reads or writes the values in place, in
     * this tensor's element type. Valid until the next reshape or close.
     */
    public ByteBuffer nativeView() {
        return memory.duplicate().order(ByteOrder.nativeOrder()).clear().limit(elements * type.byteSize());
    }

    public float getFloat(int index) {
        return switch (type) {
            case FLOAT32 -> memory.getFloat(index * 4);
            case FLOAT16 -> Float.float16ToFloat(memory.getShort(index * 2));
            case BFLOAT16 -> Float.intBitsToFloat((memory.getShort(index * 2) & 0xFFFF) << 16);
            case FLOAT64 -> (float) memory.getDouble(index * 8);
            case INT32 -> memory.getInt(index * 4);
            case INT64 -> memory.getLong(index * 8);
            case UINT8 -> memory.get(index) & 0xFF;
            case INT8 -> memory.get(index);
            default -> throw unsupported();
        };
    }

    public void setFloat(int index, float value) {
        switch (type) {
            case FLOAT32 -> memory.putFloat(index * 4, value);
            case FLOAT16 -> memory.putShort(index * 2, Float.floatToFloat16(value));
            case BFLOAT16 -> memory.putShort(index * 2, (short) (Float.floatToRawIntBits(value) >>> 16));
            case FLOAT64 -> memory.putDouble(index * 8, value);
            case INT32 -> memory.putInt(index * 4, Math.round(value));
            case INT64 -> memory.putLong(index * 8, Math.round((double) value));
            case UINT8, INT8 -> memory.put(index, (byte) Math.round(value));
            default -> throw unsupported();
        }
    }

    public void setLong(int index, long value) {
        switch (type) {
            case INT64 -> memory.putLong(index * 8, value);
            case INT32 -> memory.putInt(index * 4, Math.toIntExact(value));
            default -> setFloat(index, value);
        }
    }

    /** Writes {@code count} floats from {@code source}, converted to the element type. */
    public void setFloats(float[] source, int count) {
        setFloatsAt(0, source, count);
    }

    /** Writes {@code count} floats from {@code source} from element {@code offset} on. */
    public void setFloatsAt(int offset, float[] source, int count) {
        checkCount(offset, count);
        if (type == ElementType.FLOAT32) {
            memory.asFloatBuffer().put(offset, source, 0, count);
            return;
        }
        if (type == ElementType.FLOAT16) {
            ShortBuffer halves = memory.asShortBuffer();
            for (int i = 0; i < count; i++) {
                halves.put(offset + i, Float.floatToFloat16(source[i]));
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            setFloat(offset + i, source[i]);
        }
    }

    /** Writes {@code count} floats from {@code source}, each multiplied by {@code scale}, converted to the element type. */
    public void setFloatsScaled(float[] source, int count, float scale) {
        setFloatsScaledAt(0, source, count, scale);
    }

    /** As {@link #setFloatsScaled}, from element {@code offset} on (one latent of a batch). */
    public void setFloatsScaledAt(int offset, float[] source, int count, float scale) {
        checkCount(offset, count);
        if (type == ElementType.FLOAT32) {
            FloatBuffer floats = memory.asFloatBuffer();
            for (int i = 0; i < count; i++) {
                floats.put(offset + i, source[i] * scale);
            }
            return;
        }
        if (type == ElementType.FLOAT16) {
            ShortBuffer halves = memory.asShortBuffer();
            for (int i = 0; i < count; i++) {
                halves.put(offset + i, Float.floatToFloat16(source[i] * scale));
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            setFloat(offset + i, source[i] * scale);
        }
    }

    /** Reads all elements as floats into {@code target}. */
    public void getFloats(float[] target) {
        getFloatsAt(0, target, elements);
    }

    /** Reads {@code count} elements from element {@code offset} on as floats into {@code target}. */
    public void getFloatsAt(int offset, float[] target, int count) {
        checkCount(offset, count);
        if (target.length < count) {
            throw new IllegalArgumentException(name + ": target holds " + target.length + " of " + count);
        }
        if (type == ElementType.FLOAT32) {
            memory.asFloatBuffer().get(offset, target, 0, count);
            return;
        }
        if (type == ElementType.FLOAT16) {
            ShortBuffer halves = memory.asShortBuffer();
            for (int i = 0; i < count; i++) {
                target[i] = Float.float16ToFloat(halves.get(offset + i));
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            target[i] = getFloat(offset + i);
        }
    }

    public void fill(float value) {
        for (int i = 0; i < elements; i++) {
            setFloat(i, value);
        }
    }

    /** Copies raw bytes of this type and shape (an engine output) in. */
    void copyFrom(ByteBuffer source, long[] sourceShape) {
        reshape(sourceShape);
        ByteBuffer from = source.duplicate().clear().limit(memory.limit());
        memory.duplicate().put(from);
    }

    private void checkCount(int offset, int count) {
        if (offset < 0 || count < 0 || (long) offset + count > elements) {
            throw new IllegalArgumentException(name + ": " + count + " values from element " + offset
                    + " for a tensor of " + elements);
        }
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(name + ": tensors of " + type + " are not supported");
    }

    /** Frees the native memory now. */
    @Override
    public void close() {
        dropView();
        produced = false;
        if (arena != null) {
            memory = EMPTY;
            arena.close();
            arena = null;
        }
    }

    /** Bytes of native memory held (0 once closed). */
    public long capacityBytes() {
        return memory.capacity();
    }

    @Override
    public String toString() {
        return name + " " + type + Arrays.toString(shape);
    }
}
