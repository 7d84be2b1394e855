package dev.footnote.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's text page by page, cleaned so sentences survive the layout: ligatures unfolded, words hyphenated at a line
 * end (or page end) joined, and running headers and footers (the same line at the top or bottom of most pages, page
 * numbers included) dropped. Pages are joined by one line break, so a sentence can run on to the next page.
 */
final class PdfText {
    static final String NO_TEXT_LAYER = "no text layer (scanned?)";
    /** Lines looked at for a running header (top) or footer (bottom) of each page. */
    private static final int EDGE_LINES = 3;
    private static final Pattern LINE_END_HYPHEN = Pattern.compile("(\\p{L})[-\u00AD\u2010]\n[ \t]*(\\p{Ll})");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The text of every page joined, and the offset where each page starts. */
    record Pages(String text, List<Integer> starts) {
    }

    private PdfText() {
    }

    static SourceDocument load(byte[] bytes, String id, String path, String fileName, String hash, long size)
            throws UnreadableDocumentException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<String> raw = new ArrayList<>(pdf.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                raw.add(stripper.getText(pdf));
            }
            Pages pages = clean(raw);
            if (pages.text().isBlank()) throw new UnreadableDocumentException(NO_TEXT_LAYER);
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = info == null ? null : info.getTitle();
            String date = info == null || info.getCreationDate() == null ? null
                    : info.getCreationDate().toInstant().toString().substring(0, 10);
            return new SourceDocument(id, path, title == null || title.isBlank() ? DocumentLoader.titleFromName(fileName) : title,
                    date, pages.text(), 0, hash, size, new Layout(Layout.Unit.PAGE, pages.starts(), List.of()));
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("encrypted PDF (a password is needed to read it)");
        } catch (IOException e) {
            throw new UnreadableDocumentException("corrupt PDF: " + e.getMessage());
        }
    }

    /** Cleans each page's raw text and joins the pages, recording where each one starts. */
    static Pages clean(List<String> rawPages) {
        List<List<String>> pages = new ArrayList<>();
        for (String raw : rawPages) pages.add(lines(unfold(raw)));
        dropRunningLines(pages);
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (List<String> lines : pages) {
            String page = LINE_END_HYPHEN.matcher(String.join("\n", lines).strip()).replaceAll("$1$2");
            if (!page.isEmpty() && text.length() > 0) {
                page = joinAcrossPages(text, page);
                if (!page.isEmpty()) text.append('\n');
            }
            starts.add(text.length());
            text.append(page);
        }
        return new Pages(text.toString(), starts);
    }

    /** Ligatures and presentation forms to plain letters; stray soft hyphens (not at a line end) removed. */
    static String unfold(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        String s = raw.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFB00' && c <= '\uFB06') {
                sb.append(java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC));
            } else if (c == '\u00AD' && !(i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
                continue; // an invisible break opportunity, not a character of the word
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<String> lines(String page) {
        List<String> out = new ArrayList<>();
        for (String l : page.split("\n", -1)) out.add(l.stripTrailing());
        return out;
    }

    /**
     * Drops lines that open or close at least half the pages (and two or more) once digits are ignored: running
     * titles, "Page 3 of 9", bare page numbers. Only the first and last few non-blank lines of a page are candidates.
     */
    private static void dropRunningLines(List<List<String>> pages) {
        if (pages.size() < 2) return;
        Map<String, Integer> seen = new HashMap<>();
        for (List<String> lines : pages) {
            Set<String> keys = new HashSet<>();
            for (int i : edgeLines(lines)) keys.add(key(lines.get(i)));
            keys.forEach(k -> seen.merge(k, 1, Integer::sum));
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        for (List<String> lines : pages) {
            List<Integer> edges = edgeLines(lines);
            for (int k = edges.size() - 1; k >= 0; k--) {
                int i = edges.get(k); // from the bottom up, so earlier indexes stay valid
                if (seen.getOrDefault(key(lines.get(i)), 0) >= needed) lines.remove(i);
            }
        }
    }

    /** Indexes of the first and last {@link #EDGE_LINES} non-blank lines. */
    private static List<Integer> edgeLines(List<String> lines) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (!lines.get(i).isBlank()) nonBlank.add(i);
        Set<Integer> out = new java.util.TreeSet<>();
        for (int i = 0; i < Math.min(EDGE_LINES, nonBlank.size()); i++) out.add(nonBlank.get(i));
        for (int i = Math.max(0, nonBlank.size() - EDGE_LINES); i < nonBlank.size(); i++) out.add(nonBlank.get(i));
        return new ArrayList<>(out);
    }

    private static String key(String line) {
        return DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ");
    }

    /**
     * A word hyphenated across a page break ("engi-" | "neer …") is joined on the earlier page; returns the rest of the
     * later page.
     */
    private static String joinAcrossPages(StringBuilder text, String page) {
        int n = text.length();
        boolean hyphen = n >= 2 && "-\u00AD\u2010".indexOf(text.charAt(n - 1)) >= 0 && Character.isLetter(text.charAt(n - 2));
        if (!hyphen || !Character.isLowerCase(page.charAt(0))) return page;
        int end = 0;
        while (end < page.length() && !Character.isWhitespace(page.charAt(end))) end++;
        text.setLength(n - 1);
        text.append(page, 0, end);
        return page.substring(end).strip();
    }
}
