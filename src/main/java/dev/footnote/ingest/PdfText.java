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
 * numbers included) dropped; a short unpunctuated line between sentences is a heading, set apart by blank lines and
 * recorded as a section. Pages are joined by one line break, so a sentence can run on to the next page.
 */
final class PdfText {
    static final String NO_TEXT_LAYER = "no text layer (scanned?)";
    /** Lines looked at for a running header (top) or footer (bottom) of each page. */
    private static final int EDGE_LINES = 3;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:][\"'”’)\\]]*$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The text of every page joined, the offset where each page starts, and the headings found. */
    record Pages(String text, List<Integer> starts, List<Layout.Section> sections) {
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
            return new SourceDocument(id, path, DocumentLoader.titleOr(title, fileName), date, pages.text(), 0, hash, size,
                    new Layout(Layout.Unit.PAGE, pages.starts(), pages.sections()));
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("encrypted PDF (a password is needed to read it)");
        } catch (IOException e) {
            throw new UnreadableDocumentException("corrupt PDF: " + e.getMessage());
        }
    }

    /** Cleans each page's raw text and joins the pages, recording where each page and each heading starts. */
    static Pages clean(List<String> rawPages) {
        List<List<String>> pages = new ArrayList<>();
        for (String raw : rawPages) pages.add(lines(unfold(raw)));
        dropRunningLines(pages);
        List<Line> flow = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            for (String l : pages.get(p)) if (!l.isBlank()) flow.add(new Line(p, l.strip()));
        }
        joinHyphenated(flow);
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>(List.of(0));
        List<Layout.Section> sections = new ArrayList<>();
        boolean sentenceEnded = true;
        boolean previousHeading = false;
        for (int i = 0; i < flow.size(); i++) {
            Line line = flow.get(i);
            boolean heading = sentenceEnded && looksLikeHeading(line.text)
                    && (i + 1 == flow.size() || startsLikeSentence(flow.get(i + 1).text));
            if (text.length() > 0) text.append(heading || previousHeading ? "\n\n" : "\n");
            while (starts.size() <= line.page) starts.add(text.length());
            if (heading) sections.add(new Layout.Section(text.length(), line.text));
            text.append(line.text);
            sentenceEnded = heading || SENTENCE_END.matcher(line.text).find();
            previousHeading = heading;
        }
        while (starts.size() < pages.size()) starts.add(text.length());
        return new Pages(text.toString(), starts, sections);
    }

    /** A line of a page's text, in reading order. */
    private record Line(int page, String text) {
    }

    /** "engi-" at the end of a line (or page) and "neer …" on the next: the word is joined on the first line. */
    private static void joinHyphenated(List<Line> flow) {
        for (int i = 0; i + 1 < flow.size(); i++) {
            String a = flow.get(i).text;
            String b = flow.get(i + 1).text;
            int n = a.length();
            if (n < 2 || "-\u00AD\u2010".indexOf(a.charAt(n - 1)) < 0 || !Character.isLetter(a.charAt(n - 2))
                    || !Character.isLowerCase(b.charAt(0))) {
                continue;
            }
            int end = 0;
            while (end < b.length() && !Character.isWhitespace(b.charAt(end))) end++;
            flow.set(i, new Line(flow.get(i).page, a.substring(0, n - 1) + b.substring(0, end)));
            String rest = b.substring(end).strip();
            if (rest.isEmpty()) flow.remove(i + 1);
            else flow.set(i + 1, new Line(flow.get(i + 1).page, rest));
        }
    }

    /** A short line without closing punctuation, standing between sentences: set apart so it cannot join one. */
    private static boolean looksLikeHeading(String line) {
        if (line.length() > 80 || line.split("\\s+").length > 10) return false;
        char first = line.charAt(0);
        char last = line.charAt(line.length() - 1);
        return (Character.isUpperCase(first) || Character.isDigit(first)) && ".,;:!?-\u00AD\u2010".indexOf(last) < 0
                && line.chars().anyMatch(Character::isLetter);
    }

    private static boolean startsLikeSentence(String line) {
        char c = line.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘(".indexOf(c) >= 0;
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
}
