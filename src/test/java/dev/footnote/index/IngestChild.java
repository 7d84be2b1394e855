package dev.footnote.index;

import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.support.HashEmbedder;
import dev.footnote.support.TestEmbedders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an ingest in a child JVM so a test can kill it with SIGKILL mid-ingest: once at least {@code args[2]} documents
 * are committed, the next embedding call prints {@code paused N} (N committed documents) and blocks for good, so no
 * further commit can happen, while the batches written since the last commit stay uncommitted.
 */
public final class IngestChild {
    /** Commits at most this far apart; each embedding call takes at least {@link PausingEmbedder#MIN_CALL_MS}. */
    static final Duration COMMIT_EVERY = Duration.ofMillis(150);

    private IngestChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        try (LuceneIndex index = LuceneIndex.open(dir, 384)) {
            Indexer indexer = new Indexer(index, new PausingEmbedder(dir, Integer.parseInt(args[2])), new Chunker(), COMMIT_EVERY);
            System.out.println("started");
            System.out.flush();
            indexer.sync(new FolderCorpus(Path.of(args[0]), 1_000_000), Progress.silent());
            System.out.println("finished");
        }
    }

    /** Pauses the ingest for good once enough documents are committed. */
    static final class PausingEmbedder extends TestEmbedders.Forwarding {
        /*
         * A floor on each call's time, so 1,000 documents (32 batches) cannot all be ingested before the first
         * time-based commit: only slower, never faster, on a loaded machine.
         */
        static final int MIN_CALL_MS = 40;
        private final Path dir;
        private final int pauseAt;

        PausingEmbedder(Path dir, int pauseAt) {
            super(new HashEmbedder());
            this.dir = dir;
            this.pauseAt = pauseAt;
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            pauseOnceCommitted();
            return super.embedPassages(texts);
        }

        @Override
        public List<PassageVectors> embedWithSentences(List<PassageText> passages) {
            pauseOnceCommitted();
            return super.embedWithSentences(passages);
        }

        private void pauseOnceCommitted() {
            try {
                int committed = CrashSafetyIT.committedDocs(dir);
                if (committed >= pauseAt) {
                    System.out.println("paused " + committed);
                    System.out.flush();
                    new CountDownLatch(1).await(); // until SIGKILL
                }
                Thread.sleep(MIN_CALL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
