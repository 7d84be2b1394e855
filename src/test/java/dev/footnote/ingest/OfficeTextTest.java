package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.support.OfficeFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OfficeTextTest extends FileLoading {
    @Test
    void should_read_a_word_file_with_its_title_and_sections() throws Exception {
        SourceDocument d = load("plan.docx", OfficeFiles.docx("Title|Ferry timetable review", "Heading1|Winter service",
                "|The winter ferry leaves Castlebay at 07:30 on weekdays.", "Heading1|Summer service",
                "|In summer a second ferry sails at 13:15."));
        assertThat(d.title()).isEqualTo("Ferry timetable review");
        String quote = "In summer a second ferry sails at 13:15.";
        int at = d.text().indexOf(quote);
        assertThat(d.text().substring(at, at + quote.length())).isEqualTo(quote);
        assertThat(d.layout().locate(at, at + quote.length())).isEqualTo(new Layout.Location(null, null, null, "Summer service"));
        assertThat(new SentenceSplitter().split(d.text(), 0, d.text().length())).extracting(s -> s.of(d.text()))
                .contains("Winter service", "The winter ferry leaves Castlebay at 07:30 on weekdays.", quote);
    }

    @Test
    void should_number_slides_like_pages() throws Exception {
        SourceDocument d = load("deck.pptx", OfficeFiles.pptx(new String[] {"Budget 2026", "The library budget rises by 4 percent."},
                new String[] {"Opening hours", "The reading room opens at nine on Saturdays."}));
        assertThat(d.title()).isEqualTo("Budget 2026");
        int at = d.text().indexOf("The reading room opens");
        assertThat(d.layout().locate(at, at + 10)).isEqualTo(new Layout.Location(null, null, 2, "Opening hours"));
        assertThat(d.layout().numberAt(d.text().indexOf("The library budget"))).isEqualTo(1);
    }

    @Test
    void should_read_a_workbook_row_by_row_with_sheets_as_sections() throws Exception {
        SourceDocument d = load("stock.xlsx", OfficeFiles.xlsx(new String[] {"Tools", "Hammer\t12", "Saw\t4"},
                new String[] {"Paint", "White paint\t30 litres"}));
        assertThat(d.text()).contains("Hammer | 12").contains("White paint | 30 litres");
        assertThat(d.layout().sectionAt(d.text().indexOf("White paint"))).isEqualTo("Paint");
    }

    @Test
    void should_read_an_opendocument_text_with_its_title_and_sections() throws Exception {
        SourceDocument d = load("minutes.odt", OfficeFiles.odt("Harbour board minutes", "h|Decisions",
                "The board approved the new crane on 3 May.", "h|Next meeting", "The board meets again in June."));
        assertThat(d.title()).isEqualTo("Harbour board minutes");
        int at = d.text().indexOf("The board meets again in June.");
        assertThat(d.layout().locate(at, at + 30).section()).isEqualTo("Next meeting");
        assertThat(d.text()).isEqualTo("Decisions\n\nThe board approved the new crane on 3 May.\n\nNext meeting\n\nThe board meets again in June.");
    }

    @Test
    void should_refuse_an_opendocument_zip_bomb() {
        assertThatThrownBy(() -> load("bomb.odt", OfficeFiles.zipBomb(50, "content.xml")))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("zip bomb");
    }

    @Test
    void should_refuse_a_docx_that_is_not_a_zip_with_the_reason() {
        assertThatThrownBy(() -> load("fake.docx", "just some text pretending".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("not a .docx file");
    }

    @Test
    void should_refuse_a_zip_bomb_with_the_reason() {
        assertThatThrownBy(() -> load("bomb.docx", OfficeFiles.zipBomb(50)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("zip bomb");
    }
}
