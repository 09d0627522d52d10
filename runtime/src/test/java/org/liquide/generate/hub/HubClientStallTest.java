package org.liquide.generate.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** A server that stops sending in the middle of a file, the connection left open. */
class HubClientStallTest {
    private static final String REPO = "liquide/stalling";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void aDownloadThatStallsFailsAsACutKeepingItsPartAndTheNextContinues() throws Exception {
        byte[] weights = new byte[200_000];
        new Random(16).nextBytes(weights);
        Path folder = Files.createDirectories(dir.resolve("repo"));
        Files.write(folder.resolve("weights.bin"), weights);
        try (HubServer hub = new HubServer()) {
            hub.serve(REPO, COMMIT, folder, Optional.empty());
            hub.stallOnce("weights.bin", 50_000);
            HubClient client = new HubClient(hub.endpoint(), Optional.empty(), Duration.ofSeconds(1));
            FileMetadata meta = client.metadata(REPO, COMMIT, "weights.bin");
            Path part = dir.resolve("weights.bin.part");

            // Before the watch, this read waited for the server for as long as the server waited.
            IOException stalled = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThrows(IOException.class,
                    () -> client.download(meta.location(), part, weights.length, bytes -> { })));
            assertInstanceOf(SocketTimeoutException.class, stalled);
            assertTrue(stalled.getMessage().contains("sent nothing for 1 s"), stalled.getMessage());
            assertEquals(50_000, Files.size(part));

            client.download(meta.location(), part, weights.length, bytes -> { });
            assertArrayEquals(weights, Files.readAllBytes(part));
            assertEquals(Optional.of("bytes=50000-"), hub.requests().getLast().range());
        }
    }
}
