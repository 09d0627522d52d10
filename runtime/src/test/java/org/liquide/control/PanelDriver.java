package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.liquide.hardware.testing.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Drives the control panel in a real headless Chromium the way a technician would: logs in through the
 * form, reads what the page shows, clicks with real mouse events at an element's place on screen (so
 * a covered or hidden button is not clickable), drags corner handles. Works against any running
 * {@link ControlServer}: give it the server's URL, whatever {@code ShowControl} is behind it.
 *
 * <pre>{@code
 * try (PanelDriver panel = PanelDriver.open(server.url())) {
 *     panel.login(token);
 *     panel.clickScene("biais");
 *     panel.awaitText("#scene-current", "biais");
 * }
 * }</pre>
 */
public final class PanelDriver implements AutoCloseable {
    public static final Duration WAIT = Await.GENEROUS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Chromium browser;
    private final URI base;

    PanelDriver(Chromium browser, URI base) {
        this.browser = browser;
        this.base = base;
    }

    /** Launches Chromium (failing with the package to install when missing) for the panel at {@code base}. */
    public static PanelDriver open(URI base) throws IOException {
        return new PanelDriver(Chromium.launch(), base);
    }

    /** JavaScript exceptions, console errors and CSP violations seen on the page so far. */
    public java.util.List<String> pageErrors() {
        return browser.pageErrors();
    }

    /** The page's time zone (an IANA id such as Europe/Paris), as a phone in the venue would have it. */
    public PanelDriver timeZone(String zone) {
        browser.call("Emulation.setTimezoneOverride", Chromium.params().put("timezoneId", zone));
        return this;
    }

    Chromium browser() {
        return browser;
    }

    /** A phone (390×844 CSS pixels, 3x, touch) or tablet (820×1180, 2x) or desktop viewport. */
    public PanelDriver viewport(int width, int height, double scale, boolean mobile) {
        ObjectNode p = Chromium.params().put("width", width).put("height", height)
                .put("deviceScaleFactor", scale).put("mobile", mobile);
        browser.call("Emulation.setDeviceMetricsOverride", p);
        return this;
    }

    public PanelDriver phone() {
        return viewport(390, 844, 2, true);
    }

    public PanelDriver tablet() {
        return viewport(820, 1180, 2, true);
    }

    /** Goes to a path of the panel and waits for the page to have loaded. */
    public PanelDriver navigate(String path) {
        browser.call("Page.navigate", Chromium.params().put("url", base.resolve(path).toString()));
        Await.until(WAIT, () -> "loading " + path + " (at " + safeLocation() + ")",
                () -> "complete".equals(evaluate("document.readyState")));
        return this;
    }

