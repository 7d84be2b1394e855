package dev.footnote.feedback;

import dev.footnote.config.FeedbackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Feedback reports in a JDBC database (embedded H2 by default), schema migrated on open. */
public final class FeedbackStore implements AutoCloseable {
    private static final String COLUMNS = "id, created_at, answer_id, question, answer_text, citation_id, claim, doc_id, title, "
            + "chunk_id, passage, span_start, span_end, quote, verdict, comment_text";
    private final FeedbackSettings settings;
    private Connection connection;
    /** The folder of the snapshot a reader opened, deleted on close. */
    private Path snapshot;

    private FeedbackStore(FeedbackSettings settings) {
        this.settings = settings;
    }

    /** Connects and brings the schema up to date; fails with a message naming the URL (never the password). */
    public static FeedbackStore open(FeedbackSettings settings) {
        FeedbackStore store = new FeedbackStore(settings);
        try {
            Schema.migrate(store.connection());
        } catch (SQLException e) {
            store.close();
            throw new FeedbackStoreException("cannot open the feedback database " + settings.url() + ": " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * Opens for reading only, without migrating. An embedded H2 file is held locked by a running {@code serve}, so the
     * reader opens a snapshot copy of it instead (every report is on disk when acknowledged, and H2 opens a copy taken
     * mid-write at its last complete commit, as after a crash); no file yet means no reports.
     */
    public static FeedbackStore reader(FeedbackSettings settings) {
        if (!settings.isH2File()) return new FeedbackStore(settings);
        Path file = h2File(settings.url());
        if (!Files.exists(file)) return new FeedbackStore(null);
        try {
            Path copy = Files.createTempDirectory("footnote-feedback-");
            Files.copy(file, copy.resolve("feedback.mv.db"));
            FeedbackStore store = new FeedbackStore(new FeedbackSettings("jdbc:h2:file:" + copy.resolve("feedback")
                    + ";IFEXISTS=TRUE", settings.user(), settings.password()));
            store.snapshot = copy;
            return store;
        } catch (IOException e) {
            throw new FeedbackStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code .mv.db} file of an H2 file URL such as {@code jdbc:h2:file:/data/index/feedback;WRITE_DELAY=0}. */
    static Path h2File(String url) {
        String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) name = name.substring("file:".length());
        if (name.startsWith("~")) name = System.getProperty("user.home") + name.substring(1);
        return Path.of(name + ".mv.db");
    }

    /** Stores a report (its id and time are assigned here) and returns it as stored. */
    public synchronized FeedbackReport save(FeedbackReport r) {
        String sql = "INSERT INTO feedback (created_at, answer_id, question, answer_text, citation_id, claim, doc_id, title, "
                + "chunk_id, passage, span_start, span_end, quote, verdict, comment_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        Instant now = Instant.now();
        try (PreparedStatement p = connection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            CitedSpan c = r.citation();
            p.setTimestamp(1, Timestamp.from(now));
            p.setString(2, r.answerId());
            p.setString(3, r.question());
            p.setString(4, r.answer());
            setInt(p, 5, r.citationId());
            p.setString(6, r.claim());
            p.setString(7, c == null ? null : c.docId());
            p.setString(8, c == null ? null : c.title());
            p.setString(9, c == null ? null : c.chunkId());
            p.setString(10, c == null ? null : c.passage());
            setInt(p, 11, c == null ? null : c.start());
            setInt(p, 12, c == null ? null : c.end());
            p.setString(13, c == null ? null : c.quote());
            p.setString(14, r.verdict().wire());
            p.setString(15, r.comment());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new FeedbackReport(keys.getLong(1), now, r.answerId(), r.question(), r.answer(), r.citationId(),
                        r.claim(), c, r.verdict(), r.comment());
            }
        } catch (SQLException e) {
            throw failure("store the report", e);
        }
    }

    /** The newest {@code limit} reports, newest first. */
    public synchronized List<FeedbackReport> newest(int limit) {
        List<FeedbackReport> out = new ArrayList<>();
        try (PreparedStatement p = connection().prepareStatement("SELECT " + COLUMNS + " FROM feedback ORDER BY id DESC")) {
            p.setMaxRows(limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        } catch (SQLException e) {
            throw failure("read the reports", e);
        }
        return out;
    }

    /** Every report, oldest first, one at a time (an export never holds them all in memory). */
    public synchronized void forEach(Consumer<FeedbackReport> each) {
        if (settings == null) return; // a reader of a database not created yet
        try (PreparedStatement p = connection().prepareStatement("SELECT " + COLUMNS + " FROM feedback ORDER BY id")) {
            p.setFetchSize(500);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) each.accept(read(rs));
            }
        } catch (SQLException e) {
            throw failure("read the reports", e);
        }
    }

    private static FeedbackReport read(ResultSet rs) throws SQLException {
        String docId = rs.getString("doc_id");
        CitedSpan c = docId == null ? null : new CitedSpan(docId, rs.getString("title"), rs.getString("chunk_id"),
                rs.getString("passage"), rs.getInt("span_start"), rs.getInt("span_end"), rs.getString("quote"));
        int cid = rs.getInt("citation_id");
        Integer citationId = rs.wasNull() ? null : cid;
        Verdict v = Verdict.parse(rs.getString("verdict")).orElseThrow(() -> new SQLException("unknown verdict in row"));
        return new FeedbackReport(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("answer_id"),
                rs.getString("question"), rs.getString("answer_text"), citationId, rs.getString("claim"), c, v,
                rs.getString("comment_text"));
    }

    private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) p.setNull(i, Types.INTEGER);
        else p.setInt(i, v);
    }

    /** One connection, reopened if the database dropped it (a restarted PostgreSQL, say). */
    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            if (connection != null) closeQuietly();
            connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        }
        return connection;
    }

    private FeedbackStoreException failure(String what, SQLException e) {
        closeQuietly(); // the next call reconnects
        return new FeedbackStoreException("could not " + what + " in the feedback database: " + e.getMessage(), e);
    }

    private void closeQuietly() {
        try {
            if (connection != null) connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
        if (snapshot != null) {
            try (var files = Files.walk(snapshot)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind
            }
        }
    }
}
