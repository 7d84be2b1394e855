package dev.footnote.index;

import java.util.List;

/** The unit-length vector of a passage and one of each of its sentences, in order. */
public record PassageVectors(float[] passage, List<float[]> sentences) {
    public PassageVectors {
        sentences = List.copyOf(sentences);
    }
}
