package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.App;
import dev.footnote.config.BackendSettings;
import dev.footnote.config.Settings;
import dev.footnote.eval.RetrievalEval;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Progress;
import dev.footnote.ingest.BeirCorpus;
import dev.footnote.eval.IngestBench;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.ingest.Corpus;
import dev.footnote.web.api.WebServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code bench}: throughput and latency figures printed by a program, never asserted by a test. */
final class BenchCommand implements Command {
    private static final List<String> SEED_QUESTIONS = List.of("Where did Blinken and Lavrov meet?",
            "Is the United States open to holding a summit?", "What did Russia demand in December?",
            "What did Blinken say about NATO?", "Who warned about Russia's threat against Ukraine?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure HTTP throughput and latency (http, soak)";
    }

    @Override
    public String usage() {
        return """
                Usage:
                  footnote bench http [--corpus F.jsonl(.gz)] [--queries F.jsonl] [--index DIR] [--seconds N] [--clients N] [--no-query-cache]
                  footnote bench soak [--corpus F] [--queries F] [--index DIR] [--seconds 120] [--clients 16]
                  footnote bench ingest [--corpus F.jsonl(.gz)] [--limit N] [--model NAME] [--peer] [--json]
                  footnote bench backends --index DIR --queries F.jsonl --solr-urls URLS [--solr-collection NAME] [--limit 300] [--clients 4]

                http: starts the app on loopback over the corpus (a BEIR file, default the seeds folder), warms up, then
                  drives POST /api/ask (JSON) and GET /api/search in turn, each for --seconds (default 20) with --clients
                  (default 8) closed-loop clients, questions cycling through --queries. Prints requests, req/s, p50,
                  p99 and errors per endpoint.
                soak: a mix of /api/ask JSON, /api/ask SSE and /api/search for --seconds (default 120) with 16 clients;
                  prints the same per endpoint, and heap used after GC at the start and the end.
                ingest: embeds the texts an ingest of the corpus (default the seeds folder; --limit N first documents)
                  embeds, in the same batches, with the model alone; then ingests it into a fresh index; then reopens
                  it and syncs with nothing changed. Prints chunks/s for both, their ratio, and the restart time.
                  --peer: ingests into a fresh index, then ingests the same documents in this process the way
                  LangChain4j's EmbeddingStoreIngestor does (recursive 300/30-token splitter, bge-small-en-v1.5-q,
                  in-memory store, title + newline + text); prints both docs/s, their ratio and each side's CPU time
                  (--json: footnote_docs_per_s, peer_docs_per_s, ratio, cpu_ratio, ...).
                backends: replays an embedded index (vectors included, nothing embedded) into a fresh embedded index and
                  into a SolrCloud collection, then runs the first --limit queries against each, one at a time and with
                  --clients threads. Prints ingest docs/s and query p50/p95 and queries/s for both.""";
    }

    @Override
    public int run(List<String> argv) throws Exception {
        Args a = new Args(argv, Set.of("no-query-cache", "peer", "json"), Set.of("corpus", "queries", "index", "seeds", "seconds", "clients",
                "limit", "model", "solr-urls", "solr-collection"));
        if (a.positional().size() != 1) throw new Args.UsageException("say what to measure: 'http', 'soak', 'ingest' or 'backends'");
        return switch (a.positional().get(0)) {
            case "http" -> http(a);
            case "soak" -> soak(a);
            case "ingest" -> ingest(a);
            case "backends" -> BackendBenchRunner.run(a);
            default -> throw new Args.UsageException("unknown benchmark '" + a.positional().get(0) + "'");
        };
    }

