package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.App;
import dev.footnote.answer.local.Calibration;
import dev.footnote.config.BackendSettings;
import dev.footnote.config.Settings;
import dev.footnote.eval.Qrels;
import dev.footnote.eval.RetrievalEval;
import dev.footnote.index.Embedder;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Progress;
import dev.footnote.ingest.BeirCorpus;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Retriever;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

final class EvalCommand implements Command {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "measure retrieval (BEIR) or answers (SQuAD) quality";
    }

    @Override
    public String usage() {
        return """
                Usage:
                  footnote eval retrieval --corpus F --queries F --qrels F [--mode bm25|vector|hybrid] [--index DIR] [--json]
                                          [--backend lucene|solr] [--solr-urls URLS] [--solr-collection NAME]
                  footnote eval answers --passages F --questions F [--unanswerable F] [--index DIR] [--json] [--features OUT]
                  footnote eval calibrate --features F [--l2 X]
                  footnote eval citations --cases F [--split all|even|odd] [--verdicts F] [--json]
                  footnote eval injections --instructions F[,F…] --passages F [--json]

                retrieval: BEIR corpus (.jsonl or .jsonl.gz), queries (.jsonl) and qrels (TSV with header). Documents are
                  ranked by their best passage. Prints nDCG@10, Recall@100, MRR@10, queries and mean ms per query.
                answers: SQuAD-style passages and questions, answered by the local answerer. Prints answer_hit,
                  citation_hit, gold_passage_cited, abstain_rate, ms_p50 and, with --unanswerable (BEIR queries the
                  passages cannot answer), unanswerable_abstained. --features OUT also writes every candidate sentence
                  of every question with its features (one JSON line per question), the input of calibrate.
                calibrate: re-fits the local answerer's sentence ranking, abstention and span models and its extra-sentence
                  share from a --features file and prints them as Calibration.DEFAULT, SpanModel.DEFAULT and
                  EXTRA_SENTENCE_SHARE hold them (--l2: the abstention model's weight penalty, default 1e-5).
                citations: claim/passage cases (JSON lines: id, kind, label, claim, passage {id, title, text}) through
                  the answers' citation resolver and verifier, no model, no HTTP. Prints faithful_supported,
                  faithful_kept (supported or partial), false_caught, false_flagged (unsupported or partial), the
                  same per kind, cases and ms_per_case. --split even|odd keeps the cases whose id number is even or
                  odd (tune on one half, report the other); --verdicts F writes each case's verdict and reason.
                injections: the detector of sentences addressed to the assistant. Prints, per instruction file (one
                  sentence a line), the share caught, and over every sentence of --passages the false_alarm_rate.
                Options:
                  --index DIR      build the corpus index here and reuse it on later runs (default: a temporary folder)
                  --model NAME     embedding model (default FOOTNOTE_EMBEDDING_MODEL): bge-small-en-v15-q | all-minilm-l6-v2-q
                  --json           print one JSON object instead of text
                  --backend B      lucene (default: FOOTNOTE_BACKEND) or solr, with FOOTNOTE_SOLR_URLS / FOOTNOTE_SOLR_ZK and
                                   FOOTNOTE_SOLR_COLLECTION or --solr-urls and --solr-collection
                  --vector-weight W, --depth N, --title-boost B   fusion parameters (tuning only)""";
    }

    @Override
    public int run(List<String> argv) throws Exception {
        Args a = new Args(argv, Set.of("json"), Set.of("cases", "split", "verdicts", "instructions", "corpus", "queries", "qrels", "mode", "index", "model",
                "vector-weight", "depth", "title-boost", "passages", "questions", "unanswerable", "limit", "k", "features",
                "min-confidence", "l2", "backend", "solr-urls", "solr-collection"));
        if (a.positional().size() != 1) throw new Args.UsageException("say what to evaluate: 'retrieval', 'answers', 'calibrate', 'citations' or 'injections'");
        return switch (a.positional().get(0)) {
            case "retrieval" -> retrieval(a);
            case "answers" -> AnswerEvalRunner.run(a);
            case "calibrate" -> CalibrateRunner.run(a);
            case "citations" -> CitationEvalRunner.run(a);
            case "injections" -> injections(a);
            default -> throw new Args.UsageException("unknown evaluation '" + a.positional().get(0) + "'");
        };
    }

    private static int injections(Args a) throws Exception {
        Map<String, List<String>> sets = new java.util.LinkedHashMap<>();
        for (String f : a.require("instructions").split(",")) {
            Path p = Path.of(f.strip());
            if (!Files.isRegularFile(p)) throw new Args.UsageException("--instructions " + p + ": no such file");
            sets.put(p.getFileName().toString(), dev.footnote.eval.InjectionEval.readInstructions(p));
        }
        List<String> ordinary = dev.footnote.eval.InjectionEval.readSentences(existingFile(a, "passages"));
        Map<String, Object> r = dev.footnote.eval.InjectionEval.run(sets, ordinary);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        System.out.println(a.flag("json") ? json.writeValueAsString(r) : json.writerWithDefaultPrettyPrinter().writeValueAsString(r));
        return 0;
    }

    static Retriever.Mode mode(String m) {
        if (m == null) return Retriever.Mode.HYBRID;
        try {
            return Retriever.Mode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--mode must be bm25, vector or hybrid, got '" + m + "'");
        }
    }

    static FusionParams fusion(Args a) {
        FusionParams d = FusionParams.DEFAULT;
        return new FusionParams(a.doubleOr("vector-weight", d.vectorWeight()), a.intOr("depth", d.depth(), 1, 100_000),
                (float) a.doubleOr("title-boost", d.titleBoost()));
    }

    static Path existingFile(Args a, String option) {
        Path p = Path.of(a.require(option));
        if (!Files.isRegularFile(p)) throw new Args.UsageException("--" + option + " " + p + ": no such file");
        return p;
    }

    /**
     * The settings an evaluation runs with: the environment's, with the index in {@code --index} (default a new
     * temporary folder), the embedding model from {@code --model} and the engine from {@code --backend}.
     */
    static Settings settings(Args a) throws IOException {
        Settings s = CliSettings.load(a);
        Path dir = a.get("index") != null ? Path.of(a.get("index")) : Files.createTempDirectory("footnote-eval");
        String model = a.get("model") == null ? s.embeddingModel() : a.get("model");
        if (!Settings.EMBEDDING_MODELS.contains(model)) throw new Args.UsageException("--model must be one of " + Settings.EMBEDDING_MODELS);
        return s.withDirs(s.seedsDir(), dir).withEmbeddingModel(model).withBackend(backend(a, s.backend()));
    }

    /** Brings the app's index up to date with a BEIR corpus file, so a reused index is current. */
    static void sync(App app, Path corpus) {
        IngestReport r = app.indexer().sync(new BeirCorpus(corpus), Progress.console("indexing " + corpus.getFileName(), 0));
        System.err.println(r.summary());
    }

    private int retrieval(Args a) throws Exception {
        Path corpus = existingFile(a, "corpus");
        Path queriesFile = existingFile(a, "queries");
        Path qrelsFile = existingFile(a, "qrels");
        Retriever.Mode mode = mode(a.get("mode"));
        Map<String, String> queries = RetrievalEval.readQueries(queriesFile);
        Map<String, Map<String, Integer>> qrels = Qrels.read(qrelsFile);
        try (App app = App.forEvaluation(settings(a), new App.Tuning(mode, fusion(a), Calibration.DEFAULT))) {
            sync(app, corpus);
            report(a, mode, app.embedder(), new RetrievalEval(app.ranker(), app.embedder()), queries, qrels);
        }
        return 0;
    }

    private static void report(Args a, Retriever.Mode mode, Embedder embedder, RetrievalEval eval, Map<String, String> queries,
                               Map<String, Map<String, Integer>> qrels) throws Exception {
        RetrievalEval.Result r = eval.run(queries, qrels, Progress.console("queries", qrels.size()));
        if (a.flag("json")) {
            System.out.println(new ObjectMapper().writeValueAsString(r.asJson()));
        } else {
            System.out.printf(Locale.ROOT, "mode=%s model=%s%nnDCG@10    %.4f%nRecall@100 %.4f%nMRR@10     %.4f%nqueries    %d%nms/query   %.2f%n",
                    mode.name().toLowerCase(Locale.ROOT), embedder.name(), r.ndcg10(), r.recall100(), r.mrr10(), r.queries(), r.msPerQuery());
        }
    }

    /** The configured backend, overridden by {@code --backend}, {@code --solr-urls} and {@code --solr-collection}. */
    static BackendSettings backend(Args a, BackendSettings env) {
        String name = a.get("backend") == null ? env.backend().name().toLowerCase(Locale.ROOT) : a.get("backend");
        if (name.equals("lucene")) return BackendSettings.LUCENE;
        if (!name.equals("solr")) throw new Args.UsageException("--backend must be lucene or solr, got '" + name + "'");
        String collection = a.get("solr-collection") == null ? env.solrCollection() : a.get("solr-collection");
        if (a.get("solr-urls") != null) return BackendSettings.solr(a.get("solr-urls"), collection);
        return new BackendSettings(BackendSettings.Backend.SOLR, env.solrUrls(), env.solrZk(), collection);
    }
}
