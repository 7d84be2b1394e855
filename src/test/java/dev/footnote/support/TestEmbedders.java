package dev.footnote.support;

import dev.footnote.index.Embedder;
import dev.footnote.index.OnnxEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real default embedding model, loaded once per test JVM, and a counting wrapper around any embedder. */
public final class TestEmbedders {
    private static Embedder real;

    private TestEmbedders() {
    }

    public static synchronized Embedder real() {
        if (real == null) real = OnnxEmbedder.named("bge-small-en-v15-q");
        return real;
    }

    /** Counts how many texts were embedded, to prove that unchanged files are not re-embedded. */
    public static final class Counting implements Embedder {
        private final Embedder delegate;
        public final AtomicInteger passages = new AtomicInteger();

        public Counting(Embedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return delegate.embedPassages(texts);
        }

        @Override
        public List<dev.footnote.index.PassageVectors> embedWithSentences(List<dev.footnote.index.PassageText> texts) {
            passages.addAndGet(texts.size());
            return delegate.embedWithSentences(texts);
        }
    }
}
