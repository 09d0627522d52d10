package org.liquide.generate.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs and outputs an ONNX model declares, read from the model file itself. The file is mapped,
 * not loaded: weights stored inside it are skipped over, and weights stored as external data are never
 * touched.
 */
public record OnnxModelInfo(long irVersion, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TYPE_TENSOR_ELEM_TYPE = 1;
    private static final int TYPE_TENSOR_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    public OnnxModelInfo {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public static OnnxModelInfo read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than a protobuf message can be: not an ONNX model");
            }
            return read(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a serialized {@code ModelProto}; throws IllegalStateException when it is not one. */
    public static OnnxModelInfo read(ByteBuffer model) {
        ProtoReader reader = new ProtoReader(model.slice());
        long irVersion = 0;
        ProtoReader graph = null;
        while (reader.next()) {
            switch (reader.field()) {
                case MODEL_IR_VERSION -> irVersion = reader.int64();
                case MODEL_GRAPH -> graph = reader.message();
                default -> reader.skip();
            }
        }
        if (graph == null || irVersion <= 0) {
            throw new IllegalStateException("no ONNX graph found: not an ONNX model");
        }
        List<TensorSpec> inputs = new ArrayList<>();
        List<TensorSpec> outputs = new ArrayList<>();
        Set<String> initializerNames = new HashSet<>();
        while (graph.next()) {
            switch (graph.field()) {
                case GRAPH_INPUT -> inputs.add(valueInfo(graph.message()));
                case GRAPH_OUTPUT -> outputs.add(valueInfo(graph.message()));
                case GRAPH_INITIALIZER -> initializerNames.add(initializerName(graph.message()));
                default -> graph.skip();
            }
        }
        // Before IR version 4 every initializer was also listed as a graph input; those are weights, not inputs.
        inputs.removeIf(input -> initializerNames.contains(input.name()));
        return new OnnxModelInfo(irVersion, inputs, outputs);
    }

    public TensorSpec input(String name) {
        return inputs.stream().filter(spec -> spec.name().equals(name)).findFirst().orElse(null);
    }

    public TensorSpec output(String name) {
        return outputs.stream().filter(spec -> spec.name().equals(name)).findFirst().orElse(null);
    }

    private static String initializerName(ProtoReader tensor) {
        while (tensor.next()) {
            if (tensor.field() == TENSOR_NAME) {
                return tensor.string();
            }
            tensor.skip();
        }
        return "";
    }

    private static TensorSpec valueInfo(ProtoReader value) {
        String name = "";
        ElementType type = ElementType.UNKNOWN;
        List<Dimension> shape = new ArrayList<>();
        while (value.next()) {
            switch (value.field()) {
                case VALUE_INFO_NAME -> name = value.string();
                case VALUE_INFO_TYPE -> {
                    ProtoReader typeProto = value.message();
                    while (typeProto.next()) {
                        if (typeProto.field() == TYPE_TENSOR) {
                            type = tensorType(typeProto.message(), shape);
                        } else {
                            typeProto.skip();
                        }
                    }
                }
                default -> value.skip();
            }
        }
        return new TensorSpec(name, type, shape);
    }

    private static ElementType tensorType(ProtoReader tensor, List<Dimension> shape) {
        ElementType type = ElementType.UNKNOWN;
        while (tensor.next()) {
            switch (tensor.field()) {
                case TYPE_TENSOR_ELEM_TYPE -> type = ElementType.fromOnnxCode((int) tensor.int64());
                case TYPE_TENSOR_SHAPE -> {
                    ProtoReader shapeProto = tensor.message();
                    while (shapeProto.next()) {
                        if (shapeProto.field() == SHAPE_DIM) {
                            shape.add(dimension(shapeProto.message()));
                        } else {
                            shapeProto.skip();
                        }
                    }
                }
                default -> tensor.skip();
            }
        }
        return type;
    }

    private static Dimension dimension(ProtoReader dim) {
        Dimension result = Dimension.dynamic(null);
        while (dim.next()) {
            switch (dim.field()) {
                case DIM_VALUE -> result = Dimension.fixed(dim.int64());
                case DIM_PARAM -> result = Dimension.dynamic(dim.string());
                default -> dim.skip();
            }
        }
        return result;
    }
}
