package org.liquide.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.equivalent.EquivalentModel;
import org.liquide.generate.equivalent.SdTurboShape;
import org.liquide.generate.onnx.ElementType;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The generation benchmark runs a model folder whole on the device asked for. Structure only, no figure judged. */
class GenerationModelBenchTest {
    @TempDir
    static Path work;
    private static Path folder;

    @BeforeAll
    static void writeModel() throws Exception {
        folder = work.resolve("sd-turbo-equivalent");
        EquivalentModel.write(folder, SdTurboShape.scaled(10, 64), ElementType.FLOAT32, component -> { });
    }

    /** A row of milliseconds that ran on the CPU, both figures measured. */
    private static void assertTimedOnTheCpu(BenchRow row, String id) {
        assertEquals(id, row.id());
        assertNull(row.failure());
        assertEquals("ms", row.unit());
        assertTrue(row.measure().contains("ran on cpu"), row.measure());
        assertTrue(row.liquide().isFinite() && row.liquide().min() > 0, row.liquide().toString());
        assertTrue(row.anchor().isFinite() && row.anchor().min() > 0, row.anchor().toString());
    }

    @Test
    void aModelFolderGetsARowOfWholeImagesAgainstItsSessions() throws Exception {
        GenerationModel model = new GenerationModel(folder, "cpu");
        BenchRow row = GenerationBench.wholeModel(BenchConfig.tiny(work), model, "measure");
        assertTimedOnTheCpu(row, "diffusion-model-cpu");
        assertTrue(row.notes().contains("models run at 64x64"), row.notes());
        assertTrue(row.anchorName().contains("bare ONNX Runtime sessions"), row.anchorName());
        assertTrue(row.notes().contains("Liquide's own sessions alone"), row.notes());
    }

    @Test
    void aModelFolderGetsARowOfStreamBatchedImagesAgainstStepByStep() throws Exception {
        GenerationModel model = new GenerationModel(folder, "cpu");
        BenchRow row = StreamBatchBench.run(BenchConfig.tiny(work), model, "measure");
        assertTimedOnTheCpu(row, "stream-batch-cpu");
        assertTrue(row.anchorName().contains("step by step"), row.anchorName());
        assertTrue(row.notes().contains("images/s as a stream"), row.notes());
    }

    @Test
    void aDeviceThisBuildLacksIsAFailedRowThatSaysWhy() {
        GenerationModel model = new GenerationModel(folder, "cuda");
        List<BenchRow> rows = GenerationBench.run(BenchConfig.tiny(work), List.of(model), line -> { });
        List<BenchRow> modelRows = rows.subList(rows.size() - 2, rows.size());
        assertEquals(List.of("diffusion-model-cuda", "stream-batch-cuda"), modelRows.stream().map(BenchRow::id).toList());
        for (BenchRow row : modelRows) {
            assertNotNull(row.failure(), row.id());
            assertTrue(row.failure().toLowerCase().contains("cuda"), row.failure());
        }
    }
}
