package dev.footnote.eval;

import dev.footnote.App;
import dev.footnote.index.Embedder;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Indexer;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.Corpus;
import dev.footnote.ingest.CorpusEntry;
import dev.footnote.ingest.SourceDocument;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Ingest throughput against the embedding model's own: embeds exactly the texts an ingest embeds (same batches),
 * then ingests the corpus into a fresh index, then reopens it and syncs again with nothing changed.
 */
public final class IngestBench {
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

    private void run(Corpus corpus, App app) throws Exception {
        Embedder embedder = app.embedder();
        Corpus.Listing listing = corpus.list();
        List<SourceDocument> docs = new ArrayList<>();
        for (CorpusEntry e : listing.entries()) {
            try {
                docs.add(e.loader().load());
            } catch (Exception ex) {
                // the ingest skips it too
            }
        }
        Chunker chunker = new Chunker();
        embedder.embedPassages(List.of("warm up the model", "and its thread pool"));

        long t = System.nanoTime();
        int texts = 0;
        int chunks = 0;
        for (int i = 0; i < docs.size(); i += Indexer.BATCH_DOCS) {
            List<String> batch = new ArrayList<>();
            for (SourceDocument d : docs.subList(i, Math.min(docs.size(), i + Indexer.BATCH_DOCS))) {
                List<Chunk> cs = chunker.chunk(d);
                chunks += cs.size();
                batch.addAll(Indexer.textsToEmbed(d, cs));
            }
            texts += batch.size();
            embedder.embedPassages(batch);
        }
        double rawSeconds = (System.nanoTime() - t) / 1e9;

        IngestReport report = app.indexer().sync(corpus, Progress.console("ingest", docs.size()));

        double rawChunksPerSecond = chunks / rawSeconds;
        double ingestChunksPerSecond = report.chunks() / report.seconds();
        out.printf(Locale.ROOT, "documents              %d%n", docs.size());
        out.printf(Locale.ROOT, "chunks                 %d (%d texts embedded: chunks + sentences)%n", chunks, texts);
        out.printf(Locale.ROOT, "embedding model alone  %.1f s  %.1f chunks/s  %.1f texts/s%n", rawSeconds, rawChunksPerSecond, texts / rawSeconds);
        out.printf(Locale.ROOT, "full ingest            %.1f s  %.1f chunks/s%n", report.seconds(), ingestChunksPerSecond);
        out.printf(Locale.ROOT, "ingest / model time    %.3f (overhead %.1f%%)%n", report.seconds() / rawSeconds,
                100 * (report.seconds() / rawSeconds - 1));
    }
}
