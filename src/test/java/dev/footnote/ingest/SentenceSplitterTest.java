package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void should_not_break_abbreviations_decimals_or_amounts() {
        String text = "Mr. Smith of the U.S. Department of Agriculture said prices rose 3.5 percent in Jan. 2019. "
                + "The US Government announced $ 200 million in aid. Dr. Jones agreed.";
        assertThat(sentences(text)).containsExactly(
                "Mr. Smith of the U.S. Department of Agriculture said prices rose 3.5 percent in Jan. 2019.",
                "The US Government announced $ 200 million in aid.",
                "Dr. Jones agreed.");
    }

    @Test
    void should_keep_closing_quotes_with_their_sentence() {
        String text = "He said, “We are ready.” Then he left. “Is it over?” she asked.";
        assertThat(sentences(text)).containsExactly("He said, “We are ready.”", "Then he left.", "“Is it over?” she asked.");
    }

    @Test
    void should_break_the_seed_documents_glued_run_ons() throws Exception {
        String seed = Files.readString(dev.footnote.support.Fixtures.seedDocument());
        List<String> s = sentences(seed.substring(seed.indexOf("Eventually")));
        assertThat(s.get(0)).endsWith("aggression against Ukraine.");
        assertThat(s.get(1)).startsWith("Foreign Secretary Anthony Blinken warned on Friday");
        assertThat(s).anyMatch(x -> x.startsWith("Lawmakers are urging the Biden administration"));
        assertThat(s).anyMatch(x -> x.endsWith("where we are next weekSaid Blinken."));
    }

    @Test
    void should_break_paragraphs_and_headings() {
        String text = "# Title\nFirst line of text\n\nSecond paragraph here";
        assertThat(sentences(text)).containsExactly("# Title", "First line of text", "Second paragraph here");
    }

    @Test
    void should_cut_an_endless_sentence_into_bounded_pieces() {
        String text = "word ".repeat(1000).strip();
        List<Span> spans = new SentenceSplitter(150).split(text);
        assertThat(spans).hasSizeGreaterThanOrEqualTo(6);
        assertThat(spans).allSatisfy(s -> assertThat(s.of(text).split(" ").length).isLessThanOrEqualTo(150));
    }
}
