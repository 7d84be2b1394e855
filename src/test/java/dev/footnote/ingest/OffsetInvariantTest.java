package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** documentText.substring(start, end) is exactly the chunk or sentence, for every fixture and for random text. */
class OffsetInvariantTest {
    private final Chunker chunker = new Chunker();

    @Test
    void every_chunk_and_sentence_of_every_fixture_slices_its_exact_text() throws Exception {
        List<SourceDocument> docs = new ArrayList<>();
        DocumentLoader loader = new DocumentLoader(10_000_000);
        for (String dir : List.of("mini", "formats")) {
            Path root = Fixtures.dir(dir);
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : files.sorted().toList()) {
                    try {
                        docs.add(loader.load(f, f.getFileName().toString()));
                    } catch (UnreadableDocumentException expectedForBadFixtures) {
                        // empty, binary and corrupt fixtures are refused; covered in DocumentLoaderTest
                    }
                }
            }
        }
        docs.add(loader.load(Fixtures.seedDocument(), "seed.txt"));
        assertThat(docs).hasSizeGreaterThanOrEqualTo(8);
        for (SourceDocument d : docs) assertInvariant(d);
    }

    @Test
    void random_messy_text_keeps_the_invariant() {
        Random r = new Random(42);
        String[] pieces = {"U.S.", "Mr.", "Jan. 21", "$ 200 million", "3.5", "“quoted.”", "end.", "Start", "word", "\n",
                "\n\n", "!", "?", "...", "weekSaid", "Ukraine.Foreign", " ", "  ", "\t", "# Head", "- item", "é", "😀", "[1]"};
        for (int n = 0; n < 300; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(400);
            for (int i = 0; i < len; i++) sb.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(3) == 0 ? "" : " ");
            String text = sb.toString();
            if (text.isBlank()) continue;
            assertInvariant(new SourceDocument("r" + n, null, null, null, text, 0, null, text.length()));
        }
    }

    private void assertInvariant(SourceDocument d) {
        String text = d.text();
        List<Chunk> chunks = chunker.chunk(d);
        int lastSentenceEnd = -1;
        for (Chunk c : chunks) {
            assertThat(c.span().end()).isLessThanOrEqualTo(text.length());
            assertThat(c.span().start()).isGreaterThanOrEqualTo(d.bodyStart());
            String chunkText = c.span().of(text);
            assertThat(chunkText).isEqualTo(text.substring(c.span().start(), c.span().end())).isNotBlank();
            for (Span s : c.sentences()) {
                String sentence = s.of(text);
                assertThat(sentence).isNotBlank().isEqualTo(sentence.strip());
                assertThat(s.start()).as("sentence inside its chunk").isGreaterThanOrEqualTo(c.span().start());
                assertThat(s.end()).as("sentence inside its chunk").isLessThanOrEqualTo(c.span().end());
            }
        }
        // sentences across chunks are ordered and non-overlapping (the overlap sentence repeats exactly)
        List<Span> all = chunks.stream().flatMap(c -> c.sentences().stream()).distinct().toList();
        for (Span s : all) {
            assertThat(s.start()).isGreaterThanOrEqualTo(lastSentenceEnd);
            lastSentenceEnd = s.end();
        }
        // and together they cover every non-blank character of the body: no text is lost between sentences
        boolean[] covered = new boolean[text.length()];
        for (Span s : all) java.util.Arrays.fill(covered, s.start(), s.end(), true);
        for (int i = d.bodyStart(); i < text.length(); i++) {
            if (!covered[i] && !Character.isWhitespace(text.charAt(i))) {
                throw new AssertionError(d.id() + ": character " + i + " '" + text.charAt(i) + "' is in no sentence, near \""
                        + text.substring(Math.max(d.bodyStart(), i - 30), Math.min(text.length(), i + 30)) + "\"");
            }
        }
    }
}
