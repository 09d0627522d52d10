package org.liquide.generate.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class HubCacheTest {
    private static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";
    private final Path home = Path.of("/home/artist");

    @Test
    void theCacheIsWhereTheHubsClientsLookForIt() {
        assertEquals(Path.of("/home/artist/.cache/huggingface/hub"), HubCache.locate(Map.of(), home).root());
        assertEquals(Path.of("/x/huggingface/hub"), HubCache.locate(Map.of("XDG_CACHE_HOME", "/x"), home).root());
        assertEquals(Path.of("/data/hf/hub"), HubCache.locate(Map.of("HF_HOME", "/data/hf", "XDG_CACHE_HOME", "/x"), home).root());
        assertEquals(Path.of("/old"), HubCache.locate(Map.of("HUGGINGFACE_HUB_CACHE", "/old", "HF_HOME", "/data/hf"), home).root());
        assertEquals(Path.of("/models"), HubCache.locate(Map.of("HF_HUB_CACHE", "/models", "HUGGINGFACE_HUB_CACHE", "/old"), home).root());
        assertEquals(Path.of("/home/artist/hf"), HubCache.locate(Map.of("HF_HUB_CACHE", "~/hf"), home).root());
    }

    /** The layout a Python pull leaves: a branch in refs/, links into blobs/. */
    @Test
    void aModelPulledByAnotherToolIsFoundByBranchOrCommitAndTellsWhereItCameFrom(@TempDir Path dir) throws Exception {
        HubCache cache = new HubCache(dir);
        Path blob = Files.writeString(Files.createDirectories(cache.repoFolder("org/model").resolve("blobs")).resolve("abc"), "weights");
        Files.createDirectories(cache.repoFolder("org/model").resolve("refs"));
        Files.writeString(cache.repoFolder("org/model").resolve("refs/main"), COMMIT);
        cache.link("org/model", COMMIT, "onnx/model.onnx", "abc");

        Path snapshot = dir.resolve("models--org--model/snapshots/" + COMMIT);
        assertEquals(Optional.of(snapshot), cache.resolve(HubModelName.parse("hf:org/model").orElseThrow()));
        assertEquals(Optional.of(snapshot), cache.resolve(HubModelName.parse("hf:org/model@" + COMMIT).orElseThrow()));
        assertEquals(Optional.of(snapshot.resolve("onnx/model.onnx")),
                cache.resolve(HubModelName.parse("hf:org/model@main/onnx/model.onnx").orElseThrow()));
        assertEquals("weights", Files.readString(snapshot.resolve("onnx/model.onnx")));
        assertEquals(Path.of("../../../blobs/abc"), Files.readSymbolicLink(snapshot.resolve("onnx/model.onnx")));
        assertEquals(Optional.empty(), cache.resolve(HubModelName.parse("hf:org/model@v2").orElseThrow()), "never pulled");
        assertEquals(Optional.empty(), cache.resolve(HubModelName.parse("hf:org/other@" + COMMIT).orElseThrow()));

        assertEquals(Optional.of(new HubModelName("org/model", COMMIT, "onnx/model.onnx")),
                HubCache.identify(snapshot.resolve("onnx/model.onnx")));
        assertEquals(Optional.of(new HubModelName("org/model", COMMIT, "")), HubCache.identify(snapshot));
        assertEquals(Optional.empty(), HubCache.identify(blob));
    }

    @Test
    void hubNamesAreCheckedWhenRead() {
        assertEquals(Optional.empty(), HubModelName.parse("models/sd-turbo"));
        assertEquals(new HubModelName("stabilityai/sd-turbo", "main", ""), HubModelName.parse("hf:stabilityai/sd-turbo").orElseThrow());
        assertTrue(HubModelName.parse("hf:stabilityai/sd-turbo@" + COMMIT).orElseThrow().pinned());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> HubModelName.parse("hf:sd-turbo"));
        assertTrue(bad.getMessage().contains("hf:org/name@commit"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HubModelName.parse("hf:org/name@main/../../etc"));
    }

    @Test
    void includePatternsMatchAsFnmatchDoes() {
        FilePatterns patterns = new FilePatterns(java.util.List.of("unet/", "*.json", "vae_?ecoder/model.onnx"));
        assertTrue(patterns.matches("unet/model.onnx"));
        assertTrue(patterns.matches("scheduler/scheduler_config.json"));
        assertTrue(patterns.matches("vae_decoder/model.onnx"));
        assertFalse(patterns.matches("text_encoder/model.onnx"));
        assertTrue(new FilePatterns(java.util.List.of()).matches("anything"));
    }
}
