package dev.footnote.library;

import dev.footnote.index.Analyzers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain-text snippets: the window of a passage with the most query terms, each matching word wrapped in «».
 * Words match when they analyse to the same term as a query word (so "meeting" matches "meet"), as BM25 sees them.
 */
public final class Snippets {
    public static final int WINDOW = 240;

    private Snippets() {
    }

    public static String highlight(String text, String query) {
        Set<String> wanted = new HashSet<>(Analyzers.terms(query));
        List<int[]> matches = new ArrayList<>();
        if (!wanted.isEmpty()) {
            for (Analyzers.Token t : Analyzers.tokens(text)) {
                if (wanted.contains(t.term())) matches.add(new int[] {t.start(), t.end()});
            }
        }
        int[] window = window(text, matches);
        StringBuilder sb = new StringBuilder();
        if (window[0] > 0) sb.append('…');
        int at = window[0];
        for (int[] w : matches) {
            if (w[0] < window[0] || w[1] > window[1]) continue;
            sb.append(text, at, w[0]).append('«').append(text, w[0], w[1]).append('»');
            at = w[1];
        }
        sb.append(text, at, window[1]);
        if (window[1] < text.length()) sb.append('…');
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /** The [start, end) of the WINDOW-long stretch holding the most matches, widened to word boundaries. */
    private static int[] window(String text, List<int[]> matches) {
        if (text.length() <= WINDOW) return new int[] {0, text.length()};
        int bestStart = 0;
        int bestCount = 0;
        for (int i = 0, j = 0; i < matches.size(); i++) {
            while (j < matches.size() && matches.get(j)[1] - matches.get(i)[0] <= WINDOW) j++;
            if (j - i > bestCount) {
                bestCount = j - i;
                bestStart = matches.get(i)[0];
            }
        }
        int start = Math.max(0, Math.min(bestStart - WINDOW / 4, text.length() - WINDOW));
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) start--;
        int end = Math.min(text.length(), start + WINDOW);
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        return new int[] {start, end};
    }
}
