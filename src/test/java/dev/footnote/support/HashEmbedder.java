package dev.footnote.support;

import dev.footnote.index.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fast, deterministic bag-of-words embedder for tests about indexing mechanics rather than meaning. */
public final class HashEmbedder implements Embedder {
    @Override
    public String name() {
        return "hash-test";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) out.add(embed(t));
        return out;
    }

    private static float[] embed(String text) {
        float[] v = new float[384];
        for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!w.isEmpty()) v[Math.floorMod(w.hashCode(), 384)] += 1;
        }
        v[0] += 0.01f;
        double n = 0;
        for (float x : v) n += x * x;
        for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(n);
        return v;
    }
}
