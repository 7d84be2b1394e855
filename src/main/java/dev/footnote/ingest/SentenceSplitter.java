package dev.footnote.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based sentence boundaries over messy real text. Keeps abbreviations ("U.S.", "Mr.", "Jan. 21"), decimals
 * and closing quotes together; splits run-ons glued without a space ("Ukraine.Foreign", "occupationLawmakers"),
 * paragraph breaks and headings. Returns trimmed spans into the original text.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt",
            "cmdr", "adm", "maj", "pres", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "eg", "ie",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "fig",
            "figs", "al", "approx", "dept", "est", "vol", "p", "pp", "ca", "cf", "mt", "ft", "ave", "blvd", "u.s",
            "u.k", "u.n", "a.m", "p.m", "ph.d", "op", "ed", "eds", "resp", "ref", "refs", "min", "max");
    private static final String CLOSERS = "\"'”’)]»";
    private static final String OPENERS = "\"'“‘([«";
    private final int maxWords;

    public SentenceSplitter() {
        this(150);
    }

    /** @param maxWords sentences longer than this are cut at word boundaries so no unit is unbounded */
    public SentenceSplitter(int maxWords) {
        this.maxWords = maxWords;
    }

    public List<Span> split(String text, int from, int to) {
        List<Span> out = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int cut = -1;      // end of the current sentence (exclusive)
            int next = -1;     // where scanning resumes
            if (c == '\n') {
                int j = i + 1;
                while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) j++;
                if (j < to && text.charAt(j) == '\n' || lineBreakEndsSentence(text, start, i, j, to)) {
                    cut = i;
                    next = j;
                }
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i + 1;
                while (j < to && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) j++;
                while (j < to && CLOSERS.indexOf(text.charAt(j)) >= 0) j++;
                if (j >= to) {
                    cut = j;
                    next = j;
                } else if (Character.isWhitespace(text.charAt(j))) {
                    int k = j;
                    while (k < to && Character.isWhitespace(text.charAt(k))) k++;
                    if (k >= to || startsSentence(text.charAt(k)) && !(c == '.' && j == i + 1 && isAbbreviation(text, start, i, k))) {
                        cut = j;
                        next = k;
                    }
                } else if (c == '.' && j == i + 1 && gluedSentence(text, start, i, to)) {
                    cut = j;
                    next = j;
                }
            } else if (Character.isUpperCase(c) && i > start && camelRunOn(text, start, i, to)) {
                cut = i;
                next = i;
            }
            if (cut >= 0) {
                add(out, text, start, cut);
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        add(out, text, start, to);
        return out;
    }

    public List<Span> split(String text) {
        return split(text, 0, text.length());
    }

    private void add(List<Span> out, String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        if (e <= s) return;
        // cut overlong sentences at word boundaries
        int words = 0;
        int pieceStart = s;
        for (int i = s; i < e; i++) {
            if (Character.isWhitespace(text.charAt(i)) && i > s && !Character.isWhitespace(text.charAt(i - 1))) {
                words++;
                if (words >= maxWords) {
                    out.add(trimmed(text, pieceStart, i));
                    pieceStart = i;
                    words = 0;
                }
            }
        }
        Span last = trimmed(text, pieceStart, e);
        if (last.length() > 0) out.add(last);
    }

    private static Span trimmed(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        return new Span(s, e);
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0 || c == '#' || c == '$'
                || c == '-' || c == '*' || c == '•';
    }

    /** "U.S." style initials, single letters and listed abbreviations do not end a sentence before a name or number. */
    private static boolean isAbbreviation(String text, int sentenceStart, int dot, int nextChar) {
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(text.charAt(w - 1)) && OPENERS.indexOf(text.charAt(w - 1)) < 0) w--;
        String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) return false;
        if (ABBREVIATIONS.contains(word)) return true;
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) return Character.isUpperCase(text.charAt(w));
        // initials such as "U.S" or "J.R.R"
        return word.matches("(\\p{L}\\.)+\\p{L}");
    }

    /** "Ukraine.Foreign Secretary": a full stop glued to the capitalised first word of the next sentence. */
    private static boolean gluedSentence(String text, int sentenceStart, int dot, int to) {
        if (dot + 2 >= to) return false;
        char a = text.charAt(dot + 1);
        char b = text.charAt(dot + 2);
        if (!Character.isUpperCase(a) || !Character.isLowerCase(b)) return false;
        int letters = 0;
        for (int w = dot - 1; w >= sentenceStart && Character.isLetter(text.charAt(w)); w--) {
            if (!Character.isLowerCase(text.charAt(w)) && w != dot - 1 - letters) return false;
            letters++;
        }
        if (letters < 3) return false;
        // "example.Com" in a URL or file name: the previous char run contains no other dot
        int w = dot - 1;
        while (w >= sentenceStart && !Character.isWhitespace(text.charAt(w))) {
            if (text.charAt(w) == '.' || text.charAt(w) == '/' || text.charAt(w) == '@') return false;
            w--;
        }
        return true;
    }

    /** "occupationLawmakers": a lowercase word (≥ 4 letters) glued to a capitalised word starts a new sentence. */
    private static boolean camelRunOn(String text, int sentenceStart, int upper, int to) {
        if (upper + 2 >= to || !Character.isLowerCase(text.charAt(upper + 1)) || !Character.isLowerCase(text.charAt(upper + 2))) {
            return false;
        }
        int w = upper;
        while (w > sentenceStart && Character.isLetter(text.charAt(w - 1))) w--;
        if (upper - w < 4) return false;
        if (w > sentenceStart && !Character.isWhitespace(text.charAt(w - 1)) && OPENERS.indexOf(text.charAt(w - 1)) < 0) return false;
        for (int k = w; k < upper; k++) if (!Character.isLowerCase(text.charAt(k))) return false;
        // the glued tail must be a sentence of its own ("…occupationLawmakers are urging…"), not "…weekSaid Blinken."
        int words = 1;
        for (int k = upper; k < to; k++) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n') break;
            if (c == ' ' && k + 1 < to && !Character.isWhitespace(text.charAt(k + 1))) words++;
        }
        return words >= 4;
    }

    /** A single newline ends a sentence when the line is a heading or list item, or the next one is. */
    private static boolean lineBreakEndsSentence(String text, int sentenceStart, int nl, int nextLine, int to) {
        int ls = nl;
        while (ls > sentenceStart && text.charAt(ls - 1) != '\n') ls--;
        String line = text.substring(ls, nl).strip();
        if (line.startsWith("#") || line.startsWith("- ") || line.startsWith("* ") || line.startsWith("|")) return true;
        if (nextLine < to) {
            char n = text.charAt(nextLine);
            if (n == '#' || n == '|' || (n == '-' || n == '*' || n == '•') && nextLine + 1 < to && text.charAt(nextLine + 1) == ' ') return true;
        }
        return false;
    }
}
