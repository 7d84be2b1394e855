package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.support.Fixtures;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderTest {
    private final DocumentLoader loader = new DocumentLoader(1_000_000);

    private SourceDocument load(String name) throws Exception {
        return loader.load(Fixtures.dir("formats").resolve(name), name);
    }

    @Test
    void should_read_the_seed_date_header_as_metadata_not_text() throws Exception {
        SourceDocument d = load("news.txt");
        assertThat(d.date()).isEqualTo("2022-01-21");
        assertThat(d.text().substring(d.bodyStart())).startsWith("Eventually the meeting between President Biden");
        // no title in the file: its first sentence, trimmed at a word, not the file name
        assertThat(d.title()).isEqualTo("Eventually the meeting between President Biden and Russian President Vladimir…");
        assertThat(d.id()).isEqualTo("news.txt");
    }

    @Test
    void should_read_markdown_front_matter_and_heading() throws Exception {
        SourceDocument d = load("front-matter.md");
        assertThat(d.title()).isEqualTo("Volcanoes of Iceland");
        assertThat(d.date()).isEqualTo("2021-03-19");
        assertThat(d.text().substring(d.bodyStart())).startsWith("# Volcanoes of Iceland");
    }

    @Test
    void should_keep_only_visible_html_text() throws Exception {
        SourceDocument d = load("page.html");
        assertThat(d.title()).isEqualTo("How Honey Bees Communicate");
        assertThat(d.date()).isEqualTo("2020-05-11");
        assertThat(d.text()).contains("waggle dance").doesNotContain("secret").doesNotContain("color: red").doesNotContain("<p>");
    }

    @Test
    void should_read_pdf_text_and_title(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            doc.getDocumentInformation().setTitle("Quarterly Lighthouse Report");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("The lighthouse keeper counted 42 ships in March.");
                cs.endText();
            }
            doc.save(pdf.toFile());
        }
        SourceDocument d = loader.load(pdf, "report.pdf");
        assertThat(d.title()).isEqualTo("Quarterly Lighthouse Report");
        assertThat(d.text()).contains("The lighthouse keeper counted 42 ships in March.");
    }

    @Test
    void should_refuse_empty_binary_and_corrupt_files_with_a_reason() {
        assertThatThrownBy(() -> load("empty.txt")).isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> load("binary.txt")).isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> load("nul.md")).isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> load("broken.pdf")).isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("PDF");
    }

    @Test
    void should_refuse_oversized_files() {
        DocumentLoader tiny = new DocumentLoader(100);
        assertThatThrownBy(() -> tiny.load(Fixtures.dir("formats").resolve("news.txt"), "news.txt"))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("too large");
    }

    @Test
    void ids_are_stable_and_url_safe() {
        assertThat(DocumentLoader.idFor("a/b c.txt")).isEqualTo(DocumentLoader.idFor("a/b c.txt")).matches("[A-Za-z0-9._-]+");
        assertThat(DocumentLoader.idFor("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
        assertThat(DocumentLoader.idFor("notes.md")).isEqualTo("notes.md");
    }
}
