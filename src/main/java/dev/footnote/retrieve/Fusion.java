package dev.footnote.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one fusion of a BM25 list and a vector list, shared by every engine so that they rank alike: a weighted sum of
 * max-normalised BM25 scores and min-max normalised vector scores ({@code (1 + cosine) / 2}), ties broken by chunk id.
 */
public final class Fusion {
    private Fusion() {
    }

    /** A candidate (an engine's own key) with its fused score. */
    public record Scored<K>(K key, double score) {
    }

    /**
     * @param bm25 BM25 score per candidate, as the engine reports it
     * @param vec  vector similarity per candidate, mapped to [0, 1] as Lucene does
     * @param id   the chunk id of a candidate; called only to break ties
     */
    public static <K> List<Scored<K>> fuse(Retriever.Mode mode, FusionParams params, Map<K, Double> bm25, Map<K, Double> vec,
                                           java.util.function.Function<K, String> id) {
        double bmMax = bm25.values().stream().mapToDouble(d -> d).max().orElse(1);
        double w = mode == Retriever.Mode.BM25 ? 0 : mode == Retriever.Mode.VECTOR ? 1 : params.vectorWeight();
        Map<K, Double> fused = new HashMap<>();
        bm25.forEach((doc, sc) -> fused.merge(doc, (1 - w) * sc / bmMax, Double::sum));
        // vector scores: Lucene maps dot product d to (1+d)/2; normalise against the best one
        double vMax = vec.values().stream().mapToDouble(d -> d).max().orElse(1);
        double vMin = vec.values().stream().mapToDouble(d -> d).min().orElse(0);
        double vRange = Math.max(vMax - vMin, 1e-6);
        vec.forEach((doc, sc) -> fused.merge(doc, w * (mode == Retriever.Mode.VECTOR ? sc : (sc - vMin) / vRange), Double::sum));
        List<Scored<K>> out = new ArrayList<>(fused.size());
        for (Map.Entry<K, Double> e : fused.entrySet()) out.add(new Scored<>(e.getKey(), e.getValue()));
        Comparator<Scored<K>> byScore = (a, b) -> Double.compare(b.score(), a.score());
        out.sort(byScore.thenComparing(s -> id.apply(s.key())));
        return out;
    }
}
