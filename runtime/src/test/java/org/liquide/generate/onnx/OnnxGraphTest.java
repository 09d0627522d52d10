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
}
