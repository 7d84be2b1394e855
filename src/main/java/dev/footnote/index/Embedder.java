package dev.footnote.index;

import java.util.List;

/** Turns text into unit-length vectors; queries and passages may be encoded differently. */
public interface Embedder extends AutoCloseable {
    String name();

    int dimension();

    float[] embedQuery(String query);

    List<float[]> embedPassages(List<String> texts);

    /**
     * Vectors for passages and their sentences. By default each passage and each sentence is embedded on its own;
     * models that can read a passage once and pool its sentences from that pass override this.
     */
    default List<PassageVectors> embedWithSentences(List<PassageText> passages) {
        List<String> texts = new java.util.ArrayList<>();
        for (PassageText p : passages) {
            texts.add(p.text());
            for (var s : p.sentences()) texts.add(s.of(p.text()));
        }
        List<float[]> v = embedPassages(texts);
        List<PassageVectors> out = new java.util.ArrayList<>(passages.size());
        int k = 0;
        for (PassageText p : passages) {
            float[] passage = v.get(k++);
            out.add(new PassageVectors(passage, v.subList(k, k + p.sentences().size())));
            k += p.sentences().size();
        }
        return out;
    }

    /** Stops the model's worker threads; an embedder that has none does nothing. */
    @Override
    default void close() {
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
