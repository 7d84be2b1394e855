package dev.footnote;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.SourceCheck;
import dev.footnote.answer.llm.LangChain4jAnswerGenerator;
import dev.footnote.answer.llm.Prompts;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.cite.CitationResolver;
import dev.footnote.config.Settings;
import dev.footnote.engine.Engine;
import dev.footnote.index.CachingEmbedder;
import dev.footnote.index.ChunkStore;
import dev.footnote.index.Embedder;
import dev.footnote.index.Indexer;
import dev.footnote.index.IngestReport;
import dev.footnote.index.OnnxEmbedder;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.library.Library;
import dev.footnote.library.UploadStore;
import dev.footnote.retrieve.ChunkRanker;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Retriever;
import dev.footnote.web.api.WebServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: builds every part the service, the CLI, evaluation and benchmarks use from settings, wires
 * them, and closes them; holds no logic of its own.
 */
public final class App implements AutoCloseable {
    private static final int QUERY_CACHE = 4096;
    private final Settings settings;
    private final Embedder embedder;
    private final Engine engine;
    private final Indexer indexer;
    private final LocalAnswerGenerator local;
    private final AnswerGenerator model;
    private final AnswerService answers;
    private final Library library;

    /** How retrieval and the local answerer are tuned: the service's defaults, or an evaluation's overrides. */
    public record Tuning(Retriever.Mode mode, FusionParams fusion, Calibration calibration) {
        public static final Tuning DEFAULT = new Tuning(Retriever.Mode.HYBRID, FusionParams.DEFAULT, Calibration.DEFAULT);
    }

    /**
     * Builds the app over the configured engine; it owns {@code embedder} and {@code model} from now on and closes them.
     *
     * @param model the configured language model, or empty for the local answerer only
     */
    public App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model) {
        this(settings, embedder, model, Tuning.DEFAULT);
    }

    private App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model, Tuning tuning) {
        this.settings = settings;
        this.embedder = embedder;
        this.model = model.orElse(null);
        this.engine = Engine.open(settings.backend(), settings.indexDir(), embedder.dimension(), tuning.mode(), tuning.fusion());
        this.indexer = new Indexer(engine.store(), embedder, new Chunker());
        this.local = new LocalAnswerGenerator(engine.weights(), tuning.calibration());
        this.answers = new AnswerService(engine.retriever(), embedder, local, model, new CitationResolver(embedder),
                settings.topK(), SourceCheck.against(engine.store()));
        this.library = new Library(engine.store(), engine.retriever(), embedder);
    }

    /** The production wiring: the configured embedding model (question embeddings cached) and language model, if any. */
    public static App create(Settings settings) {
        return create(settings, true);
    }

    /** @param queryCache false to embed every question afresh (for benchmarks that must not measure the cache) */
    public static App create(Settings settings, boolean queryCache) {
        Embedder onnx = OnnxEmbedder.named(settings.embeddingModel());
        Optional<AnswerGenerator> llm = LangChain4jAnswerGenerator.from(settings.llm(), Prompts.load(settings.llm().promptsDir()))
                .map(g -> g);
        return new App(settings, queryCache ? new CachingEmbedder(onnx, QUERY_CACHE) : onnx, llm);
    }

    /**
     * The stack an evaluation, benchmark or search runs on: the configured engine and embedding model with the given
     * tuning, answered locally, no question cache (each question is embedded, as a first visit would be).
     */
    public static App forEvaluation(Settings settings, Tuning tuning) {
        return new App(settings, OnnxEmbedder.named(settings.embeddingModel()), Optional.empty(), tuning);
    }

    /** The HTTP server over this app's parts; call {@link WebServer#start(int)} to listen. */
    public WebServer webServer() {
        UploadStore uploads = new UploadStore(settings.seedsDir(), indexer, library,
                (long) settings.server().maxUploadMb() * 1024 * 1024, settings.maxFileBytes());
        return WebServer.create(settings.server(), answers, library, uploads, () -> syncSeeds(Progress.silent()),
                this::runtimeGauges);
    }

    /** Point-in-time operational figures for /metrics: the model's gauges, question-embedding cache use. */
    public Map<String, Long> runtimeGauges() {
        Map<String, Long> g = new LinkedHashMap<>();
        if (model != null) g.putAll(model.gauges());
        if (embedder instanceof CachingEmbedder c) {
            g.put("footnote_query_embedding_cache_hits", c.hits());
            g.put("footnote_query_embedding_cache_misses", c.misses());
        }
        return g;
    }

    /** Brings the index up to date with the seeds folder. */
    public IngestReport syncSeeds(Progress progress) {
        return indexer.sync(new FolderCorpus(settings.seedsDir(), settings.maxFileBytes()), progress);
    }

    public Settings settings() {
        return settings;
    }

    public Embedder embedder() {
        return embedder;
    }

    public ChunkStore index() {
        return engine.store();
    }

    public Indexer indexer() {
        return indexer;
    }

    public Retriever retriever() {
        return engine.retriever();
    }

    /** Chunk ids ranked without loading passages, for evaluation at depth. */
    public ChunkRanker ranker() {
        return engine.ranker();
    }

    public AnswerService answers() {
        return answers;
    }

    /** The extractive answerer, for calibration tools that read its candidates. */
    public LocalAnswerGenerator localAnswerer() {
        return local;
    }

    /** The configured language model, if any. */
    public Optional<AnswerGenerator> model() {
        return Optional.ofNullable(model);
    }

    public Library library() {
        return library;
    }

    /**
     * Closes in order: the indexer (a write in progress finishes), the language model's threads, the index, then the
     * embedding model's workers.
     */
    @Override
    public void close() {
        indexer.close();
        if (model != null) model.close();
        engine.close();
        embedder.close();
    }
}
