package org.liquide.bench;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.noise.SeededGaussian;
import org.liquide.generate.onnx.TensorSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diffusion image's models run as ONNX Runtime's documentation shows, the anchor Liquide's whole image is
 * held to: one plain {@link OrtSession} per model, made with the same options as Liquide's session of it
 * ({@link ModelSession#comparableOptions()}: provider, threads, optimisations, TensorRT engines), input
 * tensors over direct buffers made once, each output returned as a new tensor and copied out. The VAE
 * encoder, the UNet as many times as the schedule calls it, the VAE decoder.
 */
final class BareOrtPipeline implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    private record Step(OrtSession session, Map<String, OnnxTensor> feed, int times) {
    }

    /**
     * @param models the encoder, the UNet and the decoder as Liquide loaded them, with their inputs' shapes
     *               ({@code shapes}: input name → shape, per model)
     */
    BareOrtPipeline(List<ModelSession> models, List<Path> files, List<Map<String, long[]>> shapes, int unetCalls)
            throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        SeededGaussian random = new SeededGaussian(6);
        try {
            for (int m = 0; m < models.size(); m++) {
                ModelSession model = models.get(m);
                OrtSession.SessionOptions options = model.comparableOptions();
                opened.add(options);
                OrtSession session = environment.createSession(files.get(m).toString(), options);
                opened.add(session);
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> input : shapes.get(m).entrySet()) {
                    OnnxTensor tensor = filled(environment, model.input(input.getKey()), input.getValue(), random);
                    opened.add(tensor);
                    feed.put(input.getKey(), tensor);
                }
                steps.add(new Step(session, feed, m == 1 ? unetCalls : 1));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** One image's model calls. */
    void run() {
        try {
            for (Step step : steps) {
                for (int i = 0; i < step.times(); i++) {
                    try (OrtSession.Result result = step.session().run(step.feed())) {
                        for (Map.Entry<String, OnnxValue> output : result) {
                            ((OnnxTensor) output.getValue()).getByteBuffer();
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tensor of the input's element type over a direct buffer, filled with seeded values (a timestep of 500). */
    private static OnnxTensor filled(OrtEnvironment environment, TensorSpec spec, long[] shape, SeededGaussian random)
            throws OrtException {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect((int) (count * spec.type().byteSize())).order(ByteOrder.nativeOrder());
        for (int i = 0; i < count; i++) {
            switch (spec.type()) {
                case FLOAT32 -> bytes.putFloat(random.next() * 0.5f);
                case FLOAT16 -> bytes.putShort(Float.floatToFloat16(random.next() * 0.5f));
                case INT64 -> bytes.putLong(500);
                case INT32 -> bytes.putInt(500);
                default -> throw new IllegalArgumentException(spec + ": not an input type of a diffusion model");
            }
        }
        bytes.flip();
        return switch (spec.type()) {
            case FLOAT32 -> OnnxTensor.createTensor(environment, bytes.asFloatBuffer(), shape);
            case FLOAT16 -> OnnxTensor.createTensor(environment, bytes.asShortBuffer(), shape, OnnxJavaType.FLOAT16);
            case INT64 -> OnnxTensor.createTensor(environment, bytes.asLongBuffer(), shape);
            default -> OnnxTensor.createTensor(environment, bytes.asIntBuffer(), shape);
        };
    }

    @Override
    public void close() {
        for (AutoCloseable resource : opened.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing native memory of a benchmark: nothing to recover
            }
        }
        opened.clear();
    }
}
