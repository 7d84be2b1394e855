package dev.footnote.web.api;

import org.eclipse.jetty.http.HttpFields;

/** The headers every response carries: only the app's own scripts and styles, no sniffing, no framing, no referrer. */
final class SecurityHeaders {
    /**
     * The page loads app.js and app.css from its own origin and talks only to its own API; nothing inline. Objects
     * fall back to 'self' rather than 'none' so the browser's PDF viewer can show an original from /file.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void addTo(HttpFields.Mutable fields) {
        fields.put("Content-Security-Policy", CSP);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "no-referrer");
    }
}
