package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {
    @Test
    void should_title_a_document_by_its_heading_line() {
        assertThat(Titles.fromContent("Quarterly water report\n\nThe reservoir held 80% of capacity.", 0, "f"))
                .isEqualTo("Quarterly water report");
    }

    @Test
    void should_title_a_document_without_heading_by_its_first_sentence_trimmed_at_a_word() {
        String text = " date 2022-01-21 Eventually the meeting between President Biden and Russian President Vladimir Putin"
                + " will be hidden to address Russia’s threat of aggression against Ukraine.Foreign Secretary Anthony Blinken warned.";
        String title = Titles.fromContent(text, 17, "000_19ee0b4e2523900b");
        assertThat(title).startsWith("Eventually the meeting between President Biden").endsWith("…").doesNotContain("date");
        assertThat(title.length()).isLessThanOrEqualTo(Titles.MAX + 1);
        assertThat(Titles.fromContent("Coffee is a drink brewed from roasted beans. It is popular.", 0, "f"))
                .isEqualTo("Coffee is a drink brewed from roasted beans");
    }

    @Test
    void should_fall_back_to_the_file_name_when_there_is_no_text() {
        assertThat(Titles.fromContent("date 2022-01-01 ", 16, "notes")).isEqualTo("notes");
    }
}
