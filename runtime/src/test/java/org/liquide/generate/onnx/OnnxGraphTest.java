package org.liquide.generate.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OnnxGraphTest {
    @Test
    void readerFindsTheInputsAndOutputsTheWriterDeclared(@TempDir Path dir) throws Exception {
        OnnxGraph graph = new OnnxGraph("roundtrip");
        graph.input("sample", ElementType.FLOAT16, "batch", 4, 8, 8);
        graph.input("timestep", ElementType.INT64, 1);
        String weights = graph.constant("w", new long[]{2, 2}, new float[]{1, 2, 3, 4});
        graph.nodeNamed("out_sample", "Identity", List.of("sample"));
        graph.nodeNamed("unused", "Identity", List.of(weights));
        graph.output("out_sample", ElementType.FLOAT16, "batch", 4, 8, 8);
        Path file = dir.resolve("model.onnx");
        graph.write(file);

        OnnxModelInfo info = OnnxModelInfo.read(file);
        assertEquals(OnnxGraph.IR_VERSION, info.irVersion());
        assertEquals("[sample float16[batch, 4, 8, 8], timestep int64[1]]", info.inputs().toString());
        assertEquals("[out_sample float16[batch, 4, 8, 8]]", info.outputs().toString());
        TensorSpec sample = info.input("sample");
        assertFalse(sample.dim(0).isFixed());
        assertEquals(4, sample.size(1));
        assertEquals(Dimension.DYNAMIC, sample.size(0));
    }

    @Test
    void initializersListedAsInputsAreWeightsNotInputs() {
        OnnxGraph graph = new OnnxGraph("old-style");
        graph.input("x", ElementType.FLOAT32, 2);
        String weights = graph.constant("w", new long[]{2}, new float[]{1, 2});
        graph.input(weights, ElementType.FLOAT32, 2);
        graph.nodeNamed("y", "Add", List.of("x", weights));
        graph.output("y", ElementType.FLOAT32, 2);

        OnnxModelInfo info = OnnxModelInfo.read(ByteBuffer.wrap(graph.toModelBytes()));
        assertEquals(List.of("x"), info.inputs().stream().map(TensorSpec::name).toList());
    }

    @Test
    void somethingElseIsNotTakenForAModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.onnx");
        Files.writeString(file, "these are not the weights you are looking for");
        Exception e = assertThrows(java.io.IOException.class, () -> OnnxModelInfo.read(file));
        assertTrue(e.getMessage().contains("not an ONNX model"), e.getMessage());
    }

    @Test
    void largeWeightsGoToAnExternalDataFileThatOnnxRuntimeLoads(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("net/model.onnx");
        OnnxGraph graph = new OnnxGraph("external");
        graph.storeWeightsIn(model.resolveSibling("model.onnx_data"));
        graph.input("x", ElementType.FLOAT32, 1, 4);
        String scale = graph.filledWeight("scale", ElementType.FLOAT32, new long[]{4, 300}, 0.5f);
        String noise = graph.weight("noise", ElementType.FLOAT32, new long[]{4, 300}, 1f, new java.util.SplittableRandom(1));
        String shift = graph.filledWeight("shift", ElementType.FLOAT32, new long[]{300}, 0.25f);
        String scaled = graph.node("Add", List.of(graph.node("MatMul", List.of("x", scale)), shift));
        graph.nodeNamed("y", "Add", List.of(scaled, graph.node("Mul", List.of(graph.node("MatMul", List.of("x", noise)),
                graph.scalar("zero", 0f)))));
        graph.output("y", ElementType.FLOAT32, 1, 300);
        graph.write(model);

        assertEquals(4 * 300 + 4 * 300 + 300, graph.parameterCount());
        assertEquals(4L * graph.parameterCount(), graph.weightBytes());
        assertTrue(Files.size(model.resolveSibling("model.onnx_data")) >= 4 * (2 * 4 * 300 + 300));
        assertTrue(Files.size(model) < 1024, "the model names its weights' place, it does not hold them");
        var env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (var session = env.createSession(model.toString());
             var x = ai.onnxruntime.OnnxTensor.createTensor(env, new float[][]{{1, 2, 3, 4}});
             var result = session.run(java.util.Map.of("x", x))) {
            float[] y = ((float[][]) result.get(0).getValue())[0];
            assertEquals(300, y.length);
            for (float value : y) {
                assertEquals(0.5f * 10 + 0.25f, value, 1e-5f);
            }
        }
    }

    @Test
    void aCountingGraphCountsWeightsWithoutMakingThem() {
        OnnxGraph graph = OnnxGraph.counting("count");
        graph.weight("big", ElementType.FLOAT16, new long[]{1_000_000, 1_000}, 1f, new java.util.SplittableRandom(1));
        graph.constant("not_a_parameter", new long[]{2}, new float[]{1, 2});
        assertEquals(1_000_000_000L, graph.parameterCount());
        assertEquals(2_000_000_000L, graph.weightBytes());
        assertThrows(IllegalStateException.class, graph::toModelBytes);
    }
}
