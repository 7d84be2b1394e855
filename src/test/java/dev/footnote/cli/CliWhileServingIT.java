package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.App;
import dev.footnote.config.Settings;
import dev.footnote.index.Progress;
import dev.footnote.support.CliProcess;
import dev.footnote.support.CliProcess.Result;
import dev.footnote.support.TestEmbedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The command line against an index that a running server holds for writing (here: an app in this JVM, as {@code serve}
 * holds it): {@code ask} and {@code search} answer read-only, {@code ingest} says what to do instead.
 */
@Tag("integration")
class CliWhileServingIT {
    private static final String SEED = "000_19ee0b4e2523900b.txt";
    private static Path root;
    private static Path seeds;
    private static Path index;
    private static App server;

    @BeforeAll
    static void serverHoldsTheIndex() throws Exception {
        root = Files.createTempDirectory("footnote-cli-serving");
        seeds = Files.createDirectories(root.resolve("seeds"));
        index = root.resolve("index");
        Files.copy(Path.of("seeds", SEED), seeds.resolve(SEED));
        server = new App(Settings.defaults().withDirs(seeds, index), TestEmbedders.real(), Optional.empty());
        server.syncSeeds(Progress.silent());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void should_answer_ask_from_an_index_held_by_a_running_server() throws Exception {
        // when
        Result r = run("ask", "Who did Blinken meet in Geneva?");

        // then
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Lavrov").contains("[1] ").contains(SEED);
        assertThat(r.stderr()).contains("holds the index").doesNotContain("\tat ");
    }

    @Test
    void should_search_an_index_held_by_a_running_server() throws Exception {
        // when
        Result r = run("search", "Blinken Lavrov Geneva", "--k", "3");

        // then
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("1. ").contains(SEED);
    }

    @Test
    void should_tell_ingest_what_to_do_while_a_server_holds_the_index() throws Exception {
        // when
        Result r = run("ingest");

        // then
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("in use by another Footnote process").contains("serve").contains("/api/reindex")
                .contains(index.toAbsolutePath().toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static Result run(String... args) throws Exception {
        return new CliProcess(index, seeds).run(root, 180, args);
    }
}
