package dev.footnote.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Builds PDF, Word, PowerPoint and Excel files in memory with the libraries Footnote reads them with: no binary fixtures. */
public final class OfficeFiles {
    /** A three-page report: running header and "Page n of 3" footer, a word hyphenated at a line end, the answer on page 3. */
    public static final List<List<String>> REPORT = List.of(
            List.of("Harbour district renewal", "The council began the harbour renewal programme in 2019 after the",
                    "old quay walls failed an inspection. Work is funded by a regional bond."),
            List.of("Design and supervision", "The design was checked by the chief engi-", "neer of the port authority before any",
                    "contract was signed. Each contractor reports to the site office every",
                    "week, and the site office publishes a short note on the progress of the"),
            List.of("works for residents of the district.", "Opening", "The new Harbour Bridge will open to traffic on 14 March 2027.",
                    "Tolls will not be charged in the first year."));
    public static final String REPORT_HEADER = "Municipal Works Report";
    public static final String PAGE_3_ANSWER = "The new Harbour Bridge will open to traffic on 14 March 2027.";

    private OfficeFiles() {
    }

    /** A PDF with one page per entry; each page shows {@code header} at the top and "Page n of N" at the bottom. */
    public static byte[] pdf(String title, String header, List<List<String>> pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    if (header != null) line(s, font, 9, 72, 800, header);
                    float y = 740;
                    for (String l : pages.get(p)) {
                        line(s, font, 11, 72, y, l);
                        y -= 16;
                    }
                    if (header != null) line(s, font, 9, 280, 40, "Page " + (p + 1) + " of " + pages.size());
                }
            }
            if (title != null) doc.getDocumentInformation().setTitle(title);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose pages carry no text at all, as a scanner produces before OCR. */
    public static byte[] scannedPdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.addRect(50, 50, 400, 600); // a grey "scan" instead of text
                    s.fill();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    /** A Word file: each entry is {@code style|text} (style Title, Heading1, Heading2 or empty for body text). */
    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                int bar = p.indexOf('|');
                XWPFParagraph para = doc.createParagraph();
                if (bar > 0) para.setStyle(p.substring(0, bar));
                para.createRun().setText(p.substring(bar + 1));
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PowerPoint file: each slide is {title, body}. */
    public static byte[] pptx(String[]... slides) {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
            for (String[] s : slides) {
                XSLFSlide slide = show.createSlide(layout);
                slide.getPlaceholder(0).setText(s[0]);
                slide.getPlaceholder(1).setText(s[1]);
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Excel file: each sheet is {name, row, row, …} with cells separated by tabs. */
    public static byte[] xlsx(String[]... sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String[] s : sheets) {
                XSSFSheet sheet = book.createSheet(s[0]);
                for (int r = 1; r < s.length; r++) {
                    String[] cells = s[r].split("\t");
                    var row = sheet.createRow(r - 1);
                    for (int c = 0; c < cells.length; c++) row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenDocument text file: each entry is {@code h|heading} or a body paragraph; {@code title} goes to meta.xml. */
    public static byte[] odt(String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            String text = p.startsWith("h|") ? p.substring(2) : p;
            String esc = text.replace("&", "&amp;").replace("<", "&lt;");
            body.append(p.startsWith("h|") ? "<text:h text:outline-level=\"1\">" + esc + "</text:h>" : "<text:p>" + esc + "</text:p>");
        }
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes());
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + ns + "><office:body><office:text>"
                    + body + "</office:text></office:body></office:document-content>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("meta.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta " + ns + "><office:meta><dc:title>" + title
                    + "</dc:title></office:meta></office:document-meta>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip named like a Word file whose document part inflates from a few kilobytes to {@code megabytes} MB of zeros. */
    public static byte[] zipBomb(int megabytes) {
        return zipBomb(megabytes, "word/document.xml");
    }

    /** A zip whose part {@code part} inflates to {@code megabytes} MB of zeros. */
    public static byte[] zipBomb(int megabytes, String part) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(part));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) zip.write(zeros);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
