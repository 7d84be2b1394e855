package dev.footnote.cli;

import dev.footnote.App;
import dev.footnote.answer.local.Calibration;
import dev.footnote.config.BackendSettings;
import dev.footnote.config.Settings;
import dev.footnote.eval.BackendBench;
import dev.footnote.eval.RetrievalEval;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench backends}: replays an embedded index into a fresh embedded index and into a SolrCloud collection, then
 * runs the same queries against both, printing ingest and query figures side by side ({@link BackendBench}).
 */
final class BackendBenchRunner {
    private static final App.Tuning HYBRID = new App.Tuning(Retriever.Mode.HYBRID, FusionParams.DEFAULT, Calibration.DEFAULT);

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
        List<String> texts = RetrievalEval.readQueries(EvalCommand.existingFile(a, "queries")).values().stream().limit(limit).toList();
        Settings base = CliSettings.load(a);
        if (a.get("model") != null) base = base.withEmbeddingModel(a.get("model"));
        Settings lucene = base.withDirs(base.seedsDir(), Files.createTempDirectory("bench-lucene")).withBackend(BackendSettings.LUCENE);
        Settings solr = base.withBackend(BackendSettings.solr(a.get("solr-urls"), collection));
        BackendBench.Figures l = figures("lucene", lucene, source, texts, clients);
        BackendBench.Figures s = figures("solr", solr, source, texts, clients);
        System.out.println(texts.size() + " queries; Solr collection '" + collection + "'");
        l.print(System.out);
        s.print(System.out);
        return 0;
    }

    private static BackendBench.Figures figures(String name, Settings settings, Path source, List<String> texts, int clients)
            throws Exception {
        try (App app = App.forEvaluation(settings, HYBRID)) {
            List<SearchQuery> queries = texts.stream().map(t -> new SearchQuery(t, app.embedder())).toList();
            return BackendBench.run(name, source, app.embedder().dimension(), app.embedder().name(), app.index(),
                    app.retriever(), queries, clients);
        }
    }
}
