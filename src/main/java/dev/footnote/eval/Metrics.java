package dev.footnote.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** trec_eval definitions of nDCG@k, Recall@k and MRR@k over one ranked list of document ids. */
public final class Metrics {
    private Metrics() {
    }

    public static double ndcg(List<String> ranked, Map<String, Integer> rel, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            int g = rel.getOrDefault(ranked.get(i), 0);
            if (g > 0) dcg += g / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(rel.values().stream().filter(g -> g > 0).toList());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += ideal.get(i) / log2(i + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranked, Map<String, Integer> rel, int k) {
        long relevant = rel.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) return 0;
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (rel.getOrDefault(ranked.get(i), 0) > 0) found++;
        return (double) found / relevant;
    }

    public static double mrr(List<String> ranked, Map<String, Integer> rel, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (rel.getOrDefault(ranked.get(i), 0) > 0) return 1.0 / (i + 1);
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
