package dev.footnote.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void marks_every_word_that_analyses_like_a_query_word() {
        String s = Snippets.highlight("Blinken’s meeting with Lavrov ended; they will meet again.", "meet Blinken");
        assertThat(s).isEqualTo("«Blinken’s» «meeting» with Lavrov ended; they will «meet» again.");
    }

    @Test
    void centres_a_long_passage_on_its_densest_stretch_of_matches() {
        String text = "filler words here ".repeat(40) + "the waggle dance of honey bees " + "more filler text ".repeat(40);
        String s = Snippets.highlight(text, "waggle dance");
        assertThat(s).startsWith("…").endsWith("…").contains("«waggle» «dance»");
        assertThat(s.length()).isLessThanOrEqualTo(Snippets.WINDOW + 40);
    }

    @Test
    void a_query_of_stop_words_only_leaves_the_text_unmarked() {
        assertThat(Snippets.highlight("The cat sat.", "the and of")).isEqualTo("The cat sat.");
    }
}
