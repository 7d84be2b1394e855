package dev.footnote.eval;

import dev.footnote.index.ChunkStore;
import dev.footnote.engine.Engine;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Storage and query throughput of one backend, with embedding left out so engines compare alone: ingest replays an
 * embedded index (stored vectors) into the store; queries are embedded before the clock starts.
 */
public final class BackendBench {
    private BackendBench() {
    }

    /** One backend's figures. */
    public record Figures(String backend, int documents, int chunks, double ingestSeconds, int queries, double p50Ms,
                          double p95Ms, double queriesPerSecond, int clients) {
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-8s ingest %d docs / %d chunks in %.1f s = %.0f docs/s, %.0f chunks/s; "
                            + "query (hybrid, k=8) p50 %.1f ms p95 %.1f ms; %.1f queries/s with %d clients (%d queries)%n",
                    backend, documents, chunks, ingestSeconds, documents / ingestSeconds, chunks / ingestSeconds,
                    p50Ms, p95Ms, queriesPerSecond, clients, queries);
        }
    }

    public static Figures run(String backend, Path sourceIndex, int dimension, String model, ChunkStore store,
                              Retriever retriever, List<SearchQuery> queries, int clients) throws Exception {
        long t = System.nanoTime();
        int docs = Engine.copyLuceneIndex(sourceIndex, store, dimension, model);
        double ingest = (System.nanoTime() - t) / 1e9;
        for (SearchQuery q : queries) q.vector();
        for (SearchQuery q : queries.subList(0, Math.min(20, queries.size()))) retriever.retrieve(q, 8); // warm up
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long q0 = System.nanoTime();
            retriever.retrieve(queries.get(i), 8);
            ms[i] = (System.nanoTime() - q0) / 1e6;
        }
        Arrays.sort(ms);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long p0 = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (SearchQuery q : queries) all.add(pool.submit(() -> retriever.retrieve(q, 8)));
            for (Future<?> f : all) f.get();
        } finally {
            pool.shutdown();
        }
        double qps = queries.size() / ((System.nanoTime() - p0) / 1e9);
        return new Figures(backend, docs, store.chunkCount(), ingest, queries.size(), ms[ms.length / 2],
                ms[(int) Math.min(ms.length - 1, Math.round(ms.length * 0.95))], qps, clients);
    }
}