    /** Opens the panel, is sent to the login page, types the token, submits, and waits for the live panel. */
    public PanelDriver login(String token) {
        navigate("/");
        awaitPath("/login");
        click("#token");
        browser.call("Input.insertText", Chromium.params().put("text", token));
        click("#login-submit");
        try {
            awaitPath("/");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the login page says \"" + text("#login-message")
                    + "\", page: " + evaluate("document.documentElement.outerHTML.slice(0, 600)")
                    + "; page errors: " + browser.pageErrors(), e);
        }
        awaitReady();
        return this;
    }

    /** Waits until the panel has its session and started polling. */
    public PanelDriver awaitReady() {
        Await.until(WAIT, () -> "the panel to start (errors: " + browser.pageErrors() + ")",
                () -> "true".equals(evaluate("document.body && document.body.dataset.ready || ''")));
        return this;
    }

    public void awaitPath(String path) {
        Await.until(WAIT, () -> "the page at " + path + " (now " + safeLocation() + ")",
                () -> path.equals(evaluate("location.pathname")) && "complete".equals(evaluate("document.readyState")));
    }

    private String safeLocation() {
        try {
            return String.valueOf(evaluate("location.href"));
        } catch (AssertionError e) {
            return "?";
        }
    }

    /** The text of the first element matching a CSS selector, or null when there is none. */
    public String text(String selector) {
        Object value = evaluate("(() => { const e = document.querySelector(" + js(selector) + "); return e ? e.textContent : null; })()");
        return value == null ? null : value.toString();
    }

    public String awaitText(String selector, String expected) {
        return awaitText(selector, expected::equals, "\"" + expected + "\"");
    }

    public String awaitText(String selector, Predicate<String> condition, String description) {
        String[] last = new String[1];
        Await.until(WAIT, () -> selector + " to show " + description + " (shows \"" + last[0] + "\")", () -> {
            last[0] = text(selector);
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }

    public boolean visible(String selector) {
        return Boolean.TRUE.equals(evaluate("(() => { const e = document.querySelector(" + js(selector)
                + "); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0"
                + " && getComputedStyle(e).visibility !== 'hidden'; })()"));
    }

    /** Clicks the element's centre with real mouse events, after scrolling it into view. */
    public void click(String selector) {
        double[] at = centre(selector);
        mouse("mousePressed", at[0], at[1], 1);
        mouse("mouseReleased", at[0], at[1], 1);
    }

    public void clickScene(String name) {
        click("#scenes button[data-scene=" + js(name) + "]");
    }

    /** Drags a display's corner handle (after turning on corner editing) to (x, y) in [0,1] of its preview. */
    void dragCorner(String output, int corner, double x, double y) {
        String frame = "[data-output=" + js(output) + "] .preview";
        Await.until(WAIT, () -> "the preview of " + output, () -> visible(frame));
        if (!Boolean.TRUE.equals(evaluate("document.querySelector(" + js(frame) + ").classList.contains('editing')"))) {
            click("[data-output=" + js(output) + "] .edit-corners");
        }
        String handle = frame + " .handle[data-corner=\"" + corner + "\"]";
        Await.until(WAIT, "the corner handle to show", () -> visible(handle));
        double[] from = centre(handle);
        JsonNode box = box(frame);
        double toX = box.path("x").asDouble() + x * box.path("width").asDouble();
        double toY = box.path("y").asDouble() + y * box.path("height").asDouble();
        mouse("mousePressed", from[0], from[1], 1);
        for (int step = 1; step <= 8; step++) {
            mouse("mouseMoved", from[0] + (toX - from[0]) * step / 8, from[1] + (toY - from[1]) * step / 8, 1);
        }
        mouse("mouseReleased", toX, toY, 1);
    }

    private double[] centre(String selector) {
        Await.until(WAIT, () -> selector + " to be on the page and visible", () -> visible(selector));
        evaluate("document.querySelector(" + js(selector) + ").scrollIntoView({block: 'center', inline: 'center'})");
        JsonNode box = box(selector);
        return new double[]{box.path("x").asDouble() + box.path("width").asDouble() / 2,
                box.path("y").asDouble() + box.path("height").asDouble() / 2};
    }

    private JsonNode box(String selector) {
        Object json = evaluate("JSON.stringify(document.querySelector(" + js(selector) + ").getBoundingClientRect())");
        try {
            return JSON.readTree(Objects.toString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mouse(String type, double x, double y, int buttons) {
        ObjectNode p = Chromium.params().put("type", type).put("x", x).put("y", y).put("button", "left")
                .put("buttons", type.equals("mouseReleased") ? 0 : buttons).put("clickCount", 1);
        browser.call("Input.dispatchMouseEvent", p);
    }

    /** How many preview JPEGs of an output the page has shown so far. */
    public int previewLoads(String output) {
        Object loads = evaluate("Number((document.querySelector(" + js(previewImage(output))
                + ") || {dataset: {}}).dataset.loads || 0)");
        return ((Number) loads).intValue();
    }

    /**
     * The colour (0xRRGGBB) the page shows at (fx, fy), in [0,1] of an output's preview image: what the
     * technician sees, read back from the decoded JPEG. Fails when no preview is shown yet.
     */
    public int previewColor(String output, double fx, double fy) {
        return imageColor(previewImage(output), fx, fy);
    }

    /** The colour (0xRRGGBB) at (fx, fy), in [0,1] of the first image matching a selector, once decoded. */
    public int imageColor(String imageSelector, double fx, double fy) {
        Object rgb = evaluate("(() => { const img = document.querySelector(" + js(imageSelector)
                + "); if (!img || !img.naturalWidth) return null;"
                + " const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
                + " const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
                + " const p = g.getImageData(Math.min(c.width - 1, Math.floor(" + fx + " * c.width)),"
                + " Math.min(c.height - 1, Math.floor(" + fy + " * c.height)), 1, 1).data;"
                + " return (p[0] << 16) | (p[1] << 8) | p[2]; })()");
        if (rgb == null) {
            throw new AssertionError("no decoded image at " + imageSelector + " (for a preview: none shown yet)");
        }
        return ((Number) rgb).intValue();
    }

    private static String previewImage(String output) {
        return "[data-output=" + js(output) + "] img";
    }

    /**
     * Evaluates JavaScript in the page (promises awaited) and returns its JSON value as Java (String, Number,
     * Boolean or null). Called while the page changes (a redirect, a reload), it tries again on the new page.
     */
    public Object evaluate(String expression) {
        Object[] value = new Object[1];
        Await.until(WAIT, "evaluating " + expression + " once the page settles", () -> {
            try {
                value[0] = evaluateOnce(expression);
                return true;
            } catch (AssertionError e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("navigated or closed") || message.contains("context was destroyed")
                        || message.contains("Cannot find context")) {
                    return false;
                }
                throw e;
            }
        });
        return value[0];
    }

    private Object evaluateOnce(String expression) {
        JsonNode result = browser.call("Runtime.evaluate", Chromium.params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("JavaScript failed: " + expression + ": "
                    + result.path("exceptionDetails").path("exception").path("description").asText(result.path("exceptionDetails").toString()));
        }
        JsonNode value = result.path("result").path("value");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.toString();
    }

    /** Leaves the panel (stopping its polling) and forgets the session cookie: the next visit needs a login. */
    public PanelDriver signOutOfBrowser() {
        browser.call("Page.navigate", Chromium.params().put("url", "about:blank"));
        Await.until(WAIT, "the blank page", () -> "about:blank".equals(evaluate("location.href")));
        browser.call("Network.clearBrowserCookies", null);
        return this;
    }

    /** A PNG of the whole page (beyond the viewport), written to {@code file}. */
    public Path screenshot(Path file) throws IOException {
        evaluate("window.scrollTo(0, 0)");
        JsonNode metrics = browser.call("Page.getLayoutMetrics", null);
        JsonNode size = metrics.path("cssContentSize");
        ObjectNode clip = Chromium.params().put("x", 0).put("y", 0)
                .put("width", size.path("width").asDouble()).put("height", size.path("height").asDouble()).put("scale", 1);
        JsonNode shot = browser.call("Page.captureScreenshot", Chromium.params().put("format", "png")
                .put("captureBeyondViewport", true).set("clip", clip));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
        return file;
    }

    static String js(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the browser (when this driver launched it with {@link #open}). */
    @Override
    public void close() {
        browser.close();
    }
}
