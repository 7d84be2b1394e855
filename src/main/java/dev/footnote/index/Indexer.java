package dev.footnote.index;

import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.Corpus;
import dev.footnote.ingest.CorpusEntry;
import dev.footnote.ingest.SourceDocument;
import dev.footnote.ingest.Span;
import dev.footnote.ingest.UnreadableDocumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with a corpus: unchanged documents (same hash) are skipped, changed ones replaced in one
 * block, vanished ones deleted. Commits every few seconds, so a crash loses at most the uncommitted tail.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    /** Documents chunked and embedded together (the embedding model parallelises within a batch). */
    public static final int BATCH_DOCS = 32;
    /** A sync that changed this many documents is followed by a merge into one segment (queries get ~2x faster). */
    private static final int OPTIMIZE_AFTER_CHANGES = 100;
    /** Beyond this size a full merge takes too long to do in passing; Lucene's merge policy is left to it. */
    private static final int OPTIMIZE_MAX_CHUNKS = 300_000;
    private final long commitEveryNanos;
    private final ChunkStore index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Time spent in the embedding model during the current sync (guarded by writeLock). */
    private long embedNanos;
    /** The sync under way, if any, and the last one finished: what a status route reports. */
    private volatile Progress running;
    private volatile Progress.Snapshot finished;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "footnote-index-writer");
        t.setDaemon(true);
        return t;
    });

    public Indexer(ChunkStore index, Embedder embedder, Chunker chunker) {
        this(index, embedder, chunker, java.time.Duration.ofSeconds(5));
    }

    /** @param commitEvery how much work a crash may lose at most: the index commits at least this often during an ingest */
    public Indexer(ChunkStore index, Embedder embedder, Chunker chunker, java.time.Duration commitEvery) {
        this.commitEveryNanos = commitEvery.toNanos();
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    public IngestReport sync(Corpus corpus, Progress progress) {
        writeLock.lock();
        running = progress;
        try {
            return doSync(corpus, progress);
        } finally {
            finished = progress.snapshot();
            running = null;
            writeLock.unlock();
        }
    }

    /** Whether a sync is under way and how far it is (or how the last one ended; empty before the first). */
    public Status status() {
        Progress p = running;
        if (p != null) return new Status(true, java.util.Optional.of(p.snapshot()));
        return new Status(false, java.util.Optional.ofNullable(finished));
    }

    /** Indexing state for operators and the page: a sync under way, with its progress. */
    public record Status(boolean indexing, java.util.Optional<Progress.Snapshot> progress) {
    }

    /**
     * Runs {@link #sync} on a thread of its own; searches meanwhile see what it has committed, whole documents at a
     * time, and {@link #status()} reports how far it is.
     */
    public java.util.concurrent.CompletableFuture<IngestReport> syncInBackground(Corpus corpus, Progress progress) {
        java.util.concurrent.CompletableFuture<IngestReport> done = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(sync(corpus, progress));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, "footnote-background-sync");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Adds or replaces one document now, visible to searches when this returns. */
    public int put(SourceDocument doc) {
        writeLock.lock();
        try {
            int chunks = write(List.of(doc));
            index.commit(embedder.name());
            return chunks;
        } finally {
            writeLock.unlock();
        }
    }

    public boolean delete(String docId) {
        writeLock.lock();
        try {
            if (index.document(docId).isEmpty()) return false;
            index.delete(docId);
            index.commit(embedder.name());
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    private IngestReport doSync(Corpus corpus, Progress progress) {
        long t0 = System.nanoTime();
        embedNanos = 0;
        if (index.committedModel().filter(m -> !m.equals(embedder.name())).isPresent()) {
            log.info("embedding model changed from {} to {}: rebuilding the index", index.committedModel().get(), embedder.name());
            index.deleteAll();
            index.commit(embedder.name());
        }
        Corpus.Listing listing = corpus.list();
        Map<String, String> existing = index.hashes();
        List<Corpus.Skipped> skipped = new ArrayList<>(listing.skipped());
        // each skipped file is reported once, in the report the command prints; the log has them at debug level
        for (Corpus.Skipped s : listing.skipped()) log.debug("skipped {}: {}", s.path(), s.reason());
        Set<String> seen = new HashSet<>();
        List<CorpusEntry> todo = new ArrayList<>();
        int unchanged = 0;
        for (CorpusEntry e : listing.entries()) {
            if (!seen.add(e.id())) {
                skipped.add(new Corpus.Skipped(e.path(), "duplicate id " + e.id()));
                log.debug("skipped {}: duplicate id {}", e.path(), e.id());
                continue;
            }
            if (e.hash().equals(existing.get(e.id()))) unchanged++;
            else todo.add(e);
        }
        int deleted = 0;
        for (String id : existing.keySet()) {
            if (!seen.contains(id)) {
                index.delete(id);
                deleted++;
            }
        }
        progress.total(todo.size());
        int added = 0;
        int updated = 0;
        int chunks = 0;
        long lastCommit = System.nanoTime();
        boolean committedOnce = false;
        List<SourceDocument> batch = new ArrayList<>();
        // embedding batch n+1 overlaps with writing batch n to Lucene on a second thread
        Future<Integer> writing = null;
        try {
            for (int i = 0; i < todo.size(); i++) {
                CorpusEntry e = todo.get(i);
                try {
                    batch.add(e.loader().load().withHash(e.hash()));
                    if (existing.containsKey(e.id())) updated++;
                    else added++;
                } catch (UnreadableDocumentException | RuntimeException ex) {
                    skipped.add(new Corpus.Skipped(e.path(), ex.getMessage()));
                    log.debug("skipped {}: {}", e.path(), ex.getMessage());
                    if (existing.containsKey(e.id())) index.delete(e.id());
                }
                if (batch.size() >= BATCH_DOCS || i == todo.size() - 1) {
                    Prepared prepared = prepare(List.copyOf(batch));
                    chunks += await(writing);
                    writing = writer.submit(() -> store(prepared));
                    progress.advance(batch.size(), prepared.chunkCount());
                    batch.clear();
                    // the first batch is committed at once, so a server indexing a large folder answers within seconds
                    boolean last = i == todo.size() - 1; // the final commit follows the loop
                    if (!last && (System.nanoTime() - lastCommit > commitEveryNanos || !committedOnce)) {
                        committedOnce = true;
                        chunks += await(writing);
                        writing = null;
                        index.commit(embedder.name());
                        log.debug("committed after {} of {} documents", i + 1, todo.size());
                        lastCommit = System.nanoTime();
                    }
                }
            }
        } finally {
            chunks += await(writing);
        }
        index.commit(embedder.name());
        if (added + updated + deleted >= OPTIMIZE_AFTER_CHANGES && index.chunkCount() <= OPTIMIZE_MAX_CHUNKS) {
            long t = System.nanoTime();
            index.optimize();
            log.info("optimised the index for queries in {} ms", (System.nanoTime() - t) / 1_000_000);
        }
        IngestReport report = new IngestReport(listing.entries().size() + listing.skipped().size(), added, updated,
                unchanged, deleted, chunks, skipped, (System.nanoTime() - t0) / 1e9, embedNanos / 1e9);
        log.info("ingest: {}", report.summary());
        return report;
    }

    /** Chunks and embeds a batch of documents: the expensive, parallel half of writing them. */
    private Prepared prepare(List<SourceDocument> docs) {
        List<List<Chunk>> chunked = new ArrayList<>();
        List<PassageText> passages = new ArrayList<>();
        for (SourceDocument d : docs) {
            List<Chunk> cs = chunker.chunk(d);
            chunked.add(cs);
            passages.addAll(passagesToEmbed(d, cs));
        }
        long t = System.nanoTime();
        List<PassageVectors> vectors = embedder.embedWithSentences(passages);
        embedNanos += System.nanoTime() - t;
        return new Prepared(docs, chunked, vectors);
    }

    /**
     * What is embedded for a document, one per chunk: the title, a line break and the chunk text, with the spans of
     * the chunk's sentences in that text.
     */
    public static List<PassageText> passagesToEmbed(SourceDocument d, List<Chunk> chunks) {
        List<PassageText> out = new ArrayList<>(chunks.size());
        String prefix = d.title() + "\n";
        for (Chunk c : chunks) {
            List<Span> sentences = new ArrayList<>(c.sentences().size());
            int shift = prefix.length() - c.span().start();
            for (Span s : c.sentences()) sentences.add(new Span(s.start() + shift, s.end() + shift));
            out.add(new PassageText(prefix + c.span().of(d.text()), sentences));
        }
        return out;
    }

    /** Writes a prepared batch, each document as one atomic block; returns the number of chunks. */
    private int store(Prepared p) {
        int k = 0;
        int total = 0;
        for (int i = 0; i < p.docs().size(); i++) {
            List<Chunk> cs = p.chunks().get(i);
            List<float[]> chunkVectors = new ArrayList<>();
            List<List<float[]>> sentenceVectors = new ArrayList<>();
            for (int c = 0; c < cs.size(); c++) {
                PassageVectors v = p.vectors().get(k++);
                chunkVectors.add(v.passage());
                sentenceVectors.add(v.sentences());
            }
            index.put(p.docs().get(i), cs, chunkVectors, sentenceVectors);
            total += cs.size();
        }
        return total;
    }

    private int write(List<SourceDocument> docs) {
        return store(prepare(docs));
    }

    /** Waits for a write in progress, then stops the writer thread. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.shutdown();
        } finally {
            writeLock.unlock();
        }
    }

    private static int await(Future<Integer> f) {
        if (f == null) return 0;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Prepared(List<SourceDocument> docs, List<List<Chunk>> chunks, List<PassageVectors> vectors) {
        int chunkCount() {
            return vectors.size();
        }
    }
}
