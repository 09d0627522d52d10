package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.testing.OffscreenGl;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.render.shader.ShaderTesting.*;

/** Every kind of broken shader is reported on the artist's own file and line, compiled by the real driver. */
@ExtendWith(OffscreenGl.class)
class ShaderErrorsTest {
    @TempDir
    Path dir;

    @Test
    void anIsfCompileErrorNamesTheLineInTheFsFile() {
        ShaderException e = assertThrows(ShaderException.class, () -> open("compile-error.fs", 32, 32));
        Diagnostic first = e.first();
        assertEquals("compile-error.fs", first.file());
        assertEquals(12, first.line(), e.getMessage());
        assertTrue(first.message().contains("amout"), first.message());
        assertTrue(e.getMessage().startsWith("compile-error.fs:12:"), e.getMessage());
    }

    @Test
    void aPlainGlslCompileErrorNamesItsLine() {
        ShaderException e = assertThrows(ShaderException.class, () -> open("plain-error.glsl", 32, 32));
        // The missing semicolon at the end of line 5 is noticed on line 6, where the statement goes on.
        assertEquals("plain-error.glsl", e.first().file());
        assertTrue(e.first().line() == 5 || e.first().line() == 6, e.getMessage());
    }

    @Test
    void aVertexShaderErrorNamesTheLineInTheVsFile() {
        ShaderException e = assertThrows(ShaderException.class, () -> open("vertex-error.fs", 32, 32));
        assertEquals("vertex-error.vs", e.first().file(), e.getMessage());
        assertEquals(4, e.first().line(), e.getMessage());
    }

    @Test
    void aJsonErrorNamesLineAndColumn() {
        ShaderException e = assertThrows(ShaderException.class, () -> open("json-error.fs", 32, 32));
        assertEquals(6, e.first().line());
        assertEquals(13, e.first().column());
        assertTrue(e.getMessage().startsWith("json-error.fs:6:13: error: invalid JSON in the ISF header"), e.getMessage());
    }

    @Test
    void aMissingImportedImageNamesTheLineOfItsPath() throws Exception {
        Path file = dir.resolve("paper.fs");
        Files.writeString(file, """
                /*{
                    "IMPORTED": {
                        "paper": { "PATH": "textures/paper.png" }
                    }
                }*/
                void main() { gl_FragColor = IMG_THIS_PIXEL(paper); }
                """);
        ShaderException e = assertThrows(ShaderException.class, () -> ShaderDocument.load(file));
        assertEquals(3, e.first().line());
        assertTrue(e.first().message().contains("paper.png (no such file)"), e.getMessage());
    }

    @Test
    void anFsFileWithoutHeaderAndAMissingFileAreClear() throws Exception {
        Path file = dir.resolve("bare.fs");
        Files.writeString(file, "void main() { gl_FragColor = vec4(1.0); }\n");
        ShaderException bare = assertThrows(ShaderException.class, () -> ShaderDocument.load(file));
        assertTrue(bare.getMessage().startsWith("bare.fs:1:1: error: no ISF header"), bare.getMessage());
        ShaderException missing = assertThrows(ShaderException.class, () -> ShaderDocument.load(dir.resolve("gone.fs")));
        assertTrue(missing.getMessage().startsWith("gone.fs: error: no such file"), missing.getMessage());
    }

    @Test
    void redeclaringABuiltInIsReportedOnTheArtistsLine() throws Exception {
        Path file = dir.resolve("redeclare.fs");
        Files.writeString(file, """
                /*{ "INPUTS": [ { "NAME": "speed", "TYPE": "float" } ] }*/

                uniform float speed;
                void main() { gl_FragColor = vec4(speed); }
                """);
        ShaderException e = assertThrows(ShaderException.class, () -> ShaderLayer.open(file, 16, 16));
        assertEquals(3, e.first().line(), e.getMessage());
    }

    @Test
    void crlfFilesAndCommentsBeforeTheHeaderKeepTheirLineNumbers() throws Exception {
        Path file = dir.resolve("windows.fs");
        Files.writeString(file, "// Written on Windows\r\n/*{\r\n  \"DESCRIPTION\": \"crlf\"\r\n}*/\r\nvoid main() {\r\n  gl_FragColor = vec4(oops);\r\n}\r\n");
        ShaderException e = assertThrows(ShaderException.class, () -> ShaderLayer.open(file, 16, 16));
        assertEquals(6, e.first().line(), e.getMessage());
    }
}
