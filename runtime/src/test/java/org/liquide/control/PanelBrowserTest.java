package org.liquide.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The panel end to end in a real headless Chromium, over the {@link FakeShow}: the login form, live
 * values, the buttons and the corner handles. Screenshots of a phone and a tablet layout go to
 * {@code target/panel-screenshots/}.
 */
class PanelBrowserTest extends PanelInChromium {
    static final Path SCREENSHOTS = Path.of("target", "panel-screenshots");


    @TempDir
    Path dir;
    private TestServer server;
    private PanelDriver panel;

    @BeforeEach
    void signIn() {
        server = new TestServer(dir, false);
        panel = openPanel(server);
        panel.phone().login(server.token);
    }

    @AfterEach
    void noPageErrors() {
        closePanel(panel, server);
    }

    @Test
    void showsTheShowLiveAfterLogin() throws Exception {
        panel.awaitText("#scene-current", "biais");
        panel.awaitText("#scene-description", "La même image à travers trois générateurs.");
        panel.awaitText("#scene-next", "next: marée in 12:35");
        panel.awaitText("#showcase", "Reflets");
        panel.awaitText("#frames-fps", "59.9");
        panel.awaitText("[data-signal=\"presence\"] .raw", "0.370");
        panel.awaitText("[data-signal=\"presence\"] .target", "→ reve.strength 0.296");
        panel.awaitText("[data-signal=\"lidar/distance\"] .age", "never");
        panel.awaitText("[data-layer=\"brume\"] .error", "model file missing: brume.onnx");
        panel.awaitText("[data-layer=\"reve\"] .facts", s -> s.contains("86 ms") && s.contains("42 %"), "latency and skip ratio");
        panel.awaitText("[data-device=\"plafond\"] .state", "lost");
        panel.awaitText("[data-device=\"pi-porte\"] .state", "stale");
        panel.awaitText("#log", s -> s.contains("camera plafond: no frame for 12 s"), "the log's tail");
        assertTrue(panel.visible("#badge-rehearsal"));
        assertFalse(panel.visible("#badge-blackout"));

        // A value that changes in the show appears in the page.
        server.show.framesPerSecond(42.5);
        panel.awaitText("#frames-fps", "42.5");

        // An edit the show refused is said where the scene is, and goes away once fixed.
        assertFalse(panel.visible("#scene-problem"));
        server.show.problem = "scene biais not shown: fond.frag:3:41: error: syntax error";
        panel.awaitText("#scene-problem", s -> s.contains("fond.frag:3:41"), "the refused edit");
        server.show.problem = "";
        Await.until(PanelDriver.WAIT, "the problem cleared", () -> !panel.visible("#scene-problem"));

        // The previews follow new JPEGs: what the show renders reaches the page.
        Await.until(PanelDriver.WAIT, "the first preview", () -> panel.previewLoads("main") >= 1);
        assertColor(0x14285a, panel.previewColor("main", 0.5, 0.2));
        int before = panel.previewLoads("main");
        server.previews.publish("main", new Color(200, 60, 40), 320, 180);
        Await.until(PanelDriver.WAIT, "the new preview", () -> panel.previewLoads("main") > before);
        assertColor(0xc83c28, panel.previewColor("main", 0.5, 0.2));

        panel.screenshot(SCREENSHOTS.resolve("panel-phone.png"));
        panel.tablet();
        panel.awaitText("#frames-fps", "42.5");
        panel.screenshot(SCREENSHOTS.resolve("panel-tablet.png"));
    }

