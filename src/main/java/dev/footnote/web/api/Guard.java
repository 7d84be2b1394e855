package dev.footnote.web.api;

import dev.footnote.config.ServerSettings;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may call what. Admin routes need {@code FOOTNOTE_ADMIN_TOKEN} as a bearer token and answer 404 when no admin
 * token is configured (the routes do not exist); other /api and /v1 routes need {@code FOOTNOTE_API_TOKEN} when set.
 * A missing token is 401, a wrong one 403. Then the per-client rate limit applies.
 */
final class Guard {
    private final byte[] adminToken;
    private final byte[] apiToken;
    private final RateLimiter limiter;

    Guard(ServerSettings server, RateLimiter limiter) {
        this.adminToken = bytes(server.adminToken());
        this.apiToken = bytes(server.apiToken());
        this.limiter = limiter;
    }

    void check(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) return;
        if (isAdmin(ctx)) {
            if (adminToken == null) throw ApiException.notFound("no route " + ctx.method() + " " + ctx.path());
            require(ctx, adminToken);
        } else if (apiToken != null) {
            require(ctx, apiToken);
        }
        long retryAfter = limiter.acquire(ctx.ip());
        if (retryAfter > 0) {
            throw new ApiException(429, "rate-limited", "Too many requests", "rate limit exceeded; retry in " + retryAfter + " s",
                    null, Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    static boolean isAdmin(Context ctx) {
        String p = ctx.path();
        HandlerType m = ctx.method();
        return m == HandlerType.POST && (p.equals("/api/documents") || p.equals("/api/reindex"))
                || m == HandlerType.DELETE && p.startsWith("/api/documents/")
                || m == HandlerType.GET && p.equals("/api/feedback"); // reports are readers' words: admin only
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
