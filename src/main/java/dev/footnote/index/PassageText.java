package dev.footnote.index;

import dev.footnote.ingest.Span;
import java.util.List;

/** A passage to embed and the character spans of its sentences, relative to {@code text}. */
public record PassageText(String text, List<Span> sentences) {
    public PassageText {
        sentences = List.copyOf(sentences);
        for (Span s : sentences) {
            if (s.end() > text.length()) throw new IllegalArgumentException("sentence " + s + " outside the passage text");
        }
    }
}
