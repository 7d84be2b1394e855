package dev.footnote.retrieve;

import dev.footnote.index.Embedder;
import java.util.Objects;

/** A question to retrieve for; its embedding is computed at most once and shared by every stage that needs it. */
public final class SearchQuery {
    public static final int MAX_CHARS = 10_000;
    private final String text;
    private final Embedder embedder;
    private volatile float[] vector;

    public SearchQuery(String text, Embedder embedder) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("query is empty");
        this.text = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        this.embedder = embedder;
    }

    public String text() {
        return text;
    }

    public float[] vector() {
        float[] v = vector;
        if (v == null) {
            v = embedder.embedQuery(text);
            vector = v;
        }
        return v;
    }
}
