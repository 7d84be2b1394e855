package dev.footnote.web.api;

import dev.footnote.config.ServerSettings;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * Who may call a route. The check is attached to the route's handler ({@link #api}, {@link #admin}, {@link #metrics}),
 * not to a path string, so every spelling Javalin routes to the handler (trailing or doubled slashes, dot segments,
 * percent-encoding) is checked. Admin routes need {@code FOOTNOTE_ADMIN_TOKEN} and do not exist (404) without one;
 * API routes need {@code FOOTNOTE_API_TOKEN} when set. A missing token is 401, a wrong one 403. Every request,
 * including a refused one, counts against the per-client rate limit, and too many failed attempts lock the client out
 * for the rest of the minute. Writes from another origin are refused: a cross-site page cannot send the bearer header,
 * and its {@code Origin}/{@code Sec-Fetch-Site} gives it away.
 */
final class Guard {
    /** What a route requires. */
    enum Access { API, ADMIN, METRICS }

    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "text/plain");
    private final byte[] adminToken;
    private final byte[] apiToken;
    private final byte[] metricsToken;
    private final RateLimiter limiter;
    private final RateLimiter failures;

    Guard(ServerSettings server, RateLimiter limiter, RateLimiter failures) {
        this.adminToken = bytes(server.adminToken());
        this.apiToken = bytes(server.apiToken());
        byte[] metrics = bytes(server.metricsToken());
        this.metricsToken = metrics != null ? metrics : apiToken;
        this.limiter = limiter;
        this.failures = failures;
    }

    /** The handler, callable with the API token when one is configured. */
    Handler api(Handler h) {
        return new Guarded(Access.API, h);
    }

    /** The handler, callable only with the admin token; 404 when no admin token is configured. */
    Handler admin(Handler h) {
        return new Guarded(Access.ADMIN, h);
    }

    /** The handler, callable with the metrics token, else the API token, when either is configured. */
    Handler metrics(Handler h) {
        return new Guarded(Access.METRICS, h);
    }

    /** A route handler with its access check in front; the check cannot be separated from the route. */
    final class Guarded implements Handler {
        final Access access;
        private final Handler inner;

        Guarded(Access access, Handler inner) {
            this.access = access;
            this.inner = inner;
        }

        @Override
        public void handle(Context ctx) throws Exception {
            check(ctx, access);
            inner.handle(ctx);
        }
    }

    void check(Context ctx, Access access) {
        String client = ctx.ip();
        if (access == Access.ADMIN && adminToken == null) throw ApiException.notFound("no route " + ctx.method() + " " + ctx.path());
        if (isWrite(ctx.method())) refuseCrossSite(ctx, access);
        long lockedOut = failures.exhausted(client);
        if (lockedOut > 0) throw tooMany(lockedOut, "too many failed token attempts");
        long retryAfter = limiter.acquire(client); // before the token check, so failed attempts count too
        if (retryAfter > 0) throw tooMany(retryAfter, "rate limit exceeded");
        byte[] expected = switch (access) {
            case ADMIN -> adminToken;
            case API -> apiToken;
            case METRICS -> metricsToken;
        };
        if (expected == null) return;
        try {
            require(ctx, expected);
        } catch (ApiException e) {
            failures.acquire(client);
            throw e;
        }
    }

    private static boolean isWrite(HandlerType m) {
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }

    /** A browser marks requests made by another site's page; forms also cannot send JSON or the bearer header. */
    private static void refuseCrossSite(Context ctx, Access access) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean crossSite = site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
        if (crossSite || origin != null && !sameOrigin(origin, ctx.header("Host"))) {
            throw new ApiException(403, "cross-origin", "Forbidden", "requests from another origin may not call this route",
                    "Origin", Map.of());
        }
        if (access == Access.ADMIN) {
            String media = JsonBodies.mediaType(ctx.contentType());
            if (FORM_TYPES.contains(media)) throw ApiException.unsupportedMediaType("admin routes do not accept " + media + " bodies");
        }
    }

    static boolean sameOrigin(String origin, String host) {
        if (host == null) return false;
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null) return false; // "null" (sandboxed frames, file:) and garbage
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            URI h = URI.create("http://" + host.strip());
            int hostPort = h.getPort() != -1 ? h.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return o.getHost().equalsIgnoreCase(h.getHost()) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiException tooMany(long seconds, String why) {
        return new ApiException(429, "rate-limited", "Too many requests", why + "; retry in " + seconds + " s",
                null, Map.of("Retry-After", Long.toString(seconds)));
    }

    private static void require(Context ctx, byte[] expected) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "Unauthorized", "send Authorization: Bearer <token>", "Authorization",
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        byte[] given = auth.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(sha256(given), sha256(expected))) {
            throw new ApiException(403, "forbidden", "Forbidden", "the token is not valid for this route", "Authorization", Map.of());
        }
    }

    /** Hashing first makes the comparison's time independent of the token's length, too. */
    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s == null || s.isBlank() ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
