package dev.footnote.answer.local;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How closely together a sentence uses the question's words: the IDF share of them found within one window of
 * {@value #WINDOW} words, and the share of the question's adjacent word pairs it repeats in order.
 */
record Proximity(double window, double bigrams) {
    static final int WINDOW = 12;

    static Proximity of(List<SpanCandidates.Word> words, List<String> qTerms, Map<String, Double> idf, double totalIdf) {
        if (qTerms.isEmpty() || totalIdf == 0) return new Proximity(0, 0);
        Set<String> wanted = new HashSet<>(qTerms);
        double best = 0;
        for (int i = 0; i < words.size(); i++) {
            String t = words.get(i).term();
            if (t == null || !wanted.contains(t)) continue;
            Set<String> seen = new HashSet<>();
            double sum = 0;
            for (int j = i; j < Math.min(words.size(), i + WINDOW); j++) {
                String u = words.get(j).term();
                if (u != null && wanted.contains(u) && seen.add(u)) sum += idf.getOrDefault(u, 0.0);
            }
            best = Math.max(best, sum / totalIdf);
        }
        Set<String> pairs = new HashSet<>();
        String prev = null;
        for (SpanCandidates.Word w : words) {
            if (w.term() == null) continue;
            if (prev != null) pairs.add(prev + " " + w.term());
            prev = w.term();
        }
        int asked = 0;
        int found = 0;
        for (int i = 0; i + 1 < qTerms.size(); i++) {
            asked++;
            if (pairs.contains(qTerms.get(i) + " " + qTerms.get(i + 1))) found++;
        }
        return new Proximity(best, asked == 0 ? 0 : (double) found / asked);
    }
}
