package dev.footnote.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.config.FeedbackSettings;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feedback store against real databases: the embedded H2 file always, and the PostgreSQL server named by
 * {@code FOOTNOTE_TEST_DB_URL} when it is set (CI sets it with {@code -Ppostgres}; the profile makes it required).
 */
@Tag("integration")
class FeedbackStoreIT {
    @TempDir
    static Path dir;

    static Stream<String> databases() {
        List<String> dbs = new ArrayList<>(List.of("h2"));
        String pg = System.getenv("FOOTNOTE_TEST_DB_URL");
        if (pg != null && !pg.isBlank()) dbs.add("postgres");
        else if (Boolean.getBoolean("footnote.test.postgres")) throw new IllegalStateException("-Ppostgres needs FOOTNOTE_TEST_DB_URL");
        else System.out.println("FeedbackStoreIT: FOOTNOTE_TEST_DB_URL not set: PostgreSQL not tested in this run");
        return dbs.stream();
    }

    private static FeedbackSettings settings(String db) {
        if (db.equals("h2")) return new FeedbackSettings(FeedbackSettings.embedded(dir.resolve("index")), "", "");
        return new FeedbackSettings(System.getenv("FOOTNOTE_TEST_DB_URL"), System.getenv().getOrDefault("FOOTNOTE_TEST_DB_USER", ""),
                System.getenv().getOrDefault("FOOTNOTE_TEST_DB_PASSWORD", ""));
    }

    private static FeedbackReport report(String answerId, Verdict v, String comment) {
        CitedSpan span = v.aboutCitation()
                ? new CitedSpan("doc.txt", "A title", "doc.txt#0", "The passage. It says “things” — ünïcödé.", 0, 12, "The passage.")
                : null;
        return new FeedbackReport(0, null, answerId, "What does it say?", "The passage. [1]",
                v.aboutCitation() ? 1 : null, v.aboutCitation() ? "The passage." : null, span, v, comment);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_create_the_schema_and_keep_reports_across_reopening(String db) {
        // given
        String answerId = "a_" + Long.toHexString(System.nanoTime());
        FeedbackReport saved;
        try (FeedbackStore store = FeedbackStore.open(settings(db))) {
            saved = store.save(report(answerId, Verdict.DOES_NOT_SUPPORT, "wrong passage"));
            store.save(report(answerId, Verdict.UP, null));
        }

        // when: opened again (the schema step is not applied twice)
        List<FeedbackReport> newest;
        try (FeedbackStore store = FeedbackStore.open(settings(db))) {
            newest = store.newest(1000).stream().filter(r -> answerId.equals(r.answerId())).toList();
        }

        // then
        assertThat(newest).hasSize(2);
        assertThat(newest.get(0).verdict()).isEqualTo(Verdict.UP);
        assertThat(newest.get(0).citation()).isNull();
        assertThat(newest.get(0).citationId()).isNull();
        FeedbackReport r = newest.get(1);
        assertThat(r.id()).isEqualTo(saved.id());
        assertThat(r.citation()).isEqualTo(report(answerId, Verdict.DOES_NOT_SUPPORT, null).citation());
        assertThat(r.claim()).isEqualTo("The passage.");
        assertThat(r.comment()).isEqualTo("wrong passage");
        assertThat(r.createdAt()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_export_only_footnote_verdicts_as_cases(String db) throws Exception {
        // given
        String answerId = "a_" + Long.toHexString(System.nanoTime());
        try (FeedbackStore store = FeedbackStore.open(settings(db))) {
            store.save(report(answerId, Verdict.DOES_NOT_SUPPORT, null));
            store.save(report(answerId, Verdict.SUPPORTS, null));
            store.save(report(answerId, Verdict.DOWN, "meh"));

            // when
            StringWriter out = new StringWriter();
            new CaseExport().write(store, out);

            // then
            List<String> mine = out.toString().lines().filter(l -> l.contains(answerId)).toList();
            assertThat(mine).hasSize(2);
            assertThat(mine.get(0)).contains("\"label\":\"unsupported\"").contains("\"claim\":\"The passage.\"")
                    .contains("\"passage\":{\"id\":\"doc.txt#0\",\"title\":\"A title\",\"text\":\"The passage. It says “things” — ünïcödé.\"}");
            assertThat(mine.get(1)).contains("\"label\":\"supported\"");
        }
    }

    @org.junit.jupiter.api.Test
    void should_export_nothing_and_create_nothing_when_there_is_no_embedded_database_yet() {
        Path none = dir.resolve("no-feedback-yet");
        StringWriter out = new StringWriter();
        try (FeedbackStore reader = FeedbackStore.reader(new FeedbackSettings(FeedbackSettings.embedded(none), "", ""))) {
            assertThat(new CaseExport().write(reader, out)).isZero();
        }
        assertThat(out.toString()).isEmpty();
        assertThat(none.resolve("feedback.mv.db")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_refuse_a_database_whose_schema_is_newer_than_this_version(String db) throws Exception {
        Assumptions.assumeTrue(db.equals("h2"), "changing the shared server's schema version would break parallel runs");
        // given
        Path other = Files.createTempDirectory(dir, "newer");
        FeedbackSettings s = new FeedbackSettings(FeedbackSettings.embedded(other), "", "");
        FeedbackStore.open(s).close();
        try (Connection c = DriverManager.getConnection(s.url()); Statement st = c.createStatement()) {
            st.execute("UPDATE footnote_schema SET version = 99");
        }

        // when / then
        assertThatThrownBy(() -> FeedbackStore.open(s)).isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining("newer than this Footnote");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_name_the_url_but_never_the_password_when_the_database_is_unreachable(String db) {
        Assumptions.assumeTrue(db.equals("h2"));
        FeedbackSettings s = new FeedbackSettings("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2", "u", "hunter2-secret");

        assertThatThrownBy(() -> FeedbackStore.open(s)).isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nothing").hasMessageNotContaining("hunter2-secret");
        assertThat(s.toString()).doesNotContain("hunter2-secret");
    }
}
