package dev.footnote.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word and PowerPoint files through Apache POI: paragraphs and table rows become paragraphs of text, headings become
 * sections (and the title), slides become numbered parts like PDF pages. Archives that inflate suspiciously (zip
 * bombs) or are not Office Open XML at all are refused with the reason.
 */
final class OfficeText {
    /** An archive part may inflate to at most this many times its packed size (POI: per entry; .odt: per archive)... */
    static final int MAX_INFLATE_RATIO = 100;
    /** ...and to at most this many bytes. */
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    private static final Pattern HEADING = Pattern.compile("(?i)^heading\\s*([1-9])$");

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private OfficeText() {
    }

    /** Loads this class, so its zip limits are in force before POI opens an archive elsewhere. */
    static void applyZipLimits() {
        // the static initialiser does the work
    }

    static SourceDocument docx(byte[] bytes, String id, String path, String fileName, String hash, long size)
            throws UnreadableDocumentException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Text out = new Text();
            String styledTitle = null;
            for (IBodyElement e : d.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    int level = headingLevel(d, p);
                    int at = out.add(p.getText());
                    if (at < 0) continue;
                    if (level == 0 && styledTitle == null) styledTitle = p.getText();
                    if (level > 0) out.sections.add(new Layout.Section(at, p.getText()));
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow r : t.getRows()) {
                        out.add(String.join(" | ", r.getTableCells().stream().map(XWPFTableCell::getText).toList()));
                    }
                }
            }
            String title = firstOf(styledTitle, coreTitle(d), out.sections.isEmpty() ? null : out.sections.get(0).title());
            return out.document(id, path, title, fileName, created(d), hash, size, null, List.of());
        } catch (IOException | RuntimeException e) {
            throw unreadable("docx", e);
        }
    }

    static SourceDocument pptx(byte[] bytes, String id, String path, String fileName, String hash, long size)
            throws UnreadableDocumentException {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
            Text out = new Text();
            List<Integer> starts = new ArrayList<>();
            String firstTitle = null;
            for (XSLFSlide slide : show.getSlides()) {
                int before = out.sb.length();
                String slideTitle = slide.getTitle();
                for (XSLFShape shape : slide.getShapes()) shapeText(shape, out);
                int at = out.sb.length() == before ? before : before + (before == 0 ? 0 : Text.SEPARATOR.length());
                starts.add(at);
                if (slideTitle != null && !slideTitle.isBlank()) {
                    out.sections.add(new Layout.Section(at, slideTitle));
                    if (firstTitle == null) firstTitle = slideTitle;
                }
            }
            return out.document(id, path, firstOf(coreTitle(show), firstTitle), fileName, created(show), hash, size,
                    Layout.Unit.SLIDE, starts);
        } catch (IOException | RuntimeException e) {
            throw unreadable("pptx", e);
        }
    }

    private static void shapeText(XSLFShape shape, Text out) {
        if (shape instanceof XSLFTextShape t) {
            out.add(t.getText());
        } else if (shape instanceof XSLFGroupShape g) {
            for (XSLFShape s : g.getShapes()) shapeText(s, out);
        } else if (shape instanceof XSLFTable t) {
            for (XSLFTableRow r : t.getRows()) {
                out.add(String.join(" | ", r.getCells().stream().map(XSLFTableCell::getText).toList()));
            }
        }
    }

    /** 0 for the Title style, 1–9 for Heading 1–9, -1 for anything else (matched on style id or name). */
    private static int headingLevel(XWPFDocument d, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) return -1;
        XWPFStyle style = d.getStyles() == null ? null : d.getStyles().getStyle(id);
        for (String name : new String[] {id, style == null ? null : style.getName()}) {
            if (name == null) continue;
            if (name.equalsIgnoreCase("title")) return 0;
            Matcher m = HEADING.matcher(name.strip());
            if (m.matches()) return Integer.parseInt(m.group(1));
        }
        return -1;
    }

    private static String coreTitle(POIXMLDocument d) {
        POIXMLProperties.CoreProperties core = d.getProperties() == null ? null : d.getProperties().getCoreProperties();
        return core == null ? null : core.getTitle();
    }

    private static String created(POIXMLDocument d) {
        POIXMLProperties.CoreProperties core = d.getProperties() == null ? null : d.getProperties().getCoreProperties();
        Date c = core == null ? null : core.getCreated();
        return c == null ? null : c.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c.replaceAll("\\s+", " ").strip();
        return null;
    }

    /** Names what is wrong with the file: not a zip, an old binary Office file, a zip bomb, or damage. */
    static UnreadableDocumentException unreadable(String type, Exception e) {
        if (e instanceof UnreadableDocumentException u) return u;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("max. ratio") || m.contains("exceed the max")) return zipBomb(type);
            if (t instanceof OLE2NotOfficeXmlFileException) {
                return new UnreadableDocumentException("an old binary Office file, not ." + type + ": save it as ." + type);
            }
            if (t instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException || m.contains("not a zip")
                    || m.contains("no valid entries") || m.contains("zip header")) {
                return new UnreadableDocumentException("not a ." + type + " file (not an Office Open XML zip archive)");
            }
        }
        return new UnreadableDocumentException("corrupt ." + type + " file: " + e.getMessage());
    }

    /** A part of the archive inflated past {@link #MAX_INFLATE_RATIO} or {@link #MAX_ENTRY_BYTES}. */
    static UnreadableDocumentException zipBomb(String type) {
        return new UnreadableDocumentException("refused as a possible zip bomb: a part of the ." + type + " inflates more than "
                + MAX_INFLATE_RATIO + " times or past " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB");
    }

    /** Paragraphs joined by blank lines, so each one ends a sentence, plus the headings met on the way. */
    private static final class Text {
        static final String SEPARATOR = "\n\n";
        final StringBuilder sb = new StringBuilder();
        final List<Layout.Section> sections = new ArrayList<>();

        /** Appends a paragraph; returns its offset, or -1 when it is blank. */
        int add(String paragraph) {
            String p = paragraph == null ? "" : paragraph.replace("\r\n", "\n").replace('\r', '\n').replace('\u000B', '\n').strip();
            if (p.isEmpty()) return -1;
            if (sb.length() > 0) sb.append(SEPARATOR);
            int at = sb.length();
            sb.append(p);
            return at;
        }

        SourceDocument document(String id, String path, String title, String fileName, String date, String hash, long size,
                                Layout.Unit unit, List<Integer> starts) throws UnreadableDocumentException {
            if (sb.toString().isBlank()) throw new UnreadableDocumentException("no text");
            return new SourceDocument(id, path, DocumentLoader.titleOr(title, fileName), date, sb.toString(), 0, hash, size,
                    new Layout(unit, starts, sections));
        }
    }
}
