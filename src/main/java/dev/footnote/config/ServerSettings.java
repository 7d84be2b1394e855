package dev.footnote.config;

/** HTTP-facing settings: tokens (never printed), limits. */
public record ServerSettings(String adminToken, String apiToken, int maxUploadMb, int rateLimitPerMinute) {

    public static ServerSettings open() {
        return new ServerSettings(null, null, 20, 0);
    }

    static ServerSettings load(Settings.Reader r) {
        return new ServerSettings(r.strOrNull("FOOTNOTE_ADMIN_TOKEN"), r.strOrNull("FOOTNOTE_API_TOKEN"),
                r.intIn("FOOTNOTE_MAX_UPLOAD_MB", 20, 1, 1024), r.intIn("FOOTNOTE_RATE_LIMIT_PER_MINUTE", 0, 0, 1_000_000));
    }

    @Override
    public String toString() {
        return "ServerSettings[adminToken=" + (adminToken == null ? "unset" : "***") + ", apiToken="
                + (apiToken == null ? "unset" : "***") + ", maxUploadMb=" + maxUploadMb + ", rateLimitPerMinute=" + rateLimitPerMinute + "]";
    }
}
