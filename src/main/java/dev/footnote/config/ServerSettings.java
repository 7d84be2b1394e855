package dev.footnote.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HTTP-facing settings: tokens (never printed), limits, the interface to bind and the {@code Host} names accepted.
 *
 * @param metricsToken bearer token for {@code /metrics}; null means the API token (if any) guards it
 * @param authFailuresPerMinute failed token attempts a client may make per minute before it is refused (0: no limit)
 * @param host interface {@code serve} binds to (loopback unless told otherwise)
 * @param allowedHosts {@code Host} header names accepted, lower case without port; {@code *} accepts any
 */
public record ServerSettings(String adminToken, String apiToken, int maxUploadMb, int rateLimitPerMinute,
                             String metricsToken, int authFailuresPerMinute, String host, Set<String> allowedHosts) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1", "[::1]");

    public ServerSettings {
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        allowedHosts = allowedHosts == null || allowedHosts.isEmpty() ? defaultAllowedHosts(host) : Set.copyOf(allowedHosts);
    }

    /** Tokens and limits only: loopback binding and host names, no failed-attempt limit (tests rely on the latter). */
    public ServerSettings(String adminToken, String apiToken, int maxUploadMb, int rateLimitPerMinute) {
        this(adminToken, apiToken, maxUploadMb, rateLimitPerMinute, null, 0, DEFAULT_HOST, null);
    }

    public static ServerSettings open() {
        return new ServerSettings(null, null, 20, 0);
    }

    public ServerSettings withAuthFailuresPerMinute(int n) {
        return new ServerSettings(adminToken, apiToken, maxUploadMb, rateLimitPerMinute, metricsToken, n, host, allowedHosts);
    }

    public ServerSettings withMetricsToken(String token) {
        return new ServerSettings(adminToken, apiToken, maxUploadMb, rateLimitPerMinute, token, authFailuresPerMinute, host, allowedHosts);
    }

    public ServerSettings withAllowedHosts(Set<String> names) {
        return new ServerSettings(adminToken, apiToken, maxUploadMb, rateLimitPerMinute, metricsToken, authFailuresPerMinute, host, names);
    }

    static ServerSettings load(Settings.Reader r) {
        String host = r.str("FOOTNOTE_HOST", DEFAULT_HOST).strip();
        String allowed = r.strOrNull("FOOTNOTE_ALLOWED_HOSTS");
        Set<String> names = null;
        if (allowed != null && !allowed.isBlank()) {
            names = new LinkedHashSet<>();
            for (String n : allowed.split(",")) {
                if (!n.isBlank()) names.add(n.strip().toLowerCase(Locale.ROOT));
            }
            if (!names.contains("*")) names.addAll(defaultAllowedHosts(host));
        }
        return new ServerSettings(r.strOrNull("FOOTNOTE_ADMIN_TOKEN"), r.strOrNull("FOOTNOTE_API_TOKEN"),
                r.intIn("FOOTNOTE_MAX_UPLOAD_MB", 20, 1, 1024), r.intIn("FOOTNOTE_RATE_LIMIT_PER_MINUTE", 0, 0, 1_000_000),
                r.strOrNull("FOOTNOTE_METRICS_TOKEN"), r.intIn("FOOTNOTE_AUTH_FAILURES_PER_MINUTE", 20, 0, 1_000_000),
                host, names);
    }

    /** The loopback names, plus the bound host when it is a name or address rather than a wildcard. */
    static Set<String> defaultAllowedHosts(String host) {
        List<String> names = new ArrayList<>(LOOPBACK_NAMES);
        String h = host.toLowerCase(Locale.ROOT);
        if (!Arrays.asList("0.0.0.0", "::", "[::]").contains(h)) names.add(h);
        return Set.copyOf(names);
    }

    @Override
    public String toString() {
        return "ServerSettings[adminToken=" + mask(adminToken) + ", apiToken=" + mask(apiToken) + ", metricsToken="
                + mask(metricsToken) + ", maxUploadMb=" + maxUploadMb + ", rateLimitPerMinute=" + rateLimitPerMinute
                + ", authFailuresPerMinute=" + authFailuresPerMinute + ", host=" + host + ", allowedHosts=" + allowedHosts + "]";
    }

    private static String mask(String token) {
        return token == null ? "unset" : "***";
    }
}
