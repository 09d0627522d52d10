package org.liquide.generate.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModelSessionTest {
    private static byte[] matMulTanh(ElementType type) {
        OnnxGraph graph = new OnnxGraph("spike");
        graph.input("x", type, "batch", 3);
        String w = graph.constant("w", type, new long[]{3, 2}, new float[]{1, 0, 0, 1, 1, 1});
        String mm = graph.node("MatMul", List.of("x", w));
        graph.nodeNamed("y", "Tanh", List.of(mm));
        graph.output("y", type, "batch", 2);
        return graph.toModelBytes();
    }

    @Test
    void runsAModelWithTheShapesTheModelDeclares() throws Exception {
        try (ModelSession session = ModelSession.load("spike", matMulTanh(ElementType.FLOAT32), EngineOptions.cpu())) {
            assertEquals("[x float32[batch, 3]]", session.inputs().toString());
            assertEquals("[y float32[batch, 2]]", session.outputs().toString());
            assertEquals("cpu", session.device());
            TensorBuffer x = session.bufferFor(session.input("x")).reshape(2, 3);
            x.setFloats(new float[]{0.1f, 0.2f, 0.3f, 1, 2, 3}, 6);
            TensorBuffer y = session.bufferFor(session.output("y"));
            for (int run = 0; run < 3; run++) {
                session.run(List.of(x), List.of(y));
                assertArrayEquals(new long[]{2, 2}, y.shape());
                assertEquals(Math.tanh(0.4), y.getFloat(0), 1e-6);
                assertEquals(Math.tanh(0.5), y.getFloat(1), 1e-6);
                assertEquals(Math.tanh(4), y.getFloat(2), 1e-6);
                assertEquals(Math.tanh(5), y.getFloat(3), 1e-6);
            }
        }
    }

    /**
     * A show opens and closes models at every scene change for weeks: nothing of a closed session may wait
     * for the garbage collector (direct buffers) or for the JVM's exit (DJL's temporary folders).
     */
    @Test
    void closingASessionFreesItsTensorsAndLeavesNoTemporaryFolder() throws Exception {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> foldersBefore = ortModelFolders(temp);
        long directBefore = direct.getMemoryUsed();
        List<TensorBuffer> buffers = new java.util.ArrayList<>();
        for (int model = 0; model < 3; model++) {
            try (ModelSession session = ModelSession.load("spike", matMulTanh(ElementType.FLOAT32), EngineOptions.cpu())) {
                TensorBuffer x = session.bufferFor(session.input("x")).reshape(100_000, 3);
                TensorBuffer y = session.bufferFor(session.output("y"));
                session.run(List.of(x), List.of(y));
                assertTrue(x.capacityBytes() >= 1_200_000 && y.capacityBytes() >= 800_000, "the tensors hold their memory while open");
                buffers.add(x);
                buffers.add(y);
            }
        }
        for (TensorBuffer buffer : buffers) {
            assertEquals(0, buffer.capacityBytes(), buffer + " freed with its session");
        }
        assertTrue(direct.getMemoryUsed() - directBefore < 1_000_000,
                "no tensor memory left to the garbage collector: " + (direct.getMemoryUsed() - directBefore) + " direct bytes more");
        // A show running beside the tests makes (and at once deletes) folders of its own: wait for those.
        org.liquide.hardware.testing.Await.until(java.time.Duration.ofSeconds(10), "no ort-model folder left in " + temp,
                () -> foldersBefore.containsAll(ortModelFolders(temp)));
    }

    private static java.util.Set<Path> ortModelFolders(Path temp) {
        try (var entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("ort-model")).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClosedBufferCanBeReshapedAgainAndClosedTwice() {
        TensorBuffer buffer = new TensorBuffer("x", ElementType.FLOAT32).reshape(4, 4);
        buffer.setFloat(15, 2.5f);
        buffer.close();
        buffer.close();
        assertEquals(0, buffer.capacityBytes());
        buffer.reshape(4, 4);
        buffer.setFloat(15, 1.5f);
        assertEquals(1.5f, buffer.getFloat(15));
        buffer.close();
    }

    @Test
    void float16ModelsTakeAndGiveHalfFloats() throws Exception {
        try (ModelSession session = ModelSession.load("half", matMulTanh(ElementType.FLOAT16), EngineOptions.cpu())) {
            TensorBuffer x = session.bufferFor(session.input("x")).reshape(1, 3);
            assertEquals(ElementType.FLOAT16, x.type());
            x.setFloats(new float[]{0.25f, -0.5f, 0.125f}, 3);
            TensorBuffer y = session.bufferFor(session.output("y"));
            session.run(List.of(x), List.of(y));
            assertEquals(ElementType.FLOAT16, y.type());
            assertEquals(Math.tanh(0.375), y.getFloat(0), 2e-3);
            assertEquals(Math.tanh(-0.375), y.getFloat(1), 2e-3);
        }
    }

    @Test
    void aMissingCudaRunsOnTheCpuAndSaysSo() throws Exception {
        EngineOptions cuda = EngineOptions.parse("cuda:0", 1, 1);
        try (ModelSession session = ModelSession.load("spike", matMulTanh(ElementType.FLOAT32), cuda)) {
            assertEquals("cpu", session.device(), "this build carries only the CPU provider");
            ProviderChoice provider = session.provider();
            assertEquals("cuda:0", provider.asked());
            assertTrue(provider.degraded());
            assertEquals("asked for cuda:0, running on cpu: cuda: this ONNX Runtime is the CPU build, without the"
                    + " CUDA provider (./liquide build --cuda)", provider.warning());
        }
    }

    @Test
    void tensorRtDegradesThroughCudaToTheCpu() throws Exception {
        try (ModelSession session = ModelSession.load("spike", matMulTanh(ElementType.FLOAT32),
                EngineOptions.parse("tensorrt", 1, 1))) {
            assertEquals("cpu", session.device());
            assertEquals(2, session.provider().refused().size(), session.provider().toString());
            assertTrue(session.provider().refused().get(0).startsWith("tensorrt: "));
            assertTrue(session.provider().refused().get(1).startsWith("cuda: "));
            assertNotNull(session.provider().warning());
        }
    }

    @Test
    void autoTakesTheFastestThatLoadsWithoutAWarning() throws Exception {
        try (ModelSession session = ModelSession.load("spike", matMulTanh(ElementType.FLOAT32),
                EngineOptions.parse("auto", 1, 1))) {
            assertEquals("cpu", session.device());
            assertFalse(session.provider().degraded());
            assertNull(session.provider().warning());
            assertEquals(List.of("tensorrt", "cuda"), session.provider().refused().stream()
                    .map(line -> line.substring(0, line.indexOf(':'))).toList());
            assertTrue(session.provider().summary().startsWith("cpu (asked for auto; refused tensorrt: "),
                    session.provider().summary());
        }
    }

    @Test
    void outputsAreWrittenInPlaceOnceTheirShapeIsKnown() throws Exception {
        try (ModelSession session = ModelSession.load("spike", matMulTanh(ElementType.FLOAT32), EngineOptions.cpu())) {
            TensorBuffer x = session.bufferFor(session.input("x")).reshape(1, 3);
            TensorBuffer y = session.bufferFor(session.output("y"));
            for (int run = 0; run < 5; run++) {
                x.setFloats(new float[]{0.1f * run, 0, 0}, 3);
                session.run(List.of(x), List.of(y));
                assertEquals(Math.tanh(0.1 * run), y.getFloat(0), 1e-6, "run " + run);
            }
            assertEquals(1, session.copiedOutputs(), "only the first call, which told the output's shape, copied");
            x.reshape(2, 3).setFloats(new float[]{1, 0, 0, 0, 1, 0}, 6);
            session.run(List.of(x), List.of(y));
            assertArrayEquals(new long[]{2, 2}, y.shape());
            assertEquals(Math.tanh(1), y.getFloat(0), 1e-6);
            assertEquals(0, y.getFloat(2), 1e-6);
            assertEquals(Math.tanh(1), y.getFloat(3), 1e-6);
            assertEquals(2, session.copiedOutputs(), "a new input shape copies once more");
        }
    }

    @Test
    void brokenFilesAreLoadErrorsNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.onnx");
        ModelLoadException notFound = assertThrows(ModelLoadException.class,
                () -> ModelSession.load(missing, EngineOptions.cpu()));
        assertTrue(notFound.getMessage().contains("missing.onnx"), notFound.getMessage());

        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[]{8, 8, 58, 3, 1, 2});
        ModelLoadException malformed = assertThrows(ModelLoadException.class,
                () -> ModelSession.load(garbage, EngineOptions.cpu()));
        assertTrue(malformed.getMessage().contains("garbage.onnx"), malformed.getMessage());
    }

    @Test
    void outputsAreReadFromNativeMemoryWithoutAHeapCopy() throws Exception {
        OrtEngines.engine();
        try (OnnxTensor tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), new float[][]{{1f, 2f, 3f}})) {
            ByteBuffer bytes = OutputMemory.bytes(tensor);
            assertTrue(bytes.isDirect(), "ONNX Runtime's native view, not its copying accessor");
            assertEquals(3f, bytes.getFloat(8));
        }
    }

    @Test
    void aProviderLibraryThatDoesNotLoadIsReportedByTheLibraryItMisses() {
        assertEquals("Failed to load library libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open"
                        + " shared object file: No such file or directory",
                ModelSession.reason("Error code - ORT_RUNTIME_EXCEPTION - message: /onnxruntime_src/onnxruntime/core/session/"
                        + "provider_bridge_ort.cc:1695 onnxruntime::Provider& onnxruntime::ProviderLibrary::Get()"
                        + " [ONNXRuntimeError] : 1 : FAIL : Failed to load library libonnxruntime_providers_cuda.so with"
                        + " error: libcublasLt.so.12: cannot open shared object file: No such file or directory"));
        assertEquals("no GPU", ModelSession.reason("no GPU\nstack"));
    }

    @Test
    void devicesParse() {
        assertEquals(new EngineOptions(Accelerator.TENSORRT, 1, 2, 3), EngineOptions.parse("TensorRT:1", 2, 3));
        assertEquals("cpu", EngineOptions.parse(null, 0, 0).deviceText());
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.parse("tpu", 0, 0));
        assertEquals("auto", EngineOptions.parse("auto", 0, 0).deviceText());
        assertEquals(List.of(Accelerator.TENSORRT, Accelerator.CUDA, Accelerator.CPU), Accelerator.AUTO.candidates());
        assertEquals(List.of(Accelerator.CUDA, Accelerator.CPU), Accelerator.CUDA.candidates());
        assertEquals(List.of(Accelerator.CPU), Accelerator.CPU.candidates());
    }
}
