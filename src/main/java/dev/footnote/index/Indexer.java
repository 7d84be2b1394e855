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
        try {
            return doSync(corpus, progress);
        } finally {
            writeLock.unlock();
        }
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
        Set<String> seen = new HashSet<>();
        List<CorpusEntry> todo = new ArrayList<>();
        int unchanged = 0;
        for (CorpusEntry e : listing.entries()) {
            if (!seen.add(e.id())) {
                skipped.add(new Corpus.Skipped(e.path(), "duplicate id " + e.id()));
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
                    log.warn("skipped {}: {}", e.path(), ex.getMessage());
                    if (existing.containsKey(e.id())) index.delete(e.id());
                }
                if (batch.size() >= BATCH_DOCS || i == todo.size() - 1) {
                    Prepared prepared = prepare(List.copyOf(batch));
                    chunks += await(writing);
                    writing = writer.submit(() -> store(prepared));
                    progress.advance(batch.size());
                    batch.clear();
                    if (System.nanoTime() - lastCommit > commitEveryNanos) {
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
        for (Corpus.Skipped s : skipped) log.info("skipped {}: {}", s.path(), s.reason());
        IngestReport report = new IngestReport(listing.entries().size() + listing.skipped().size(), added, updated,
                unchanged, deleted, chunks, skipped, (System.nanoTime() - t0) / 1e9, embedNanos / 1e9);
        log.info("ingest: {}", report.summary());
        return report;
    }

    /** Chunks and embeds a batch of documents: the expensive, parallel half of writing them. */
    private Prepared prepare(List<SourceDocument> docs) {
        List<List<Chunk>> chunked = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (SourceDocument d : docs) {
            List<Chunk> cs = chunker.chunk(d);
            chunked.add(cs);
            texts.addAll(textsToEmbed(d, cs));
        }
        long t = System.nanoTime();
        List<float[]> vectors = embedder.embedPassages(texts);
        embedNanos += System.nanoTime() - t;
        return new Prepared(docs, chunked, vectors);
    }

    /** What is embedded for a document, in order: each chunk (with the title before it), then its sentences. */
    public static List<String> textsToEmbed(SourceDocument d, List<Chunk> chunks) {
        List<String> texts = new ArrayList<>();
        for (Chunk c : chunks) {
            texts.add(d.title() + "\n" + c.span().of(d.text()));
            for (Span s : c.sentences()) texts.add(s.of(d.text()));
        }
        return texts;
    }

    /** Writes a prepared batch, each document as one atomic block; returns the number of chunks. */
    private int store(Prepared p) {
        int k = 0;
        int total = 0;
        for (int i = 0; i < p.docs().size(); i++) {
            List<Chunk> cs = p.chunks().get(i);
            List<float[]> chunkVectors = new ArrayList<>();
            List<List<float[]>> sentenceVectors = new ArrayList<>();
            for (Chunk c : cs) {
                chunkVectors.add(p.vectors().get(k++));
                List<float[]> sv = new ArrayList<>();
                for (int s = 0; s < c.sentences().size(); s++) sv.add(p.vectors().get(k++));
                sentenceVectors.add(sv);
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

    private record Prepared(List<SourceDocument> docs, List<List<Chunk>> chunks, List<float[]> vectors) {
    }
}
