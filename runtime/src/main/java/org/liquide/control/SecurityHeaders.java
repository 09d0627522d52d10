package org.liquide.control;

import io.javalin.http.Context;

/**
 * Headers on every response: a Content-Security-Policy with no inline script or style and no framing,
 * and no caching of API answers (status, tokens and previews must never linger on a shared tablet).
 */
final class SecurityHeaders {
    static final String CSP = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * For the journal's files (a JPEG, an MP4, a text) opened on their own in a tab: the browser shows
     * them in a document of its own, which plays the video only with media-src and styles itself inline.
     * Still no script. (No sandbox: its opaque origin would refuse the video its own same-origin file.)
     */
    static final String FILE_CSP = String.join("; ",
            "default-src 'none'",
            "img-src 'self'",
            "media-src 'self'",
            "style-src 'unsafe-inline'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" on the panel's own
        // POSTs, which the CSRF check must refuse.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (ctx.path().startsWith("/api/") || ctx.path().equals(AuthGate.LOGIN_PATH) || ctx.path().equals("/logout")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
