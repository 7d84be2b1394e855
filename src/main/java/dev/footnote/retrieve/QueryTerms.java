package dev.footnote.retrieve;

import dev.footnote.index.Analyzers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BM25 side of a query, written once for every engine: the analysed terms of the question in order of first
 * appearance, each with how often it occurs (a repeated word counts as a boost, not a second clause).
 */
public final class QueryTerms {
    /** More distinct terms than this adds nothing but cost: a pasted page of text is cut to its first 256 terms. */
    public static final int MAX_TERMS = 256;

    private QueryTerms() {
    }

    /** Term to frequency, in order of first appearance, at most {@link #MAX_TERMS} distinct terms. */
    public static Map<String, Integer> frequencies(String text) {
        Map<String, Integer> tf = new LinkedHashMap<>();
        for (String t : Analyzers.terms(text)) {
            if (tf.size() >= MAX_TERMS && !tf.containsKey(t)) continue;
            tf.merge(t, 1, Integer::sum);
        }
        return tf;
    }
}
