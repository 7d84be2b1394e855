package dev.footnote.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.index.Embedder;
import dev.footnote.index.PassageText;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Indexer;
import dev.footnote.index.LuceneIndex;
import dev.footnote.index.OnnxEmbedder;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.Corpus;
import dev.footnote.ingest.CorpusEntry;
import dev.footnote.ingest.SourceDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ingest throughput against the embedding model's own: embeds exactly the texts an ingest embeds (same batches),
 * then ingests the corpus into a fresh index, then reopens it and syncs again with nothing changed.
 */
public final class IngestBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String model;
    private final PrintStream out;

    public IngestBench(String model, PrintStream out) {
        this.model = model;
        this.out = out;
    }

    public void run(Corpus corpus) throws Exception {
        run(corpus, false, false);
    }

    /**
     * @param peer also ingest the same documents the way LangChain4j's EmbeddingStoreIngestor does, in this process
     *             and run, and print both rates and their ratio (the figure that holds across machines)
     * @param json print the figures as one JSON object
     */
    public void run(Corpus corpus, boolean peer, boolean json) throws Exception {
        Embedder embedder = OnnxEmbedder.named(model);
        List<SourceDocument> docs = load(corpus);
        Chunker chunker = new Chunker();
        embedder.embedPassages(List.of("warm up the model", "and its thread pool"));

        double rawSeconds = 0;
        int chunks = 0;
        int sentences = 0;
        if (!peer) {
            long t = System.nanoTime();
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
            rawSeconds = (System.nanoTime() - t) / 1e9;
        }

        Path dir = Files.createTempDirectory("footnote-bench-index");
        IngestReport report;
        try (LuceneIndex index = LuceneIndex.open(dir, embedder.dimension())) {
            report = new Indexer(index, embedder, chunker).sync(corpus, Progress.console("footnote ingest", docs.size()));
        }
        long r = System.nanoTime();
        IngestReport again;
        try (LuceneIndex index = LuceneIndex.open(dir, 384)) {
            Embedder fresh = OnnxEmbedder.named(model);
            again = new Indexer(index, fresh, chunker).sync(corpus, Progress.silent());
        }
        double restart = (System.nanoTime() - r) / 1e9;
        deleteQuietly(dir);
        double footnoteDocsPerSecond = docs.size() / report.seconds();

        if (peer) {
            if (!json) out.printf(Locale.ROOT, "peer: LangChain4j EmbeddingStoreIngestor, recursive(300, 30) splitter, %s, in-memory store...%n", "bge-small-en-v1.5-q");
            PeerIngest.Result p = new PeerIngest().warmUp().ingest(docs);
            double ratio = footnoteDocsPerSecond / p.docsPerSecond();
            if (json) {
                out.println(JSON.writeValueAsString(java.util.Map.of("documents", docs.size(), "footnote_docs_per_s", round(footnoteDocsPerSecond),
                        "peer_docs_per_s", round(p.docsPerSecond()), "ratio", round(ratio), "footnote_seconds", round(report.seconds()),
                        "peer_seconds", round(p.seconds()), "footnote_chunks", report.chunks(), "peer_segments", p.segments(),
                        "model", model)));
            } else {
                out.printf(Locale.ROOT, "documents              %d%n", docs.size());
                out.printf(Locale.ROOT, "footnote ingest        %.1f s  %.2f docs/s  (%d chunks, sentence vectors included, Lucene on disk, %s)%n",
                        report.seconds(), footnoteDocsPerSecond, report.chunks(), model);
                out.printf(Locale.ROOT, "peer ingest            %.1f s  %.2f docs/s  (%d segments)%n", p.seconds(), p.docsPerSecond(), p.segments());
                out.printf(Locale.ROOT, "ratio footnote / peer  %.2f%n", ratio);
            }
            return;
        }
        double rawChunksPerSecond = chunks / rawSeconds;
        double ingestChunksPerSecond = report.chunks() / report.seconds();
        out.printf(Locale.ROOT, "documents              %d%n", docs.size());
        out.printf(Locale.ROOT, "chunks                 %d (%d sentences, pooled from their chunk's pass)%n", chunks, sentences);
        out.printf(Locale.ROOT, "embedding model alone  %.1f s  %.1f chunks/s%n", rawSeconds, rawChunksPerSecond);
        out.printf(Locale.ROOT, "full ingest            %.1f s  %.1f chunks/s  %.2f docs/s%n", report.seconds(), ingestChunksPerSecond, footnoteDocsPerSecond);
        out.printf(Locale.ROOT, "ingest / model time    %.3f (overhead %.1f%%)%n", report.seconds() / rawSeconds,
                100 * (report.seconds() / rawSeconds - 1));
        out.printf(Locale.ROOT, "restart, nothing changed: %.2f s (open index + load model + sync; %d unchanged, %d embedded)%n",
                restart, again.unchanged(), again.chunks());
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

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
