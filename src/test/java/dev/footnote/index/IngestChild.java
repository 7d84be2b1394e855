package dev.footnote.index;

import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.support.HashEmbedder;
import java.nio.file.Path;
import java.time.Duration;

/** Runs an ingest in a child JVM so a test can kill it with SIGKILL at an arbitrary moment. */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) {
        try (LuceneIndex index = LuceneIndex.open(Path.of(args[1]), 384)) {
            Indexer indexer = new Indexer(index, new SlowEmbedder(), new Chunker(), Duration.ofMillis(150));
            System.out.println("started");
            System.out.flush();
            indexer.sync(new FolderCorpus(Path.of(args[0]), 1_000_000), Progress.silent());
            System.out.println("finished");
        }
    }

    /** Slow enough that the kill lands mid-ingest. */
    static final class SlowEmbedder implements Embedder {
        private final HashEmbedder delegate = new HashEmbedder();

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }

        @Override
        public java.util.List<float[]> embedPassages(java.util.List<String> texts) {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.embedPassages(texts);
        }
    }
}
