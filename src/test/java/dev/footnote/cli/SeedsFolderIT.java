package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.engine.lucene.LuceneIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code footnote ingest} never loses what was indexed to a typo: a missing or suddenly empty seeds folder exits
 * non-zero with a message and the index keeps its documents; {@code --allow-empty} empties it deliberately; a link to a
 * file outside the seeds folder is not indexed.
 */
@Tag("integration")
class SeedsFolderIT {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run ingest(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            String[] argv = new String[args.length + 1];
            argv[0] = "ingest";
            System.arraycopy(args, 0, argv, 1, args.length);
            int code = Main.run(argv);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Map<String, String> indexed(Path index) {
        try (LuceneIndex i = LuceneIndex.open(index, 384)) {
            return i.hashes();
        }
    }

    @Test
    void should_keep_the_index_when_the_seeds_folder_is_missing_or_suddenly_empty() throws Exception {
        // given
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Path index = tmp.resolve("index");
        Files.writeString(seeds.resolve("keep.txt"), "The Varnholm ferry sails at dawn every Tuesday.");
        assertThat(ingest("--seeds", seeds.toString(), "--index", index.toString()).code()).isZero();

        // when
        Run typo = ingest("--seeds", tmp.resolve("seedz").toString(), "--index", index.toString());
        Files.delete(seeds.resolve("keep.txt"));
        Run empty = ingest("--seeds", seeds.toString(), "--index", index.toString());

        // then
        assertThat(typo.code()).isEqualTo(1);
        assertThat(typo.err()).contains("seedz").contains("does not exist");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("--allow-empty");
        assertThat(indexed(index)).containsOnlyKeys("keep.txt");

        // and when emptying is what the user means
        Run deliberate = ingest("--seeds", seeds.toString(), "--index", index.toString(), "--allow-empty");
        assertThat(deliberate.code()).isZero();
        assertThat(indexed(index)).isEmpty();
    }

    @Test
    void should_not_index_a_link_to_a_file_outside_the_seeds_folder() throws Exception {
        // given
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Path secret = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash");
        Files.writeString(seeds.resolve("note.txt"), "A note inside the seeds folder.");
        Files.createSymbolicLink(seeds.resolve("passwd.txt"), secret);
        Path index = tmp.resolve("index");

        // when
        Run r = ingest("--seeds", seeds.toString(), "--index", index.toString());

        // then
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("skipped passwd.txt: links outside the seeds folder");
        assertThat(indexed(index)).containsOnlyKeys("note.txt");
    }
}
