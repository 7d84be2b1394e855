package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
    private final Layout pages = new Layout(Layout.Unit.PAGE, List.of(0, 100, 250),
            List.of(new Layout.Section(0, "Intro"), new Layout.Section(180, "Method\tand results")));

    @Test
    void should_locate_a_span_by_the_page_of_its_start_and_its_last_character() {
        assertThat(pages.locate(10, 50)).isEqualTo(new Layout.Location(1, null, null, "Intro"));
        assertThat(pages.locate(90, 100)).isEqualTo(new Layout.Location(1, null, null, "Intro"));
        assertThat(pages.locate(90, 101)).isEqualTo(new Layout.Location(1, 2, null, "Intro"));
        assertThat(pages.locate(200, 260)).isEqualTo(new Layout.Location(2, 3, null, "Method and results"));
        assertThat(pages.locate(250, 260).page()).isEqualTo(3);
    }

    @Test
    void should_survive_encoding_for_the_index() {
        assertThat(Layout.decode(pages.encode())).isEqualTo(pages);
        Layout slides = new Layout(Layout.Unit.SLIDE, List.of(0, 40), List.of());
        assertThat(Layout.decode(slides.encode())).isEqualTo(slides);
        assertThat(Layout.decode(null)).isEqualTo(Layout.NONE);
        assertThat(Layout.NONE.locate(0, 5)).isEqualTo(Layout.Location.NONE);
    }
}
