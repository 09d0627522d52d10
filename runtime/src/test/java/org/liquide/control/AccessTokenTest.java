package org.liquide.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

class AccessTokenTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsCreatedOwnerOnlyWithA256BitUrlSafeToken() throws Exception {
        Path file = dir.resolve("config/liquide/control-token");
        AccessToken token = AccessToken.loadOrCreate(file);
        assertTrue(token.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String text = Files.readString(file).strip();
        assertTrue(text.matches("[A-Za-z0-9_-]{43}"), text);
        assertTrue(token.matches(text));
        assertTrue(token.matches(text + "\n"), "surrounding whitespace (a pasted line) is ignored");
        assertFalse(token.matches(text.substring(1)));
        assertFalse(token.matches(null));
        assertNotEquals(text, Files.readString(AccessToken.loadOrCreate(dir.resolve("other")).file()).strip(),
                "each file gets its own random token");
    }

    @Test
    void theFileIsReusedOnTheNextStart() throws Exception {
        Path file = dir.resolve("control-token");
        AccessToken.loadOrCreate(file);
        String first = Files.readString(file);
        AccessToken again = AccessToken.loadOrCreate(file);
        assertFalse(again.created());
        assertEquals(first, Files.readString(file));
        assertTrue(again.matches(first));
    }

    @Test
    void theServerReusesItsTokenAcrossRestarts() throws Exception {
        String first;
        try (TestServer one = new TestServer(dir, false)) {
            first = one.token;
        }
        try (TestServer two = new TestServer(dir, false)) {
            assertEquals(first, two.token);
            assertEquals(200, two.client().get("/api/status", TestClient.bearer(first)).statusCode());
        }
    }

    @Test
    void aFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("control-token");
        Files.writeString(file, "a".repeat(43));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        BadInputException e = assertThrows(BadInputException.class, () -> AccessToken.loadOrCreate(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void aShortOrLinkedTokenIsRefused() throws Exception {
        Path file = dir.resolve("short");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "secret");
        assertTrue(assertThrows(BadInputException.class, () -> AccessToken.loadOrCreate(file)).getMessage().contains("at least 32"));
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, file);
        assertTrue(assertThrows(BadInputException.class, () -> AccessToken.loadOrCreate(link)).getMessage().contains("not a regular file"));
    }
}
