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
}
