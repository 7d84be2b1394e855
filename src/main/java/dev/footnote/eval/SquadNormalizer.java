package dev.footnote.eval;

import java.util.Locale;
import java.util.regex.Pattern;

/** The official SQuAD v1.1 answer normalisation: lower case, no punctuation, no articles, single spaces. */
public final class SquadNormalizer {
    private static final Pattern PUNCT = Pattern.compile("[\\p{Punct}‘’“”–—…]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

    private SquadNormalizer() {
    }

    public static String normalize(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        t = PUNCT.matcher(t).replaceAll("");
        t = ARTICLES.matcher(t).replaceAll(" ");
        return t.trim().replaceAll("\\s+", " ");
    }

    /** Whether a normalised gold answer occurs in the normalised text, on word boundaries. */
    public static boolean contains(String text, String gold) {
        String g = normalize(gold);
        if (g.isEmpty()) return false;
        return (" " + normalize(text) + " ").contains(" " + g + " ");
    }

    /** SQuAD's exact match: the normalised texts are equal. */
    public static boolean exactMatch(String prediction, String gold) {
        return normalize(prediction).equals(normalize(gold));
    }

    /** SQuAD's token F1 between the normalised prediction and gold answer. */
    public static double f1(String prediction, String gold) {
        String p = normalize(prediction);
        String g = normalize(gold);
        if (p.isEmpty() || g.isEmpty()) return p.equals(g) ? 1 : 0;
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String t : g.split(" ")) counts.merge(t, 1, Integer::sum);
        String[] pt = p.split(" ");
        int same = 0;
        for (String t : pt) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                same++;
                counts.put(t, c - 1);
            }
        }
        if (same == 0) return 0;
        double precision = (double) same / pt.length;
        double recall = (double) same / g.split(" ").length;
        return 2 * precision * recall / (precision + recall);
    }
}
