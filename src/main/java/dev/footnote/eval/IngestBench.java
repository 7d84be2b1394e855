package dev.footnote.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.App;
import dev.footnote.index.Embedder;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Indexer;
import dev.footnote.index.PassageText;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.Corpus;
import dev.footnote.ingest.CorpusEntry;
import dev.footnote.ingest.SourceDocument;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ingest throughput: against the embedding model's own (embeds exactly what an ingest embeds, in the same batches,
 * then ingests into a fresh index, then reopens it and syncs with nothing changed), or against a peer (LangChain4j's
 * ingestor on the same documents, in the same process and run).
 */
public final class IngestBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    public IngestBench(PrintStream out) {
        this.out = out;
    }

    /**
     * @param open opens the app over the same fresh, empty index each time it is called (the second time is the
     *             restart: index and embedding model loaded anew)
     */
    public void run(Corpus corpus, Supplier<App> open) throws Exception {
        try (App app = open.get()) {
            run(corpus, app);
        }
        long r = System.nanoTime();
        IngestReport again;
        try (App app = open.get()) {
            again = app.indexer().sync(corpus, Progress.silent());
        }
        double restart = (System.nanoTime() - r) / 1e9;
        out.printf(Locale.ROOT, "restart, nothing changed: %.2f s (open index + load model + sync; %d unchanged, %d embedded)%n",
                restart, again.unchanged(), again.chunks());
    }

    /**
     * Ingests the corpus into the fresh index {@code open} gives, then the same documents the way LangChain4j's
     * EmbeddingStoreIngestor does; prints both rates and their ratio, the figure that holds from machine to machine.
     *
     * @param json print one JSON object ({@code footnote_docs_per_s}, {@code peer_docs_per_s}, {@code ratio}, …)
     */
    public void againstPeer(Corpus corpus, Supplier<App> open, boolean json) throws Exception {
        List<SourceDocument> docs = load(corpus);
        IngestReport report;
        String model;
        double footnoteCpu;
        try (App app = open.get()) {
            model = app.embedder().name();
            app.embedder().embedPassages(List.of("warm up the model", "and its thread pool"));
            long c = cpuNanos();
            report = app.indexer().sync(corpus, Progress.console("footnote", docs.size()));
            footnoteCpu = (cpuNanos() - c) / 1e9;
        }
        if (!json) out.println("peer: LangChain4j EmbeddingStoreIngestor, recursive(300, 30) splitter, bge-small-en-v1.5-q, in-memory store...");
        PeerIngest warm = new PeerIngest().warmUp();
        long c = cpuNanos();
        PeerIngest.Result peer = warm.ingest(docs);
        double peerCpu = (cpuNanos() - c) / 1e9;
        // on a shared machine wall time also measures the neighbours; CPU time is what each side itself spent
        double cpuRatio = (docs.size() / footnoteCpu) / (docs.size() / peerCpu);
        double footnote = docs.size() / report.seconds();
        double ratio = footnote / peer.docsPerSecond();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("documents", docs.size());
            m.put("footnote_docs_per_s", round(footnote));
            m.put("peer_docs_per_s", round(peer.docsPerSecond()));
            m.put("ratio", round(ratio));
            m.put("footnote_seconds", round(report.seconds()));
            m.put("peer_seconds", round(peer.seconds()));
            m.put("footnote_chunks", report.chunks());
            m.put("peer_segments", peer.segments());
            m.put("footnote_cpu_seconds", round(footnoteCpu));
            m.put("peer_cpu_seconds", round(peerCpu));
            m.put("cpu_ratio", round(cpuRatio));
            m.put("model", model);
            out.println(JSON.writeValueAsString(m));
            return;
        }
        out.printf(Locale.ROOT, "documents              %d%n", docs.size());
        out.printf(Locale.ROOT, "footnote ingest        %.1f s  %.2f docs/s  (%d chunks with sentence vectors, Lucene on disk, %s)%n",
                report.seconds(), footnote, report.chunks(), model);
        out.printf(Locale.ROOT, "peer ingest            %.1f s  %.2f docs/s  (%d segments, in memory)%n", peer.seconds(),
                peer.docsPerSecond(), peer.segments());
        out.printf(Locale.ROOT, "ratio footnote / peer  %.2f%n", ratio);
        out.printf(Locale.ROOT, "CPU time               footnote %.1f s, peer %.1f s: docs per CPU second, footnote / peer %.2f%n",
                footnoteCpu, peerCpu, cpuRatio);
    }

    private void run(Corpus corpus, App app) throws Exception {
        Embedder embedder = app.embedder();
        List<SourceDocument> docs = load(corpus);
        Chunker chunker = new Chunker();
        embedder.embedPassages(List.of("warm up the model", "and its thread pool"));

        long t = System.nanoTime();
        int sentences = 0;
        int chunks = 0;
        for (int i = 0; i < docs.size(); i += Indexer.BATCH_DOCS) {
            List<PassageText> batch = new ArrayList<>();
            for (SourceDocument d : docs.subList(i, Math.min(docs.size(), i + Indexer.BATCH_DOCS))) {
                List<Chunk> cs = chunker.chunk(d);
                chunks += cs.size();
                for (Chunk c : cs) sentences += c.sentences().size();
                batch.addAll(Indexer.passagesToEmbed(d, cs));
            }
            embedder.embedWithSentences(batch);
        }
        double rawSeconds = (System.nanoTime() - t) / 1e9;

        IngestReport report = app.indexer().sync(corpus, Progress.console("ingest", docs.size()));

        double rawChunksPerSecond = chunks / rawSeconds;
        double ingestChunksPerSecond = report.chunks() / report.seconds();
        out.printf(Locale.ROOT, "documents              %d%n", docs.size());
        out.printf(Locale.ROOT, "chunks                 %d (%d sentences, their vectors pooled from the chunk's pass)%n", chunks, sentences);
        out.printf(Locale.ROOT, "embedding model alone  %.1f s  %.1f chunks/s%n", rawSeconds, rawChunksPerSecond);
        out.printf(Locale.ROOT, "full ingest            %.1f s  %.1f chunks/s  %.2f docs/s%n", report.seconds(), ingestChunksPerSecond,
                docs.size() / report.seconds());
        out.printf(Locale.ROOT, "ingest / model time    %.3f (overhead %.1f%%)%n", report.seconds() / rawSeconds,
                100 * (report.seconds() / rawSeconds - 1));
    }

    private static List<SourceDocument> load(Corpus corpus) {
        List<SourceDocument> docs = new ArrayList<>();
        for (CorpusEntry e : corpus.list().entries()) {
            try {
                docs.add(e.loader().load());
            } catch (Exception ex) {
                // the ingest skips it too
            }
        }
        return docs;
    }

    /** CPU time of this whole process (all threads; nothing else runs during a benchmark phase). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