    @Test
    void onAPhoneTheFirstScreenIsTheSceneThePreviewAndTheShowsButtons() throws Exception {
        server.show.rehearsal(false);
        server.show.moreSignals = 9;
        panel.navigate("/"); // as opened out of rehearsal
        panel.awaitText("#scene-current", "biais");
        Await.until(PanelDriver.WAIT, "the first preview", () -> panel.previewLoads("main") >= 1);
        Await.until(PanelDriver.WAIT, "twelve signals", () -> ((Number) panel.evaluate("document.querySelectorAll('#signals .signal').length")).intValue() == 12);
        panel.screenshot(SCREENSHOTS.resolve("panel-phone-first-screen.png"));
        for (String part : List.of("#scene-card", "#scenes", "#next", "#actions-card", "#blackout", "#record", "[data-output=\"main\"] img")) {
            String where = String.valueOf(panel.evaluate("(() => { const r = document.querySelector(" + PanelDriver.js(part)
                    + ").getBoundingClientRect(); return Math.round(r.top) + '-' + Math.round(r.bottom) + ' of ' + window.innerHeight; })()"));
            String[] figures = where.split("[- ]");
            assertTrue(Integer.parseInt(figures[0]) >= 0 && Integer.parseInt(figures[1]) <= Integer.parseInt(figures[3]),
                    part + " on the first screen: " + where + " px");
        }
        String presence = "[data-signal=\"presence\"]";
        String height = "document.querySelector(" + PanelDriver.js(presence) + ").getBoundingClientRect().height";
        double closed = ((Number) panel.evaluate(height)).doubleValue();
        assertTrue(closed <= 60, "a closed signal is one line: " + closed + " px");
        panel.click(presence + " summary");
        Await.until(PanelDriver.WAIT, "the signal opened to its source, mapping and age",
                () -> ((Number) panel.evaluate(height)).doubleValue() > closed + 15);
        panel.awaitText(presence + " .target", "→ reve.strength 0.296");
        double list = ((Number) panel.evaluate("document.querySelector('#signals-card').getBoundingClientRect().height")).doubleValue();
        assertTrue(list < 12 * 60 + 150, "twelve signals, one of them open, in one short list: " + list + " px");
    }

    @Test
    void onADesktopTheCardsLeaveNoHoleInTheGrid() throws Exception {
        panel.viewport(1400, 900, 1, false);
        panel.awaitText("#scene-current", "biais");
        server.show.sleep();
        panel.awaitText(".output[data-output=\"main\"] .asleep", s -> s.startsWith("asleep"), "the asleep note");
        Object holes = panel.evaluate("(() => { const grid = document.querySelector('#view-live').getBoundingClientRect();"
                + " const cards = [...document.querySelectorAll('#view-live > .card')].map(c => c.getBoundingClientRect());"
                + " const firstRow = cards.filter(r => Math.abs(r.top - cards[0].top) < 2);"
                + " return grid.right - 12 - Math.max(...firstRow.map(r => r.right)); })()");
        assertTrue(((Number) holes).doubleValue() < 2, "the first row of cards reaches the right edge: " + holes + " px left empty");
        panel.screenshot(SCREENSHOTS.resolve("panel-desktop-asleep.png"));
    }

    @Test
    void clickingASceneButtonSwitchesToIt() {
        panel.awaitText("#scene-current", "biais");
        panel.clickScene("marée");
        server.show.awaitCall("switchScene(marée)");
        panel.awaitText("#scene-current", "marée");
        assertEquals("true", panel.evaluate("document.querySelector('#scenes button[data-scene=\"marée\"]').getAttribute('aria-pressed')"));

        panel.click("#next");
        server.show.awaitCall("next()");
        panel.awaitText("#scene-current", "nuit");
    }

    @Test
    void eachAudioInputAndTheOutputShowTheirState() {
        panel.awaitText("[data-audio-input=\"salle\"] .state", "online");
        panel.awaitText("[data-audio-input=\"salle\"] .detail", "default");
        panel.awaitText("[data-audio-input=\"salle\"] .level", "-23 dBFS");
        Object width = panel.evaluate("document.querySelector('[data-audio-input=\"salle\"] .meter .bar').style.width");
        assertEquals("61%", width, "the meter: -23.4 dBFS on a -60..0 dB scale");
        panel.awaitText("[data-audio-input=\"micro-hf\"] .state", "lost");
        panel.awaitText("[data-audio-input=\"micro-hf\"] .detail", "Shure · 2 outages · no sound device matching 'Shure'");
        panel.awaitText("[data-audio-output=\"default\"] .detail", "default · gain -6 dB · 3 underruns");
        panel.click("#blackout");
        server.show.awaitCall("blackout(true)");
        panel.awaitText("[data-audio-output=\"default\"] .detail", s -> s.endsWith("· muted: blackout"), "muted by the blackout");
        panel.click("#blackout");
        server.show.awaitCall("blackout(false)");
    }

    @Test
    void blackoutAndTheConfirmedActions() throws Exception {
        panel.click("#blackout");
        server.show.awaitCall("blackout(true)");
        Await.until(PanelDriver.WAIT, "the blackout badge", () -> panel.visible("#badge-blackout"));
        panel.awaitText("#blackout", "End blackout");
        panel.screenshot(SCREENSHOTS.resolve("panel-phone-blackout.png"));
        panel.click("#blackout");
        server.show.awaitCall("blackout(false)");

        panel.click("#reload");
        panel.awaitText("#reload", "Tap again to confirm");
        assertFalse(server.show.calls().contains("reload()"), "one tap is not enough");
        panel.click("#reload");
        server.show.awaitCall("reload()");

        panel.click("#snapshot");
        server.show.awaitCall("snapshot()");
        panel.awaitText("#toasts", s -> s.contains("180405-biais.jpg"), "the snapshot's path");
    }

