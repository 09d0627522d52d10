package org.liquide.generate.commands;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.TinyModels;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code liquide models pull} against a Hub-compatible server on loopback, then the pulled model used offline. */
class ModelsPullCommandTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String REPO = "liquide-test/tiny-sd";

    @TempDir
    Path dir;
    private HubServer hub;
    private Path cache;
    private Path repoFolder;

    @BeforeEach
    void serve() throws IOException {
        hub = new HubServer();
        repoFolder = TinyModels.diffusionFolder(dir.resolve("repo"));
        Files.writeString(repoFolder.resolve("README.md"), "---\nlicense: cc-by-nc-4.0\ntags: [onnx]\n---\n# tiny sd\n");
        hub.serve(REPO, COMMIT, repoFolder, Optional.empty());
        cache = dir.resolve("hf-cache");
    }

    @AfterEach
    void stop() {
        hub.close();
        System.clearProperty(HubCache.PROPERTY);
    }

    private CommandRun pull(String repo, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("models", "pull", repo, "--to", cache.toString(),
                "--endpoint", hub.endpoint().toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void pullsIntoTheHubCacheLayoutVerifiedAndResumedAfterACut() throws IOException {
        int unetSize = (int) Files.size(repoFolder.resolve("unet/model.onnx"));
        assertTrue(unetSize > HubServer.LFS_THRESHOLD, "the UNet must be served as a large file");
        hub.cutOnce("unet/model.onnx", unetSize / 3);

        CommandRun run = pull(REPO);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(REPO + "@main is commit " + COMMIT), run.out());
        assertTrue(run.out().contains("hf:" + REPO + "@" + COMMIT), run.out());
        Path repoCache = cache.resolve("models--liquide-test--tiny-sd");
        assertEquals(COMMIT, Files.readString(repoCache.resolve("refs/main")));
        Path snapshot = repoCache.resolve("snapshots/" + COMMIT);
        try (Stream<Path> files = Files.walk(repoFolder)) {
            for (Path original : files.filter(Files::isRegularFile).toList()) {
                Path pulled = snapshot.resolve(repoFolder.relativize(original));
                assertTrue(Files.isSymbolicLink(pulled), pulled + " is a link into blobs/");
                Path target = Files.readSymbolicLink(pulled);
                assertFalse(target.isAbsolute(), "relative links, as the Hub's clients make: " + target);
                assertEquals(repoCache.resolve("blobs"), pulled.getParent().resolve(target).normalize().getParent());
                assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(pulled), pulled.toString());
            }
        }
        byte[] unet = Files.readAllBytes(repoFolder.resolve("unet/model.onnx"));
        assertTrue(Files.exists(repoCache.resolve("blobs/" + sha256(unet))), "a large file's blob is named by its sha256");
        try (Stream<Path> blobs = Files.list(repoCache.resolve("blobs"))) {
            assertTrue(blobs.noneMatch(b -> b.toString().endsWith(".incomplete")));
        }
        List<HubServer.Request> requests = hub.requests();
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/api/models/" + REPO + "/revision/main") && r.query().contains("blobs=true")),
                requests.toString());
        assertTrue(requests.stream().anyMatch(r -> r.path().startsWith("/cdn/") && r.range().equals(Optional.of("bytes=" + unetSize / 3 + "-"))),
                "the cut download resumed with a Range from where it stopped: " + requests);

        CommandRun again = pull(REPO);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("(0 fetched, "), again.out());
    }

    @Test
    void aFileWithTheWrongContentIsDeletedAndThePullFailsNamingIt() throws IOException {
        hub.corrupt("unet/model.onnx");

        CommandRun run = pull(REPO);

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.errorLines().contains("models pull: unet/model.onnx: the downloaded content does not match its sha256"), run.err());
        Path repoCache = cache.resolve("models--liquide-test--tiny-sd");
        byte[] unet = Files.readAllBytes(repoFolder.resolve("unet/model.onnx"));
        assertFalse(Files.exists(repoCache.resolve("blobs/" + sha256(unet) + ".incomplete")), "the partial file is deleted");
        assertFalse(Files.exists(repoCache.resolve("blobs/" + sha256(unet))));
        assertFalse(Files.exists(repoCache.resolve("snapshots/" + COMMIT + "/unet/model.onnx")));
        assertFalse(Files.exists(repoCache.resolve("refs/main")), "a failed pull names no revision");
    }

    @Test
    void aGatedModelWithoutTokenSaysToAcceptTheLicenceAndWhereTheTokenGoes() throws IOException {
        hub.serve("liquide-test/gated", COMMIT, repoFolder, Optional.of("hf_secret"));

        CommandRun refused = pull("liquide-test/gated");

        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        List<String> lines = refused.errorLines().lines().toList();
        assertEquals(1, lines.size(), refused.err());
        assertTrue(lines.getFirst().contains("accept the model's licence on " + hub.endpoint() + "/liquide-test/gated"), lines.getFirst());
        assertTrue(lines.getFirst().contains("HF_TOKEN"), lines.getFirst());

        Path token = Files.writeString(dir.resolve("token"), "hf_secret\n");
        CommandRun allowed = pull("liquide-test/gated", "--token-file", token.toString());
        assertEquals(0, allowed.exitCode(), allowed.err());
    }

    @Test
    void includeSelectsFilesAndTheModelCardAlwaysComes() {
        CommandRun run = pull(REPO, "--include", "unet/*", "*.json");

        assertEquals(0, run.exitCode(), run.err());
        Path snapshot = cache.resolve("models--liquide-test--tiny-sd/snapshots/" + COMMIT);
        assertTrue(Files.exists(snapshot.resolve("unet/model.onnx")));
        assertTrue(Files.exists(snapshot.resolve("scheduler/scheduler_config.json")), "'*.json' matches in folders too, as fnmatch does");
        assertTrue(Files.exists(snapshot.resolve("README.md")));
        assertFalse(Files.exists(snapshot.resolve("vae_decoder/model.onnx")));
    }

    @Test
    void thePulledModelIsCheckedAndGeneratesByItsHubNameWithTheServerGone() throws IOException {
        assertEquals(0, pull(REPO).exitCode());
        hub.close();
        System.setProperty(HubCache.PROPERTY, cache.toString());
        String name = "hf:" + REPO + "@" + COMMIT;

        CommandRun check = CommandRun.of("models", "check", name, "--size", "64x64");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("1 of 1 models ok"), check.out());
        assertTrue(check.out().contains("provenance: " + REPO + " at commit " + COMMIT + ", licence cc-by-nc-4.0, "), check.out());
        byte[] unet = Files.readAllBytes(repoFolder.resolve("unet/model.onnx"));
        assertTrue(check.out().contains("    unet/model.onnx  " + unet.length + "  sha256 " + sha256(unet)), check.out());

        Path input = dir.resolve("in.png");
        javax.imageio.ImageIO.write(org.liquide.generate.TestImages.scene(64, 64, 0), "png", input.toFile());
        CommandRun generate = CommandRun.of("generate", "--model", name, "--input", input.toString(),
                "--output", dir.resolve("out.png").toString(), "--prompt", "a red cat", "--steps", "1");
        assertEquals(0, generate.exitCode(), generate.out() + generate.err());
        assertTrue(Files.size(dir.resolve("out.png")) > 0);

        Path scene = Files.createDirectories(dir.resolve("scene"));
        Files.writeString(scene.resolve("scene.yaml"), "generator:\n  model: " + name + "\n  size: 64x64\n"
                + "layers:\n  - name: genere\n    type: generate\n");
        CommandRun valid = CommandRun.of("validate", scene.toString());
        assertEquals(0, valid.exitCode(), valid.out() + valid.err());
        Files.writeString(scene.resolve("scene.yaml"), "generator:\n  model: hf:" + REPO + "@v2\n"
                + "layers:\n  - name: genere\n    type: generate\n");
        CommandRun invalid = CommandRun.of("validate", scene.toString());
        assertEquals(2, invalid.exitCode(), invalid.out() + invalid.err());
        assertTrue(invalid.err().contains("scene.yaml:2:10: model hf:" + REPO + "@v2 is not in the Hugging Face cache ("
                + cache + "); pull it with: liquide models pull " + REPO + " --revision v2"), invalid.err());

        CommandRun missing = CommandRun.of("models", "check", "hf:" + REPO + "@" + "f".repeat(40), "--size", "64x64");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.out().contains("is not in the Hugging Face cache"), missing.out());
        assertTrue(missing.out().contains("liquide models pull " + REPO + " --revision " + "f".repeat(40)), missing.out());
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
