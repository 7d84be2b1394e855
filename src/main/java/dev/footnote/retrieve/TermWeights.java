package dev.footnote.retrieve;

import java.util.Collection;
import java.util.Map;

/** Corpus statistics for analysed terms: how informative each one is. */
public interface TermWeights {
    /** Inverse document frequency of each term (analysed body terms). */
    Map<String, Double> idf(Collection<String> terms);
}
