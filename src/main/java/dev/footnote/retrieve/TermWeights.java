package dev.footnote.retrieve;

import java.util.Collection;
import java.util.Map;

/** Corpus statistics for analysed terms: how informative each one is. */
public interface TermWeights {
    /** Inverse document frequency of each term (analysed body terms). */
    Map<String, Double> idf(Collection<String> terms);

    /**
     * BM25's inverse document frequency, as Lucene's {@code BM25Similarity} computes it, for a term found in {@code df}
     * of {@code n} chunks; every engine reports it from its own counts with this one formula.
     */
    static double bm25Idf(long n, long df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
