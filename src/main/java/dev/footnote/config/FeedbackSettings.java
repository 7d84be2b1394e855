package dev.footnote.config;

import java.nio.file.Path;

/**
 * Where reader feedback is stored: {@code FOOTNOTE_DB_URL} (any JDBC URL whose driver is on the classpath: H2 and
 * PostgreSQL are), else an embedded H2 file {@code feedback.mv.db} in the index folder. The password never appears in
 * {@link #toString()}.
 */
public record FeedbackSettings(String url, String user, String password) {
    public FeedbackSettings {
        if (url == null || !url.startsWith("jdbc:")) throw new ConfigException("FOOTNOTE_DB_URL must be a JDBC URL (jdbc:...), got '" + url + "'");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static FeedbackSettings load(ConfigSource src, Path indexDir) {
        String url = src.get("FOOTNOTE_DB_URL").filter(s -> !s.isBlank()).orElse(embedded(indexDir));
        return new FeedbackSettings(url, src.get("FOOTNOTE_DB_USER").orElse(""), src.get("FOOTNOTE_DB_PASSWORD").orElse(""));
    }

    /**
     * The embedded default. Each commit is written at once (WRITE_DELAY=0), so a report is on disk when it is
     * acknowledged and {@code feedback export} can read it beside a running {@code serve}. Not H2's AUTO_SERVER: that
     * opens a TCP port to every network interface.
     */
    public static String embedded(Path indexDir) {
        return "jdbc:h2:file:" + indexDir.toAbsolutePath().resolve("feedback") + ";WRITE_DELAY=0";
    }

    /** True for an H2 database in a file, which only one process may open for writing. */
    public boolean isH2File() {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    @Override
    public String toString() {
        return "FeedbackSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
