package dev.footnote.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable title for a document that names none: its heading (a short first line standing on its own), else its
 * first sentence trimmed at a word boundary to {@value #MAX} characters; the file name only when there is no text.
 */
public final class Titles {
    static final int MAX = 80;
    private static final Pattern FIRST_LINE = Pattern.compile("\\A\\s*([^\\n]{3," + MAX + "})\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\p{Ll}{2})\\.(?=\\p{Lu})|[.!?…](?=[\\s\"”’)]|$)");
    private static final int MIN_SENTENCE = 20;

    private Titles() {
    }

    public static String fromContent(String text, int bodyStart, String fallback) {
        String body = text.substring(Math.max(0, Math.min(bodyStart, text.length())));
        Matcher h = FIRST_LINE.matcher(body);
        if (h.find()) {
            String line = clean(h.group(1));
            if (!line.isEmpty() && !line.matches(".*[.,;:]$") && line.split("\\s+").length <= 14) return line;
        }
        String flat = clean(body);
        if (flat.isEmpty()) return fallback;
        Matcher end = SENTENCE_END.matcher(flat);
        String sentence = flat;
        while (end.find()) {
            if (end.start() < MIN_SENTENCE) continue;
            sentence = flat.substring(0, end.start() + (flat.charAt(end.start()) == '.' ? 0 : 1));
            break;
        }
        if (sentence.length() <= MAX) return sentence;
        int cut = sentence.lastIndexOf(' ', MAX - 1);
        return sentence.substring(0, cut > MAX / 2 ? cut : MAX - 1).replaceAll("[\\s,;:–—-]+$", "") + "…";
    }

    private static String clean(String s) {
        return s.replaceAll("^[#>*\\s-]+", "").replaceAll("\\s+", " ").strip();
    }
}
