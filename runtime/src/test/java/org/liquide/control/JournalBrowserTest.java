package org.liquide.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.record.JournalEntry;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The journal view and the recording toggle in a real headless Chromium, over the {@link FakeShow}'s
 * journal (the day of {@link JournalApiTest#feed} plus a few coloured snapshots). The page runs in the
 * venue's time zone (Europe/Paris). Screenshots go to {@code target/panel-screenshots/}.
 */
class JournalBrowserTest extends PanelInChromium {
    /** The snapshots of the day, in the order taken, with the colour of each. */
    private static final List<Color> COLOURS = List.of(new Color(30, 160, 90), new Color(200, 60, 40),
            new Color(40, 90, 200), new Color(220, 190, 40), new Color(140, 50, 170), new Color(20, 150, 160));


    @TempDir
    Path dir;
    private TestServer server;
    private PanelDriver panel;

    @BeforeEach
    void signIn() throws IOException {
        server = new TestServer(dir, false);
        Path journal = dir.resolve("journal");
        for (String file : List.of(JournalApiTest.VERSION, JournalApiTest.DIFF, JournalApiTest.RECORDING)) {
            Files.createDirectories(journal.resolve(file).getParent());
        }
        Files.writeString(journal.resolve(JournalApiTest.VERSION), "layers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        Files.writeString(journal.resolve(JournalApiTest.DIFF), """
                --- a/scenes/biais/scene.yaml
                +++ b/scenes/biais/scene.yaml
                @@ -1,2 +1,2 @@
                 layers:
                -  - {name: fond, type: shader, file: fond.frag}
                +  - {name: marée, type: shader, file: maree.frag}
                """);
        Files.write(journal.resolve(JournalApiTest.RECORDING), new byte[4096]);
        Files.createDirectories(journal.resolve(JournalApiTest.SNAPSHOT).getParent());
        Files.write(journal.resolve(JournalApiTest.SNAPSHOT), JournalApiTest.jpeg());
        server.show.journalFolder(journal);
        JournalApiTest.feed(server.show);
        // Hours counted (local to the showcase), each written as it ends: 18h (Paris) ends at 18:00Z. None for 20h.
        for (int[] hour : new int[][]{{18, 30}, {19, 45}, {21, 8}}) {
            server.show.addJournalEntry(new JournalEntry(Instant.parse(String.format("2027-01-15T%02d:00:01Z", hour[0])),
                    "interactions", "", Map.of("hour", "2027-01-15T" + hour[0] + ":00", "count", hour[1])));
        }
        for (int i = 0; i < COLOURS.size(); i++) {
            Instant time = Instant.parse("2027-01-15T16:30:00Z").plus(Duration.ofMinutes(25L * i));
            String file = snapshotFile(i);
            Files.createDirectories(journal.resolve(file).getParent());
            Files.write(journal.resolve(file), jpeg(COLOURS.get(i), 320, 180));
            server.show.addJournalEntry(new JournalEntry(time, "snapshot", file,
                    Map.of("scene", i < 3 ? "biais" : "marée", "width", 320, "height", 180)));
        }
        panel = openPanel(server);
        panel.timeZone("Europe/Paris").phone().login(server.token);
    }

    private static String snapshotFile(int i) {
        return "snapshots/2027-01-15/" + String.format("%02d", 17 + i / 2) + (i % 2 == 0 ? "3000" : "5500") + "-shot" + i + ".jpg";
    }

    @AfterEach
    void noPageErrors() {
        closePanel(panel, server);
    }

    private static byte[] jpeg(Color colour, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private void openDay(String day) {
        panel.navigate("/#journal/" + day);
        Await.until(PanelDriver.WAIT, () -> "the journal of " + day + " (page errors: " + browser.pageErrors() + ")",
                () -> day.equals(panel.evaluate("document.body.dataset.journal || ''")));
    }

    @Test
    void theContactSheetShowsTheDaysSnapshotsAndATapEnlargesOne() throws Exception {
        panel.click("#tab-journal");
        Await.until(PanelDriver.WAIT, "the journal view", () -> panel.visible("#journal-sheet-card"));
        assertFalse(panel.visible("#outputs-card"), "the live view is hidden");
        openDay("2027-01-15");

        String thumbs = "#journal-sheet button.thumb";
        assertEquals(COLOURS.size() + 1, ((Number) panel.evaluate("document.querySelectorAll('" + thumbs + "').length")).intValue());
        for (int i = 0; i < COLOURS.size(); i++) {
            String img = "#journal-sheet button.thumb[data-file=\"" + snapshotFile(i) + "\"] img";
            panel.evaluate("document.querySelector('" + img.replace("'", "\\'") + "').scrollIntoView()");
            Await.until(PanelDriver.WAIT, "thumbnail " + i + " decoded",
                    () -> Boolean.TRUE.equals(panel.evaluate("(() => { const i = document.querySelector('" + img.replace("'", "\\'")
                            + "'); return i.complete && i.naturalWidth === 320; })()")));
            assertColor(COLOURS.get(i).getRGB() & 0xFFFFFF, panel.imageColor(img, 0.5, 0.5));
        }
        // Times in the venue's zone: 16:30Z is 17:30 in Paris in January.
        assertEquals("17:30", panel.text("#journal-sheet button.thumb[data-index=\"0\"] .caption .mono"));
        panel.awaitText("#journal-summary", s -> s.startsWith("7 snapshots · 2 scenes · 1 change · 95 interactions · 1 recording"), "the day's counts");

        panel.click("#journal-sheet button.thumb[data-index=\"1\"]");
        Await.until(PanelDriver.WAIT, "the enlarged snapshot", () -> panel.visible("#viewer img.full"));
        Await.until(PanelDriver.WAIT, "its full image", () -> Boolean.TRUE.equals(
                panel.evaluate("document.querySelector('#viewer img.full').naturalWidth === 320")));
        assertColor(COLOURS.get(1).getRGB() & 0xFFFFFF, panel.imageColor("#viewer img.full", 0.5, 0.5));
        panel.awaitText("#viewer-title", s -> s.startsWith("17:55:00 · biais"), "the snapshot's time and scene");
        panel.screenshot(PanelBrowserTest.SCREENSHOTS.resolve("journal-phone-snapshot.png"));
        panel.click("#viewer-next");
        panel.awaitText("#viewer-title", s -> s.startsWith("18:20:00 · biais") && s.contains("stabilityai/sd-turbo@0123456 · other: sai-nc-community"),
                "the next snapshot, taken while the scene ran sd-turbo, with that model's provenance");
        panel.click("#viewer-close");
        Await.until(PanelDriver.WAIT, "the viewer closed", () -> !panel.visible("#viewer"));
    }

    @Test
    void theTimelineTellsScenesInteractionsAndRecordingsAndADiffOpens() throws Exception {
        openDay("2027-01-15");
        panel.awaitText("#journal-scenes li[data-scene=\"biais\"]", s -> s.contains("18:00:02") && s.contains("sd-turbo-int8")
                && s.contains("seed 42") && s.contains("ink in water") && s.contains("slow tide") && s.contains("for 1 h 9 min")
                && s.contains("stabilityai/sd-turbo@0123456 · other: sai-nc-community · 2.0 GiB"),
                "the scene with its model and where the model comes from, seed, prompts and time on stage");
        panel.awaitText("#journal-scenes li[data-scene=\"marée\"]", s -> s.contains("procedural") && s.contains("no prompt"), "the next scene");
        panel.awaitText("#journal-interactions .hour[data-hour=\"17\"] .count", "12");
        panel.awaitText("#journal-interactions .hour[data-hour=\"19\"] .count", "45");
        assertEquals(Boolean.TRUE, panel.evaluate("document.querySelector('#journal-interactions .hour[data-hour=\"20\"]').classList.contains('none')"),
                "an hour with no count is shown as such, not as zero");
        panel.awaitText("#journal-interactions .total", "95 in all");
        panel.awaitText("#journal-recordings", s -> s.contains("18:50:00") && s.contains("5 min") && s.contains("9000 frames"),
                "the recording, its length and frames");
        assertEquals("/api/journal/files/" + JournalApiTest.RECORDING,
                panel.evaluate("new URL(document.querySelector('#journal-recordings a').href).pathname"));

        panel.click("#journal-changes button.change");
        Await.until(PanelDriver.WAIT, "the diff", () -> panel.visible("#viewer pre.text .add"));
        assertEquals("+  - {name: marée, type: shader, file: maree.frag}", panel.text("#viewer pre.text .add"));
        assertEquals("-  - {name: fond, type: shader, file: fond.frag}", panel.text("#viewer pre.text .del"));
        panel.awaitText("#viewer-title", s -> s.contains("scenes/biais/scene.yaml"), "the changed file");
        panel.screenshot(PanelBrowserTest.SCREENSHOTS.resolve("journal-phone-diff.png"));
        panel.click("#viewer-close");
        Await.until(PanelDriver.WAIT, "the viewer closed", () -> !panel.visible("#viewer"));

        panel.screenshot(PanelBrowserTest.SCREENSHOTS.resolve("journal-phone.png"));
        panel.tablet();
        panel.screenshot(PanelBrowserTest.SCREENSHOTS.resolve("journal-tablet.png"));

        panel.click("#journal-prev");
        Await.until(PanelDriver.WAIT, "the day before", () -> "2027-01-14".equals(panel.evaluate("document.body.dataset.journal || ''")));
        panel.awaitText("#journal-interactions .hour[data-hour=\"22\"] .count", "3");
        panel.awaitText("#journal-sheet", "No snapshot this day.");
        assertEquals("#journal/2027-01-14", panel.evaluate("location.hash"));
    }

    @Test
    void theRecordToggleShowsARedDotAndTheTimeRecorded() throws Exception {
        assertFalse(panel.visible("#badge-recording"));
        panel.awaitText("#record .label", "Record");
        panel.click("#record");
        server.show.awaitCall("startRecording()");
        Await.until(PanelDriver.WAIT, "the recording badge", () -> panel.visible("#badge-recording .dot"));
        panel.awaitText("#record .label", "Stop recording");
        assertEquals("true", panel.evaluate("document.querySelector('#record').getAttribute('aria-pressed')"));
        server.clock.advance(Duration.ofSeconds(65));
        panel.awaitText("#badge-recording .elapsed", s -> s.matches("1:0[5-9]"), "the time recorded");
        panel.awaitText("#record .elapsed", s -> s.matches("1:0[5-9]"), "the time on the toggle");
        panel.awaitText("#toasts", s -> s.contains("Recording to /var/lib/liquide/journal/Reflets/recordings/"), "where it records");
        panel.screenshot(PanelBrowserTest.SCREENSHOTS.resolve("panel-phone-recording.png"));

        panel.click("#record");
        server.show.awaitCall("stopRecording()");
        Await.until(PanelDriver.WAIT, "the badge gone", () -> !panel.visible("#badge-recording"));
        panel.awaitText("#record .label", "Record");

        // Started elsewhere (OSC, another tablet): the panel follows.
        server.show.startRecording();
        Await.until(PanelDriver.WAIT, "the badge for a recording started elsewhere", () -> panel.visible("#badge-recording"));
    }

    /** JPEG is lossy: each channel within 16 of the expected colour. */
    private static void assertColor(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 16, String.format("expected about #%06x, the page shows #%06x", expected, actual));
        }
    }
}