    private int ingest(Args a) throws Exception {
        Settings s = CliSettings.load(a);
        if (a.get("model") != null) s = s.withEmbeddingModel(a.get("model"));
        int limit = a.intOr("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        Corpus full = a.get("corpus") != null ? new BeirCorpus(EvalCommand.existingFile(a, "corpus"))
                : new FolderCorpus(s.seedsDir(), s.maxFileBytes());
        Corpus corpus = () -> {
            Corpus.Listing l = full.list();
            return new Corpus.Listing(l.entries().subList(0, Math.min(limit, l.entries().size())), l.skipped());
        };
        // a fresh Lucene index in a temporary folder, whatever the configured engine: ingest is measured alone
        Settings fresh = s.withDirs(s.seedsDir(), Files.createTempDirectory("footnote-bench-index")).withBackend(BackendSettings.LUCENE);
        try {
            IngestBench bench = new IngestBench(System.out);
            if (a.flag("peer")) bench.againstPeer(corpus, () -> App.forEvaluation(fresh, App.Tuning.DEFAULT), a.flag("json"));
            else bench.run(corpus, () -> App.forEvaluation(fresh, App.Tuning.DEFAULT));
        } finally {
            deleteQuietly(fresh.indexDir());
        }
        return 0;
    }

    private int http(Args a) throws Exception {
        int seconds = a.intOr("seconds", 20, 1, 3600);
        int clients = a.intOr("clients", 8, 1, 256);
        List<String> questions = questions(a);
        try (App app = open(a); WebServer web = app.webServer().start(0)) {
            web.markReady();
            Requests r = new Requests(web.port(), questions);
            System.out.printf(Locale.ROOT, "warming up for %d s...%n", Math.min(10, seconds));
            LoadGenerator.run(List.of(r.askJson(), r.search()), clients, Math.min(10, seconds));
            List<LoadGenerator.Stats> stats = new ArrayList<>();
            stats.addAll(LoadGenerator.run(List.of(r.askJson()), clients, seconds));
            stats.addAll(LoadGenerator.run(List.of(r.search()), clients, seconds));
            print(stats, clients, seconds);
            printCache(app);
        }
        return 0;
    }

    private int soak(Args a) throws Exception {
        int seconds = a.intOr("seconds", 120, 1, 86_400);
        int clients = a.intOr("clients", 16, 1, 256);
        List<String> questions = questions(a);
        try (App app = open(a); WebServer web = app.webServer().start(0)) {
            web.markReady();
            Requests r = new Requests(web.port(), questions);
            LoadGenerator.run(List.of(r.askJson(), r.search()), clients, Math.min(5, seconds)); // warm-up
            long heapStart = heapAfterGc();
            List<LoadGenerator.Stats> stats = LoadGenerator.run(List.of(r.askJson(), r.askSse(), r.search()), clients, seconds);
            long heapEnd = heapAfterGc();
            print(stats, clients, seconds);
            printCache(app);
            System.out.printf(Locale.ROOT, "heap after GC: start %.1f MB, end %.1f MB%n", heapStart / 1e6, heapEnd / 1e6);
        }
        return 0;
    }

    /** The question sets repeat, so say how many question embeddings came from the cache. */
    private static void printCache(App app) {
        var g = app.runtimeGauges();
        if (g.containsKey("footnote_query_embedding_cache_hits")) {
            long hits = g.get("footnote_query_embedding_cache_hits");
            long misses = g.get("footnote_query_embedding_cache_misses");
            System.out.printf(Locale.ROOT, "question embeddings: %d from the cache, %d computed (--no-query-cache to compute all)%n", hits, misses);
        } else {
            System.out.println("question embeddings: all computed (no cache)");
        }
    }

    /**
     * The app over the given BEIR corpus, or over the seeds folder. A corpus index that already holds documents is
     * used as it is (the benchmark measures serving, and a corpus index takes minutes to build); delete it to rebuild.
     */
    private static App open(Args a) {
        Settings s = CliSettings.load(a);
        App app = App.create(s, !a.flag("no-query-cache"));
        if (a.get("corpus") == null) {
            System.out.println(app.syncSeeds(Progress.console("ingest", 0)).summary());
        } else if (app.index().chunkCount() > 0) {
            System.out.printf(Locale.ROOT, "using the existing index at %s (%d chunks)%n", s.indexDir(), app.index().chunkCount());
        } else {
            IngestReport r = app.indexer().sync(new BeirCorpus(EvalCommand.existingFile(a, "corpus")), Progress.console("indexing", 0));
            System.out.println(r.summary());
        }
        return app;
    }

    private static List<String> questions(Args a) throws Exception {
        if (a.get("queries") == null) return SEED_QUESTIONS;
        List<String> q = new ArrayList<>(RetrievalEval.readQueries(EvalCommand.existingFile(a, "queries")).values());
        q.removeIf(String::isBlank);
        if (q.isEmpty()) throw new Args.UsageException("--queries has no questions");
        return q;
    }

    private static void print(List<LoadGenerator.Stats> stats, int clients, int seconds) {
        System.out.printf(Locale.ROOT, "%d clients, %d s per run, processors %d%n", clients, seconds, Runtime.getRuntime().availableProcessors());
        System.out.println(LoadGenerator.Stats.header());
        stats.forEach(s -> System.out.println(s.line()));
    }

    private static void deleteQuietly(java.nio.file.Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The benchmark's requests against a server on loopback. */
    private record Requests(int port, List<String> questions) {
        HttpRequest.Builder to(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        }

        String question(long n) {
            return questions.get((int) (n % questions.size()));
        }

        String askBody(long n) {
            try {
                return JSON.writeValueAsString(Map.of("question", question(n)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        LoadGenerator.Endpoint askJson() {
            return new LoadGenerator.Endpoint("POST /api/ask (json)", n -> to("/api/ask").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(askBody(n))).build(), BenchCommand::ok);
        }

        LoadGenerator.Endpoint askSse() {
            return new LoadGenerator.Endpoint("POST /api/ask (sse)", n -> to("/api/ask").header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(askBody(n))).build(),
                    r -> ok(r) && r.body().contains("event: done\n"));
        }

        LoadGenerator.Endpoint search() {
            return new LoadGenerator.Endpoint("GET /api/search", n -> to("/api/search?k=10&q="
                    + URLEncoder.encode(question(n), StandardCharsets.UTF_8)).GET().build(), BenchCommand::ok);
        }
    }

    private static boolean ok(HttpResponse<String> r) {
        return r.statusCode() == 200;
    }
}
