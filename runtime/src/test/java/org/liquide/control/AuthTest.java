package org.liquide.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.control.TestClient.bearer;

class AuthTest {
    @TempDir
    Path dir;
    private TestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = new TestServer(dir, false);
        client = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyReadNeedsTheToken() {
        for (String path : List.of("/api/status", "/api/scenes", "/api/log", "/api/preview/main.jpg", "/api/session", "/app.js")) {
            HttpResponse<String> none = client.get(path);
            assertEquals(401, none.statusCode(), path);
            assertTrue(none.body().contains("\"error\""), none.body());
            assertEquals("Bearer realm=\"liquide\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(200, client.get(path, bearer(server.token)).statusCode(), path);
        }
        assertEquals(401, client.get("/api/status", bearer("x".repeat(43))).statusCode());
        assertEquals(401, client.get("/api/status", "Authorization", "Basic " + server.token).statusCode());
        assertEquals(List.of(), server.show.calls());
    }

    @Test
    void thePanelPageSendsABrowserToTheLoginPageWhichIsOpen() {
        HttpResponse<String> page = client.get("/", "Accept", "text/html,application/xhtml+xml");
        assertEquals(303, page.statusCode());
        assertEquals("/login", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> login = client.get("/login", "Accept", "text/html");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("<form id=\"login-form\""));
        assertEquals(200, client.get("/login.js").statusCode());
        assertEquals(200, client.get("/style.css").statusCode());
        assertEquals(401, client.get("/index.html").statusCode());
    }

    @Test
    void everythingTheLoginPageLoadsIsOpen() {
        String html = client.get("/login").body();
        java.util.Set<String> paths = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]*)\"").matcher(html);
        while (m.find()) {
            paths.add(m.group(1));
        }
        for (String script : List.copyOf(paths)) {
            if (script.endsWith(".js")) {
                java.util.regex.Matcher imports = java.util.regex.Pattern.compile("from '\\./([^']+)'").matcher(client.get(script).body());
                while (imports.find()) {
                    paths.add("/" + imports.group(1));
                }
            }
        }
        assertTrue(paths.containsAll(List.of("/login.js", "/i18n.js", "/style.css")), paths.toString());
        for (String path : paths) {
            assertEquals(200, client.get(path).statusCode(), path + " is needed before login");
        }
        assertEquals(AuthGate.PUBLIC_PATHS, new java.util.TreeSet<>(java.util.Set.copyOf(
                java.util.stream.Stream.concat(paths.stream(), java.util.stream.Stream.of("/login")).toList())),
                "nothing else is public");
    }

    @Test
    void repeatedWrongTokensLockTheAddressOutThenItIsAllowedAgainAfterTheBackOff() {
        for (int i = 1; i <= AuthThrottle.FREE_FAILURES; i++) {
            assertEquals(401, client.get("/api/status", bearer("wrong-token-" + i + "-".repeat(32))).statusCode(), "attempt " + i);
        }
        // Locked out: even the right token is refused, without being checked.
        HttpResponse<String> locked = client.get("/api/status", bearer(server.token));
        assertEquals(429, locked.statusCode());
        assertEquals("1", locked.headers().firstValue("Retry-After").orElse(""));
        assertTrue(locked.body().contains("too many wrong tokens"), locked.body());
        assertEquals(429, login(server.token).statusCode(), "the login form shares the lock-out");

        server.clock.advance(Duration.ofMillis(1_001));
        assertEquals(200, client.get("/api/status", bearer(server.token)).statusCode());

        // A success forgets the failures: the next lock-out again needs the free failures first.
        for (int i = 1; i < AuthThrottle.FREE_FAILURES; i++) {
            assertEquals(401, client.get("/api/status", bearer("wrong")).statusCode());
        }
        assertEquals(200, client.get("/api/status", bearer(server.token)).statusCode());
    }

    @Test
    void aHostThatIsNotThePanelsIsMisdirected() throws IOException {
        int port = server.server.port();
        for (String path : List.of("/login", "/api/status", "/")) {
            assertEquals(421, rawStatus(path, "evil.example", null), path);
            assertEquals(421, rawStatus(path, "evil.example:" + port, null), path);
        }
        assertEquals(421, rawStatus("/api/status", "127.0.0.1.evil.example", server.token));
        assertEquals(200, rawStatus("/api/status", "127.0.0.1:" + port, server.token));
        assertEquals(200, rawStatus("/api/status", "localhost:" + port, server.token));
        assertEquals(200, rawStatus("/api/status", "[::1]:" + port, server.token));
        assertEquals(200, rawStatus("/login", "127.0.0.1", null));
    }

    @Test
    void namesListedByTheTechnicianAreAnswered() throws IOException {
        try (ControlServer named = new ControlServer(new ControlSettings("127.0.0.1", 0, dir.resolve("t2"), false,
                List.of("regie.local")), server.show, server.previews, server.tail, server.clock).start()) {
            assertEquals(200, rawStatus(named.port(), "/login", "regie.local:" + named.port(), null));
            assertEquals(200, rawStatus(named.port(), "/login", "REGIE.LOCAL", null));
            assertEquals(421, rawStatus(named.port(), "/login", "regie.local.evil.example", null));
        }
    }

    @Test
    void wrongTokensFromManyAddressesMeetAGlobalLimit() throws IOException {
        int perAddress = AuthThrottle.FREE_FAILURES - 1;
        int addresses = AuthThrottle.GLOBAL_FAILURES / perAddress + 1;
        for (int a = 0; a < addresses; a++) {
            String from = "127.0.1." + (a + 1);
            for (int i = 0; i < perAddress; i++) {
                int status = rawStatus(server.server.port(), "/api/status", "127.0.0.1", "wrong-" + i + "-".repeat(40), from);
                assertTrue(status == 401 || status == 429, from + " got " + status);
            }
        }
        assertEquals(429, rawStatus(server.server.port(), "/api/status", "127.0.0.1", server.token, "127.0.2.1"),
                "an address never seen before is refused once the global limit is reached");
        server.clock.advance(AuthThrottle.GLOBAL_WINDOW);
        assertEquals(200, rawStatus(server.server.port(), "/api/status", "127.0.0.1", server.token, "127.0.2.1"));
    }

    private int rawStatus(String path, String host, String token) throws IOException {
        return rawStatus(server.server.port(), path, host, token);
    }

    private static int rawStatus(int port, String path, String host, String token) throws IOException {
        return rawStatus(port, path, host, token, "127.0.0.1");
    }

    /** A request written by hand (an HTTP client will not send a Host of our choosing), from a loopback address. */
    private static int rawStatus(int port, String path, String host, String token, String from) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    @Test
    void theLockOutDoublesWithEachFailureAfterIt() {
        for (int i = 0; i < AuthThrottle.FREE_FAILURES; i++) {
            client.get("/api/status", bearer("wrong"));
        }
        server.clock.advance(Duration.ofSeconds(1));
        assertEquals(401, login("wrong").statusCode());
        HttpResponse<String> locked = client.get("/api/status", bearer(server.token));
        assertEquals(429, locked.statusCode());
        assertEquals("2", locked.headers().firstValue("Retry-After").orElse(""));
        server.clock.advance(Duration.ofMillis(1_500));
        assertEquals(429, client.get("/api/status", bearer(server.token)).statusCode());
        server.clock.advance(Duration.ofMillis(600));
        assertEquals(200, client.get("/api/status", bearer(server.token)).statusCode());
    }

    @Test
    void theLoginFormSetsAnHttpOnlySameSiteStrictSessionCookieThatIsNotTheToken() {
        HttpResponse<String> wrong = login("not-the-token-at-all-not-the-token");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> ok = login(server.token);
        assertEquals(200, ok.statusCode(), ok.body());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith(AuthGate.SESSION_COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("; Path=/"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertFalse(cookie.contains(server.token), "the cookie must not carry the token");
        assertTrue(cookie.length() > AuthGate.SESSION_COOKIE.length() + 40, cookie);

        assertEquals(200, client.get("/api/status", "Cookie", cookie).statusCode());
        assertEquals(200, client.get("/", "Cookie", cookie, "Accept", "text/html").statusCode());
        assertEquals(401, client.get("/api/status", "Cookie", AuthGate.SESSION_COOKIE + "=forged").statusCode());
    }

    @Test
    void aPlainFormPostRedirectsLikeAPage() {
        HttpResponse<String> ok = client.post("/login", "token=" + server.token,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        assertEquals(303, ok.statusCode());
        assertEquals("/", ok.headers().firstValue("Location").orElse(""));
        assertTrue(ok.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"));
        HttpResponse<String> wrong = client.post("/login", "token=nope",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        assertEquals(303, wrong.statusCode());
        assertEquals("/login?wrong", wrong.headers().firstValue("Location").orElse(""));
    }

    @Test
    void cookieAuthenticatedChangesNeedTheCsrfHeaderAndASameOrigin() {
        String cookie = sessionCookie();
        String csrf = csrfOf(cookie);

        HttpResponse<String> without = client.post("/api/next", null, "Cookie", cookie);
        assertEquals(403, without.statusCode());
        assertTrue(without.body().contains(AuthGate.CSRF_HEADER), without.body());
        assertEquals(403, client.post("/api/next", null, "Cookie", cookie, AuthGate.CSRF_HEADER, "guess").statusCode());
        assertEquals(403, client.post("/api/next", null, "Cookie", cookie, AuthGate.CSRF_HEADER, csrf,
                "Origin", "http://evil.example").statusCode());
        assertEquals(403, client.post("/api/next", null, "Cookie", cookie, AuthGate.CSRF_HEADER, csrf,
                "Referer", "http://evil.example/page").statusCode());
        assertEquals(List.of(), server.show.calls(), "nothing refused reached the show");

        String origin = "http://127.0.0.1:" + server.server.port();
        assertEquals(200, client.post("/api/next", null, "Cookie", cookie, AuthGate.CSRF_HEADER, csrf, "Origin", origin).statusCode());
        assertEquals(200, client.post("/api/next", null, "Cookie", cookie, AuthGate.CSRF_HEADER, csrf).statusCode());
        assertEquals(List.of("next()", "next()"), server.show.calls());
        // A bearer client (a script, a show-control system) needs no CSRF header.
        assertEquals(200, client.post("/api/next", null, bearer(server.token)).statusCode());
    }

    @Test
    void logoutEndsTheSession() {
        String cookie = sessionCookie();
        String csrf = csrfOf(cookie);
        HttpResponse<String> out = client.post("/logout", null, "Cookie", cookie, AuthGate.CSRF_HEADER, csrf);
        assertEquals(200, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(401, client.get("/api/status", "Cookie", cookie).statusCode());
    }

    @Test
    void anIdleSessionExpires() {
        String cookie = sessionCookie();
        server.clock.advance(Sessions.IDLE.minusMinutes(1));
        assertEquals(200, client.get("/api/status", "Cookie", cookie).statusCode());
        server.clock.advance(Sessions.IDLE.minusMinutes(1));
        assertEquals(200, client.get("/api/status", "Cookie", cookie).statusCode(), "use keeps it alive");
        server.clock.advance(Sessions.IDLE);
        assertEquals(401, client.get("/api/status", "Cookie", cookie).statusCode());
    }

    @Test
    void responsesCarrySecurityHeaders() {
        for (String path : List.of("/login", "/api/status")) {
            HttpResponse<String> r = client.get(path, bearer(server.token));
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertFalse(csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertEquals("no-store", client.get("/api/status", bearer(server.token)).headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-store", client.get("/api/status").headers().firstValue("Cache-Control").orElse(""), "401s too");
        assertTrue(client.get("/api/status").headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void theStaticPanelHasNoInlineScriptOrStyle() {
        for (var asset : PanelAssets.load().all().entrySet()) {
            if (!asset.getValue().contentType().startsWith("text/html")) {
                continue;
            }
            String html = new String(asset.getValue().bytes(), StandardCharsets.UTF_8);
            assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), asset.getKey() + " has an inline script");
            assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), asset.getKey() + " has an inline event handler");
            assertFalse(html.matches("(?s).*\\sstyle=.*"), asset.getKey() + " has an inline style");
            assertFalse(html.contains("<style"), asset.getKey() + " has a style element");
        }
    }

    private HttpResponse<String> login(String token) {
        return client.post("/login", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    }

    private String sessionCookie() {
        HttpResponse<String> ok = login(server.token);
        assertEquals(200, ok.statusCode(), ok.body());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String csrfOf(String cookie) {
        HttpResponse<String> session = client.get("/api/session", "Cookie", cookie);
        assertEquals(200, session.statusCode());
        String body = session.body();
        return body.replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
    }
}
