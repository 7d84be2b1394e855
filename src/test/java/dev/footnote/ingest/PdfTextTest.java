package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.support.OfficeFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfTextTest extends FileLoading {
    private SourceDocument report() throws Exception {
        return load("report.pdf", OfficeFiles.pdf("Harbour report", OfficeFiles.REPORT_HEADER, OfficeFiles.REPORT));
    }

    @Test
    void should_record_where_every_page_starts() throws Exception {
        SourceDocument d = report();
        Layout layout = d.layout();
        assertThat(layout.unit()).isEqualTo(Layout.Unit.PAGE);
        assertThat(layout.starts()).hasSize(3);
        int answer = d.text().indexOf(OfficeFiles.PAGE_3_ANSWER);
        assertThat(answer).isPositive();
        assertThat(layout.numberAt(answer)).isEqualTo(3);
        assertThat(layout.numberAt(d.text().indexOf("The council began"))).isEqualTo(1);
        assertThat(layout.numberAt(d.text().indexOf("contract was signed"))).isEqualTo(2);
    }

    @Test
    void should_drop_running_headers_and_page_numbers() throws Exception {
        String text = report().text();
        assertThat(text).doesNotContain(OfficeFiles.REPORT_HEADER).doesNotContain("Page 1 of 3").doesNotContain("of 3");
    }

    @Test
    void should_join_a_word_hyphenated_at_a_line_end() throws Exception {
        String text = report().text();
        assertThat(text.replace('\n', ' ')).contains("the chief engineer of the port authority").doesNotContain("engi-");
    }

    @Test
    void should_keep_sentences_whole_across_layout_and_page_breaks() throws Exception {
        SourceDocument d = report();
        List<Span> sentences = new SentenceSplitter().split(d.text(), 0, d.text().length());
        List<String> texts = sentences.stream().map(s -> s.of(d.text())).toList();
        assertThat(texts).contains(OfficeFiles.PAGE_3_ANSWER);
        assertThat(texts).anyMatch(s -> s.startsWith("The design was checked by the chief engineer") && s.endsWith("contract was signed."));
        String crossing = texts.stream().filter(s -> s.startsWith("Each contractor reports")).findFirst().orElseThrow();
        assertThat(crossing).endsWith("works for residents of the district.");
        int start = d.text().indexOf(crossing);
        Layout.Location where = d.layout().locate(start, start + crossing.length());
        assertThat(where.page()).isEqualTo(2);
        assertThat(where.pageEnd()).isEqualTo(3);
    }

    @Test
    void should_set_headings_apart_and_name_the_section_of_a_span() throws Exception {
        SourceDocument d = report();
        int answer = d.text().indexOf(OfficeFiles.PAGE_3_ANSWER);
        assertThat(d.layout().locate(answer, answer + OfficeFiles.PAGE_3_ANSWER.length()))
                .isEqualTo(new Layout.Location(3, null, null, "Opening"));
        assertThat(d.layout().sections()).extracting(Layout.Section::title)
                .containsExactly("Harbour district renewal", "Design and supervision", "Opening");
    }

    @Test
    void should_keep_every_chunk_and_sentence_offset_exact() throws Exception {
        SourceDocument d = report();
        for (Chunk c : new Chunker().chunk(d)) {
            for (Span s : c.sentences()) assertThat(d.text().substring(s.start(), s.end())).isEqualTo(s.of(d.text())).isNotBlank();
        }
    }

    @Test
    void should_unfold_ligatures_and_join_hyphenation_across_a_page_break() {
        PdfText.Pages pages = PdfText.clean(List.of("The ﬁnal ﬂoor plan was drawn by the engi-\n", "neer on duty. It was ﬀ.\n"));
        assertThat(pages.text()).isEqualTo("The final floor plan was drawn by the engineer\non duty. It was ff.");
        assertThat(pages.starts()).containsExactly(0, pages.text().indexOf("on duty"));
    }

    @Test
    void should_skip_a_scanned_pdf_with_no_text_layer() {
        assertThatThrownBy(() -> load("scan.pdf", OfficeFiles.scannedPdf(2)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessage("no text layer (scanned?)");
    }
}
