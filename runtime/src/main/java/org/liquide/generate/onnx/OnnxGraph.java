package org.liquide.generate.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Builds an ONNX model (a {@code ModelProto}) node by node and serializes it. Enough of the format for
 * the networks this project writes itself: graph inputs and outputs, initializers in raw little-endian
 * data or in an external data file beside the model, nodes with attributes, one opset import.
 *
 * <p>Large networks (a protobuf holds at most 2 GB) keep their weights outside the model: after
 * {@link #storeWeightsIn}, each weight of at least {@link #EXTERNAL_MIN_BYTES} is streamed to that file as it
 * is added, and the model names only its location, offset and length. {@link #counting} graphs make no
 * bytes at all: they say how many parameters a network has without writing it.
 */
public final class OnnxGraph {
    // ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto and TypeProto fields (onnx.proto).
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int OPSET_VERSION = 2;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_F = 2;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_S = 4;
    private static final int ATTRIBUTE_FLOATS = 7;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_FLOAT = 1;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int ATTRIBUTE_TYPE_STRING = 3;
    private static final int ATTRIBUTE_TYPE_FLOATS = 6;
    private static final int ATTRIBUTE_TYPE_INTS = 7;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int DATA_LOCATION_EXTERNAL = 1;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TYPE_TENSOR_ELEM_TYPE = 1;
    private static final int TYPE_TENSOR_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    /** IR version 8 (ONNX 1.10+) with opset 17: both well inside what ONNX Runtime 1.21 reads. */
    public static final int IR_VERSION = 8;
    public static final int OPSET = 17;
    /** Weights smaller than this stay in the model even when the others are external. */
    public static final long EXTERNAL_MIN_BYTES = 1024;

    private final String name;
    private final boolean counting;
    private ExternalData external;
    private long parameters;
    private long weightBytes;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int nextId;

    public OnnxGraph(String name) {
        this(name, false);
    }

    private OnnxGraph(String name, boolean counting) {
        this.name = name;
        this.counting = counting;
    }

    /** A graph that only counts its weights: nothing is generated or kept, and it cannot be written. */
    public static OnnxGraph counting(String name) {
        return new OnnxGraph(name, true);
    }

    /**
     * Streams the weights added from now on (those of at least {@link #EXTERNAL_MIN_BYTES}) to {@code dataFile},
     * which must lie in the folder the model will be written to (ONNX resolves it relative to the model).
     */
    public void storeWeightsIn(Path dataFile) throws IOException {
        if (external != null) {
            throw new IllegalStateException("weights already go to " + external.file());
        }
        if (!counting) {
            external = ExternalData.create(dataFile);
        }
    }

    /**
     * A trained-looking weight of this shape: uniform random numbers of standard deviation {@code deviation}
     * from {@code random}, made and stored in chunks (never the whole tensor in memory when external).
     */
    public String weight(String hint, ElementType type, long[] dims, float deviation, SplittableRandom random) {
        float bound = (float) (deviation * Math.sqrt(3.0));
        return addWeight(hint, type, dims, () -> (random.nextFloat() * 2f - 1f) * bound);
    }

    /** A weight of this shape with every value {@code value} (norm scales of 1, shifts of 0). */
    public String filledWeight(String hint, ElementType type, long[] dims, float value) {
        return addWeight(hint, type, dims, () -> value);
    }

    /** The number of values in the weights added so far (the network's parameters; constants are not counted). */
    public long parameterCount() {
        return parameters;
    }

    /** The bytes the weights added so far take, inline and external. */
    public long weightBytes() {
        return weightBytes;
    }

    /**
     * Declares a graph input. Each dimension is a {@link Number} (a fixed size) or a {@link String} (a
     * symbolic, dynamic size).
     */
    public String input(String name, ElementType type, Object... dims) {
        inputs.add(valueInfo(name, type, dims));
        return name;
    }

    /** Declares a graph output; the value must be produced by a node (or be an input). */
    public String output(String name, ElementType type, Object... dims) {
        outputs.add(valueInfo(name, type, dims));
        return name;
    }

    /** A constant float tensor, stored as float32, or converted to float16 when {@code type} says so. */
    public String constant(String hint, ElementType type, long[] dims, float[] values) {
        checkCount(dims, values.length);
        ByteBuffer raw = ByteBuffer.allocate(values.length * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            switch (type) {
                case FLOAT32 -> raw.putFloat(value);
                case FLOAT16 -> raw.putShort(Float.floatToFloat16(value));
                default -> throw new IllegalArgumentException("float constants are float32 or float16, not " + type);
            }
        }
        return addInitializer(hint, type, dims, raw.array());
    }

    public String constant(String hint, long[] dims, float[] values) {
        return constant(hint, ElementType.FLOAT32, dims, values);
    }

    /** A constant int64 tensor (shapes, axes, indices). */
    public String constantInt64(String hint, long[] dims, long[] values) {
        checkCount(dims, values.length);
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            raw.putLong(value);
        }
        return addInitializer(hint, ElementType.INT64, dims, raw.array());
    }

    /** A float32 scalar (rank 0). */
    public String scalar(String hint, float value) {
        return constant(hint, new long[0], new float[]{value});
    }

    /** A float32 or float16 scalar (rank 0). */
    public String scalar(String hint, ElementType type, float value) {
        return constant(hint, type, new long[0], new float[]{value});
    }

    /** Adds a node with one output and returns the output's name. */
    public String node(String opType, List<String> nodeInputs, Attribute... attributes) {
        String output = opType.toLowerCase() + "_" + (nextId++);
        node(opType, nodeInputs, List.of(output), attributes);
        return output;
    }

    /** Adds a node whose output gets the given name (a graph output, usually). */
    public String nodeNamed(String output, String opType, List<String> nodeInputs, Attribute... attributes) {
        node(opType, nodeInputs, List.of(output), attributes);
        return output;
    }

    public void node(String opType, List<String> nodeInputs, List<String> nodeOutputs, Attribute... attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String in : nodeInputs) {
            node.string(NODE_INPUT, in);
        }
        for (String out : nodeOutputs) {
            node.string(NODE_OUTPUT, out);
        }
        node.string(NODE_NAME, opType + "_node_" + (nextId++));
        node.string(NODE_OP_TYPE, opType);
        for (Attribute attribute : attributes) {
            node.message(NODE_ATTRIBUTE, attribute(attribute));
        }
        nodes.add(node);
    }

    /** The serialized {@code ModelProto}. */
    public byte[] toModelBytes() {
        if (counting) {
            throw new IllegalStateException(name + " only counts its weights: it has none to write");
        }
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(node -> graph.message(GRAPH_NODE, node));
        graph.string(GRAPH_NAME, name);
        initializers.forEach(tensor -> graph.message(GRAPH_INITIALIZER, tensor));
        inputs.forEach(value -> graph.message(GRAPH_INPUT, value));
        outputs.forEach(value -> graph.message(GRAPH_OUTPUT, value));
        return new ProtoWriter()
                .int64(MODEL_IR_VERSION, IR_VERSION)
                .string(MODEL_PRODUCER_NAME, "liquide")
                .message(MODEL_GRAPH, graph)
                .message(MODEL_OPSET_IMPORT, new ProtoWriter().int64(OPSET_VERSION, OPSET))
                .toByteArray();
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (external != null) {
            if (!Objects.equals(file.toAbsolutePath().getParent(), external.file().toAbsolutePath().getParent())) {
                throw new IllegalArgumentException(external.file() + " must lie beside " + file);
            }
            external.close();
        }
        Files.write(file, toModelBytes());
    }

    private String addWeight(String hint, ElementType type, long[] dims, ExternalData.Values values) {
        if (type != ElementType.FLOAT32 && type != ElementType.FLOAT16) {
            throw new IllegalArgumentException("weights are float32 or float16, not " + type);
        }
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        long bytes = count * type.byteSize();
        parameters += count;
        weightBytes += bytes;
        String tensorName = hint + "_" + (nextId++);
        if (counting) {
            return tensorName;
        }
        ProtoWriter tensor = tensorHeader(tensorName, type, dims);
        if (external != null && bytes >= EXTERNAL_MIN_BYTES) {
            long offset;
            try {
                offset = external.append(type, count, values);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + external.file(), e);
            }
            tensor.int64(TENSOR_DATA_LOCATION, DATA_LOCATION_EXTERNAL);
            tensor.message(TENSOR_EXTERNAL_DATA, entry("location", external.file().getFileName().toString()));
            tensor.message(TENSOR_EXTERNAL_DATA, entry("offset", Long.toString(offset)));
            tensor.message(TENSOR_EXTERNAL_DATA, entry("length", Long.toString(bytes)));
        } else {
            ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
            ExternalData.encode(type, count, values, raw);
            tensor.bytes(TENSOR_RAW_DATA, raw.array());
        }
        initializers.add(tensor);
        return tensorName;
    }

    private static ProtoWriter entry(String key, String value) {
        return new ProtoWriter().string(ENTRY_KEY, key).string(ENTRY_VALUE, value);
    }

    private String addInitializer(String hint, ElementType type, long[] dims, byte[] raw) {
        String tensorName = hint + "_" + (nextId++);
        if (counting) {
            return tensorName;
        }
        ProtoWriter tensor = tensorHeader(tensorName, type, dims);
        tensor.bytes(TENSOR_RAW_DATA, raw);
        initializers.add(tensor);
        return tensorName;
    }

    private static ProtoWriter tensorHeader(String tensorName, ElementType type, long[] dims) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.int64(TENSOR_DIMS, dim);
        }
        tensor.int64(TENSOR_DATA_TYPE, type.onnxCode());
        tensor.string(TENSOR_NAME, tensorName);
        return tensor;
    }

    private static ProtoWriter valueInfo(String name, ElementType type, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object dim : dims) {
            ProtoWriter dimension = new ProtoWriter();
            switch (dim) {
                case Number size -> dimension.int64(DIM_VALUE, size.longValue());
                case String symbol -> dimension.string(DIM_PARAM, symbol);
                default -> throw new IllegalArgumentException("a dimension is a number or a symbol, not " + dim);
            }
            shape.message(SHAPE_DIM, dimension);
        }
        ProtoWriter tensorType = new ProtoWriter()
                .int64(TYPE_TENSOR_ELEM_TYPE, type.onnxCode())
                .message(TYPE_TENSOR_SHAPE, shape);
        return new ProtoWriter()
                .string(VALUE_INFO_NAME, name)
                .message(VALUE_INFO_TYPE, new ProtoWriter().message(TYPE_TENSOR, tensorType));
    }

    private static ProtoWriter attribute(Attribute attribute) {
        ProtoWriter out = new ProtoWriter().string(ATTRIBUTE_NAME, attribute.name());
        switch (attribute) {
            case Attribute.IntValue(_, long value) -> out.int64(ATTRIBUTE_I, value).int64(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT);
            case Attribute.FloatValue(_, float value) ->
                    out.float32(ATTRIBUTE_F, value).int64(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_FLOAT);
            case Attribute.StringValue(_, String value) ->
                    out.string(ATTRIBUTE_S, value).int64(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_STRING);
            case Attribute.IntList(_, long[] values) -> {
                for (long value : values) {
                    out.int64(ATTRIBUTE_INTS, value);
                }
                out.int64(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INTS);
            }
            case Attribute.FloatList(_, float[] values) -> {
                for (float value : values) {
                    out.float32(ATTRIBUTE_FLOATS, value);
                }
                out.int64(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_FLOATS);
            }
        }
        return out;
    }

    private static void checkCount(long[] dims, int count) {
        long expected = 1;
        for (long dim : dims) {
            expected *= dim;
        }
        if (expected != count) {
            throw new IllegalArgumentException("shape holds " + expected + " values, got " + count);
        }
    }
}
