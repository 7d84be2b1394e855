package dev.footnote.index;

import java.util.List;

/** Turns text into unit-length vectors; queries and passages may be encoded differently. */
public interface Embedder extends AutoCloseable {
    String name();

    int dimension();

    float[] embedQuery(String query);

    List<float[]> embedPassages(List<String> texts);

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