    @Test
    void oncePreviewedTheImageNeverBlanksWhileNewFramesArrive() {
        Await.until(PanelDriver.WAIT, "the first preview", () -> panel.previewLoads("main") >= 1);
        // A watcher in the page, polled every few milliseconds: any moment the preview shows no decoded image.
        panel.evaluate("(() => { window.blankPreviews = 0; setInterval(() => {"
                + " const i = document.querySelector('[data-output=\"main\"] img');"
                + " if (!i || i.hidden || !i.complete || i.naturalWidth === 0) window.blankPreviews += 1; }, 2); return true; })()");
        for (int frame = 0; frame < 12; frame++) {
            int before = panel.previewLoads("main");
            server.previews.publish("main", new Color(20 * frame, 200 - 10 * frame, 90), 320, 180);
            Await.until(PanelDriver.WAIT, "preview " + frame, () -> panel.previewLoads("main") > before);
        }
        assertColor(0xdc5a5a, panel.previewColor("main", 0.5, 0.2));
        assertEquals(0, ((Number) panel.evaluate("window.blankPreviews")).intValue(),
                "moments the preview showed no image between two frames");
    }

    @Test
    void asleepThePreviewSaysUntilWhenInsteadOfBlack() throws Exception {
        panel.awaitText("#scene-current", "biais");
        assertFalse(panel.visible(".output[data-output=\"main\"] .asleep"));
        server.show.sleep();
        panel.awaitText(".output[data-output=\"main\"] .asleep",
                "asleep until 11:00 (Europe/Paris): press Wake to see the show now");
        panel.awaitText("#sleep", "Wake");
        panel.screenshot(SCREENSHOTS.resolve("panel-phone-asleep.png"));
        panel.click("#sleep");
        server.show.awaitCall("wake()");
        Await.until(PanelDriver.WAIT, "the note gone once awake",
                () -> !panel.visible(".output[data-output=\"main\"] .asleep"));
    }

    @Test
    void draggingACornerHandleMovesTheWarpCorner() throws Exception {
        panel.dragCorner("mur", 2, 0.8, 0.9);
        Await.until(PanelDriver.WAIT, () -> "setWarpCorner(mur,2,0.8,0.9) among " + server.show.calls(),
                () -> lastCorner("mur", 2) != null && Math.abs(lastCorner("mur", 2)[0] - 0.8) < 0.01
                        && Math.abs(lastCorner("mur", 2)[1] - 0.9) < 0.01);
        panel.screenshot(SCREENSHOTS.resolve("panel-phone-corners.png"));
    }

    @Test
    void rehearsalSlidersPlaySimulatedSensors() {
        String slider = "[data-signal=\"presence\"] input.simulate";
        Await.until(PanelDriver.WAIT, "the rehearsal slider", () -> panel.visible(slider));
        panel.click(slider); // the middle of the track
        Await.until(PanelDriver.WAIT, () -> "setSimulatedSignal(presence, about 0.5) among " + server.show.calls(),
                () -> server.show.calls().stream().anyMatch(c -> c.matches("setSimulatedSignal\\(presence,0\\.(4[5-9]|5[0-5])\\)")));
        panel.awaitText("[data-signal=\"presence\"] .raw", s -> s.startsWith("0.4") || s.startsWith("0.5"), "the played value");
    }

    @Test
    void aWrongTokenOnTheLoginPageSaysSo() {
        panel.signOutOfBrowser();
        panel.navigate("/");
        panel.awaitPath("/login");
        panel.click("#token");
        browser.call("Input.insertText", Chromium.params().put("text", "not-the-token-not-the-token-not-the-token"));
        panel.click("#login-submit");
        panel.awaitText("#login-message", "Wrong token.");
    }

    /** JPEG is lossy: each channel within 12 of the expected colour. */
    private static void assertColor(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 12, String.format("expected about #%06x, the page shows #%06x", expected, actual));
        }
    }

    private double[] lastCorner(String display, int corner) {
        String prefix = String.format(Locale.ROOT, "setWarpCorner(%s,%d,", display, corner);
        List<String> calls = server.show.calls().stream().filter(c -> c.startsWith(prefix)).toList();
        if (calls.isEmpty()) {
            return null;
        }
        String[] xy = calls.getLast().substring(prefix.length(), calls.getLast().length() - 1).split(",");
        return new double[]{Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }
}
