package dev.footnote.support;

import dev.footnote.index.Embedder;
import dev.footnote.index.OnnxEmbedder;
import dev.footnote.index.PassageText;
import dev.footnote.index.PassageVectors;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real default embedding model, loaded once per test JVM, a base for test embedders that wrap another, and a
 * counting wrapper.
 */
public final class TestEmbedders {
    private static Embedder real;

    private TestEmbedders() {
    }

    public static synchronized Embedder real() {
        if (real == null) real = OnnxEmbedder.named("bge-small-en-v15-q");
        return real;
    }

    /**
     * Passes every call to a delegate, so a test embedder overrides only the calls it watches or holds up. Closing it
     * leaves the delegate open: the delegate may be the {@link #real()} model that the whole test JVM shares.
     */
    public abstract static class Forwarding implements Embedder {
        private final Embedder delegate;

        protected Forwarding(Embedder delegate) {
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
            return delegate.embedPassages(texts);
        }

        @Override
        public List<PassageVectors> embedWithSentences(List<PassageText> passages) {
            return delegate.embedWithSentences(passages);
        }
    }

    /** Counts how many texts were embedded, to prove that unchanged files are not re-embedded. */
    public static final class Counting extends Forwarding {
        public final AtomicInteger passages = new AtomicInteger();

        public Counting(Embedder delegate) {
            super(delegate);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return super.embedPassages(texts);
        }

        @Override
        public List<PassageVectors> embedWithSentences(List<PassageText> texts) {
            passages.addAndGet(texts.size());
            return super.embedWithSentences(texts);
        }
    }
}
