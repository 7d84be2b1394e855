package dev.footnote.cli;

import dev.footnote.eval.BackendBench;
import dev.footnote.eval.RetrievalEval;
import dev.footnote.index.Embedder;
import dev.footnote.index.LuceneIndex;
import dev.footnote.index.solr.SolrChunkStore;
import dev.footnote.index.solr.SolrCollection;
import dev.footnote.index.solr.SolrNodes;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.retrieve.solr.SolrRetriever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench backends}: replays an embedded index into a fresh embedded index and into a SolrCloud collection, then
 * runs the same queries against both, printing ingest and query figures side by side ({@link BackendBench}).
 */
final class BackendBenchRunner {
    private BackendBenchRunner() {
    }

    static int run(Args a) throws Exception {
        if (a.get("index") == null) throw new Args.UsageException("--index DIR (an embedded index to replay) is required");
        Path source = Path.of(a.get("index"));
        if (!Files.isDirectory(source)) throw new Args.UsageException("--index " + source + " is not a folder");
        if (a.get("solr-urls") == null) throw new Args.UsageException("--solr-urls URLS (the SolrCloud nodes) is required");
        int limit = a.intOr("limit", 300, 1, Integer.MAX_VALUE);
        int clients = a.intOr("clients", 4, 1, 256);
        String collection = a.get("solr-collection") == null ? "bench" : a.get("solr-collection");
        Embedder embedder = EvalCommand.embedder(a);
        List<SearchQuery> queries = RetrievalEval.readQueries(EvalCommand.existingFile(a, "queries")).values().stream()
                .limit(limit).map(t -> new SearchQuery(t, embedder)).toList();
        int dim = embedder.dimension();
        BackendBench.Figures lucene;
        try (LuceneIndex index = LuceneIndex.open(Files.createTempDirectory("bench-lucene"), dim)) {
            lucene = BackendBench.run("lucene", source, dim, embedder.name(), index,
                    new LuceneRetriever(index, Retriever.Mode.HYBRID, FusionParams.DEFAULT), queries, clients);
        }
        SolrNodes nodes = SolrNodes.of(List.of(a.get("solr-urls").split(",")));
        SolrCollection.ensure(nodes, collection, dim, new SolrCollection.Layout(2, 1));
        BackendBench.Figures solr;
        try (SolrChunkStore store = new SolrChunkStore(nodes, collection, dim)) {
            solr = BackendBench.run("solr", source, dim, embedder.name(), store,
                    new SolrRetriever(store, Retriever.Mode.HYBRID, FusionParams.DEFAULT), queries, clients);
        }
        System.out.println(queries.size() + " queries; Solr collection '" + collection + "' (2 shards x 1 replica if created here)");
        lucene.print(System.out);
        solr.print(System.out);
        return 0;
    }
}
