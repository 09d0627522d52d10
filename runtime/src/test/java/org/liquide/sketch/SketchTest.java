package org.liquide.sketch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.signal.SignalBus;
import org.liquide.hardware.testing.Await;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SketchTest {
    @TempDir
    Path dir;

    private Path write(String name, String code) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, code);
        return file;
    }

    private static int pixel(VideoFrame frame, int x, int y) {
        int i = y * frame.strideBytes() + x * 4;
        // BGRA bytes -> 0xAARRGGBB
        return (frame.pixels().get(i + 3) & 0xFF) << 24 | (frame.pixels().get(i + 2) & 0xFF) << 16
                | (frame.pixels().get(i + 1) & 0xFF) << 8 | (frame.pixels().get(i) & 0xFF);
    }

    private static VideoFrame awaitFrame(SketchRunner runner, java.util.function.Predicate<VideoFrame> condition) {
        VideoFrame[] seen = new VideoFrame[1];
        Await.until(Await.GENEROUS, "a matching sketch frame", () -> {
            VideoFrame frame = runner.output().takeLatest();
            if (frame != null && condition.test(frame)) {
                seen[0] = frame;
                return true;
            }
            return false;
        });
        return seen[0];
    }

    @Test
    void aSketchCompiledFromTheSceneDrawsWithProcessingAndReadsSignals() throws Exception {
        Path source = write("Disc.java", """
                package sketch.test;

                public class Disc extends org.liquide.sketch.Sketch {
                    public void draw() {
                        clear();
                        float size = (float) signal("visitor/near", 0) * width;
                        noStroke();
                        fill(255, 0, 0);
                        ellipse(width / 2f, height / 2f, size, size);
                    }
                }
                """);
        Class<? extends Sketch> type = SketchCompiler.compile(source, "sketch.test.Disc");
        SignalBus bus = new SignalBus();
        try (SketchRunner runner = new SketchRunner("disc", type.getDeclaredConstructor().newInstance(), 64, 48, 60, bus, null, java.util.List.of()).start()) {
            VideoFrame empty = awaitFrame(runner, f -> true);
            assertEquals(PixelFormat.BGRA32, empty.format());
            assertEquals(0, pixel(empty, 32, 24) >>> 24, "transparent before the signal");

            bus.publish("test", "visitor/near", new double[]{0.5}, 1, 0);
            VideoFrame disc = awaitFrame(runner, f -> (pixel(f, 32, 24) >>> 24) == 0xFF);
            assertEquals(0xFFFF0000, pixel(disc, 32, 24), "an opaque red disc in the middle");
            assertEquals(0, pixel(disc, 2, 2) >>> 24, "transparent around it");
        }
    }

    /**
     * A scene with a sketch that writes text comes back at every turn of the playlist: its default font is read
     * once, not once per sketch (Processing wrote a font file to the temporary folder and opened it in FreeType for
     * every new renderer, kept until the font caches let go).
     */
    @Test
    void sketchesThatWriteTextShareOneDefaultFont() throws Exception {
        Path source = write("Words.java", """
                package sketch.test;

                public class Words extends org.liquide.sketch.Sketch {
                    public void draw() {
                        background(0);
                        fill(255);
                        textSize(height * 0.4f);
                        text("mot", 4, height * 0.7f);
                    }
                }
                """);
        Class<? extends Sketch> type = SketchCompiler.compile(source, "sketch.test.Words");
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> before = fontFiles(temp);
        for (int scene = 0; scene < 12; scene++) {
            try (SketchRunner runner = new SketchRunner("words", type.getDeclaredConstructor().newInstance(), 64, 32, 60,
                    new SignalBus(), null, java.util.List.of()).start()) {
                VideoFrame written = awaitFrame(runner, f -> pixel(f, 1, 1) == 0xFF000000 && brightPixels(f) > 20);
                assertTrue(brightPixels(written) > 20, "the word is drawn");
            }
        }
        java.util.Set<Path> made = fontFiles(temp);
        made.removeAll(before);
        assertTrue(made.size() <= 1, "12 sketches wrote " + made.size() + " font files: " + made);
    }

    private static int brightPixels(VideoFrame frame) {
        int bright = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if ((pixel(frame, x, y) & 0xFF) > 128) {
                    bright++;
                }
            }
        }
        return bright;
    }

    /** The files {@code java.awt.Font.createFont} writes for each font it reads from a stream. */
    private static java.util.Set<Path> fontFiles(Path temp) throws java.io.IOException {
        try (var entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("+~JF"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    @Test
    void theSameSketchOnStageAgainReusesItsClassAndAnEditCompilesAnew() throws Exception {
        String code = "package sketch.test;\npublic class Again extends org.liquide.sketch.Sketch { public void draw() { } }\n";
        Path source = write("Again.java", code);
        Class<? extends Sketch> first = SketchCompiler.compile(source, "sketch.test.Again");
        assertSame(first, SketchCompiler.compile(source, "sketch.test.Again"), "a scene change compiles nothing new");

        Files.writeString(source, code.replace("{ }", "{ clear(); }"));
        Class<? extends Sketch> edited = SketchCompiler.compile(source, "sketch.test.Again");
        assertNotSame(first, edited, "the edit is compiled");
        assertNotSame(first.getClassLoader(), edited.getClassLoader());
        assertSame(first, SketchCompiler.compile(write("Again.java", code), "sketch.test.Again"), "the first text, again");
    }

    @Test
    void theCompiledSketchesKeptAreTheMostRecentlyUsed() {
        CompiledSketches kept = new CompiledSketches(2);
        kept.keep("a.A", "one", Sketch.class);
        kept.keep("a.B", "two", Sketch.class);
        assertTrue(kept.find("a.A", "one").isPresent()); // A used: B is now the eldest
        kept.keep("a.C", "three", Sketch.class);
        assertEquals(2, kept.size());
        assertTrue(kept.find("a.A", "one").isPresent());
        assertTrue(kept.find("a.B", "two").isEmpty(), "the least recently used went");
        assertTrue(kept.find("a.A", "edited").isEmpty(), "another text is another entry");
    }

    @Test
    void compileErrorsNameTheFileAndLine() throws Exception {
        Path source = write("Broken.java", """
                package sketch.test;

                public class Broken extends org.liquide.sketch.Sketch {
                    public void draw() {
                        background(0)
                    }
                }
                """);
        SketchCompileException e = assertThrows(SketchCompileException.class, () -> SketchCompiler.compile(source, "sketch.test.Broken"));
        assertTrue(e.getMessage().contains("Broken.java:5:22: ';' expected"), e.getMessage());
    }

    @Test
    void thePackageIsTheOneAskedForWhateverTheFileDeclares() throws Exception {
        Path copied = write("Copied.java", "package sketch.attente;\npublic class Copied extends org.liquide.sketch.Sketch { public void draw() { } }\n");
        assertEquals("sketch.essai.Copied", SketchCompiler.compile(copied, "sketch.essai.Copied").getName());
        Path undeclared = write("Undeclared.java", "public class Undeclared extends org.liquide.sketch.Sketch {\n public void draw() { x(); }\n}\n");
        SketchCompileException e = assertThrows(SketchCompileException.class,
                () -> SketchCompiler.compile(undeclared, "sketch.essai.Undeclared"));
        assertTrue(e.getMessage().contains("Undeclared.java:2:23: cannot find symbol"), "lines and columns stay the file's: " + e.getMessage());
    }

    @Test
    void aClassThatIsNotASketchIsRefused() throws Exception {
        Path source = write("Plain.java", "package sketch.test; public class Plain { }");
        SketchCompileException e = assertThrows(SketchCompileException.class, () -> SketchCompiler.compile(source, "sketch.test.Plain"));
        assertTrue(e.getMessage().contains("must extend org.liquide.sketch.Sketch"), e.getMessage());
    }

    @Test
    void aSketchThatThrowsKeepsItsLastFrameAndAReplacementTakesOver() throws Exception {
        Path source = write("Flaky.java", """
                package sketch.test;

                public class Flaky extends org.liquide.sketch.Sketch {
                    public void draw() {
                        if (frameCount > 5) {
                            throw new IllegalStateException("boom");
                        }
                        background(0, 255, 0);
                    }
                }
                """);
        Path fixed = write("Fixed.java", """
                package sketch.test;

                public class Fixed extends org.liquide.sketch.Sketch {
                    public void draw() {
                        background(0, 0, 255);
                    }
                }
                """);
        try (SketchRunner runner = new SketchRunner("flaky",
                SketchCompiler.compile(source, "sketch.test.Flaky").getDeclaredConstructor().newInstance(), 32, 32, 120, new SignalBus(), null, java.util.List.of()).start()) {
            Await.until(Await.GENEROUS, "the sketch failing", () -> runner.lastError().contains("boom"));
            long frames = runner.framesDrawn();
            assertEquals(5, frames, "frames published before the failure");
            runner.replace(SketchCompiler.compile(fixed, "sketch.test.Fixed").getDeclaredConstructor().newInstance());
            VideoFrame blue = awaitFrame(runner, f -> pixel(f, 16, 16) == 0xFF0000FF);
            assertNotNull(blue);
            assertEquals("", runner.lastError());
        }
    }
}
