package dev.footnote;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.answer.SourceCheck;
import dev.footnote.answer.llm.LangChain4jAnswerGenerator;
import dev.footnote.answer.llm.Prompts;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.answer.ModelStatus;
import dev.footnote.answer.llm.ModelProbe;
import dev.footnote.cite.CitationResolver;
import dev.footnote.cite.Grounding;
import dev.footnote.config.ConfigSource;
import dev.footnote.config.FeedbackSettings;
import dev.footnote.config.Settings;
import dev.footnote.engine.Engine;
import dev.footnote.feedback.FeedbackService;
import dev.footnote.feedback.FeedbackStore;
import dev.footnote.feedback.RecentAnswers;
import dev.footnote.index.CachingEmbedder;
import dev.footnote.index.ChunkStore;
import dev.footnote.index.Embedder;
import dev.footnote.index.Indexer;
import dev.footnote.index.IngestReport;
import dev.footnote.index.OnnxEmbedder;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.Corpus;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.ingest.SeedsFolderException;
import dev.footnote.library.Library;
import dev.footnote.library.Originals;
import dev.footnote.library.UploadStore;
import dev.footnote.mcp.FootnoteTools;
import dev.footnote.mcp.McpHttpEndpoint;
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
    // issue 16: feedback refers to recent answers; its database opens on first use (serve), not for ask or search
    private static final int RECENT_ANSWERS = 2_000;
    private final RecentAnswers recentAnswers = new RecentAnswers(RECENT_ANSWERS);
    private FeedbackStore feedback;

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
        this(settings, embedder, model, Tuning.DEFAULT, true);
    }

    /** @param checkSources whether answers check that their citations still quote the stored documents */
    private App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model, Tuning tuning, boolean checkSources) {
        this(settings, embedder, model, tuning, checkSources, false);
    }

    /** @param readOnly open the Lucene index without its write lock, searching what another process has committed */
    private App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model, Tuning tuning, boolean checkSources,
                boolean readOnly) {
        this.settings = settings;
        this.embedder = embedder;
        this.model = model.orElse(null);
        this.engine = Engine.open(settings.backend(), settings.indexDir(), embedder.dimension(), tuning.mode(), tuning.fusion(), readOnly);
        this.indexer = new Indexer(engine.store(), embedder, new Chunker());
        this.local = new LocalAnswerGenerator(engine.weights(), tuning.calibration());
        this.answers = new AnswerService(engine.retriever(), embedder, local, model, new CitationResolver(engine.weights()),
                settings.topK(), checkSources ? SourceCheck.against(engine.store()) : SourceCheck.TRUSTING,
                Grounding.Mode.parse(settings.llm().grounding()));
        // example questions are offered only when the local answerer answers them (no model call, no network)
        AnswerService localOnly = new AnswerService(engine.retriever(), embedder, local, Optional.empty(),
                new CitationResolver(engine.weights()), settings.topK());
        this.library = new Library(engine.store(), engine.retriever(), embedder,
                q -> !localOnly.answer(AskRequest.of(q)).abstained());
        answers.onAnswer(recentAnswers::remember);
    }

    /** The production wiring: the configured embedding model (question embeddings cached) and language model, if any. */
    public static App create(Settings settings) {
        return create(settings, true);
    }

    /** @param queryCache false to embed every question afresh (for benchmarks that must not measure the cache) */
    public static App create(Settings settings, boolean queryCache) {
        Embedder onnx = OnnxEmbedder.named(settings.embeddingModel());
        return new App(settings, queryCache ? new CachingEmbedder(onnx, QUERY_CACHE) : onnx, languageModel(settings));
    }

    /** The configured language model with its prompts, or empty when none is configured. */
    private static Optional<AnswerGenerator> languageModel(Settings settings) {
        return LangChain4jAnswerGenerator.from(settings.llm(), Prompts.load(settings.llm().promptsDir())).map(g -> g);
    }

    /**
     * The stack an evaluation, benchmark or search runs on: the configured engine and embedding model with the given
     * tuning, answered locally, no question cache (each question is embedded, as a first visit would be). Nothing changes
     * the documents while an evaluation runs, so answers skip checking that their sources still read the same.
     */
    public static App forEvaluation(Settings settings, Tuning tuning) {
        return new App(settings, OnnxEmbedder.named(settings.embeddingModel()), Optional.empty(), tuning, false);
    }

    /**
     * The production wiring over an index another process (a running {@code serve}) holds for writing: answers from
     * what that process has committed; nothing can be indexed through this app.
     */
    public static App readOnly(Settings settings) {
        Optional<AnswerGenerator> llm = languageModel(settings);
        return new App(settings, OnnxEmbedder.named(settings.embeddingModel()), llm, Tuning.DEFAULT, true, true);
    }

    /** A read-only stack with the given tuning and the local answerer only, for searching an index a server holds. */
    public static App readOnly(Settings settings, Tuning tuning) {
        return new App(settings, OnnxEmbedder.named(settings.embeddingModel()), Optional.empty(), tuning, false, true);
    }

    /** The HTTP server over this app's parts; call {@link WebServer#start(int)} to listen. */
    public WebServer webServer() {
        UploadStore uploads = new UploadStore(settings.seedsDir(), indexer, library,
                (long) settings.server().maxUploadMb() * 1024 * 1024, settings.maxFileBytes());
        Originals originals = new Originals(settings.seedsDir(), engine.store(), settings.maxFileBytes());
        return WebServer.create(settings.server(), answers, library, uploads, originals, () -> syncSeeds(Progress.silent()),
                this::runtimeGauges, new McpHttpEndpoint(mcpTools(), WebServer.MAX_MESSAGE_BYTES),
                () -> new FeedbackService(feedback(), recentAnswers, library), this::modelStatus, indexer::status);
    }

    /** The MCP tools (ask, search, get_document_span) over this app's answers and library. */
    public FootnoteTools mcpTools() {
        return new FootnoteTools(answers, library);
    }

    /** The feedback database (FOOTNOTE_DB_URL, else H2 in the index folder), opened and migrated on first call. */
    public FeedbackStore feedback() {
        return feedback(FeedbackSettings.load(ConfigSource.system(), settings.indexDir()));
    }

    /** The feedback database at {@code db} (for tests and tools), unless one is open already. */
    public synchronized FeedbackStore feedback(FeedbackSettings db) {
        if (feedback == null) feedback = FeedbackStore.open(db);
        return feedback;
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

    /** Brings the index up to date with the seeds folder; a missing or suddenly empty folder is refused. */
    public IngestReport syncSeeds(Progress progress) {
        return syncSeeds(progress, false);
    }

    /** @param allowEmpty whether an empty seeds folder may empty an index that holds documents (a deliberate act) */
    public IngestReport syncSeeds(Progress progress, boolean allowEmpty) {
        return indexer.sync(seeds(allowEmpty), progress);
    }

    /** Fails now, as {@link #syncSeeds} would, when the seeds folder is missing or suddenly empty. */
    public void checkSeeds() {
        seeds(false).list();
    }

    /** Brings the index up to date with the seeds folder on a background thread, searchable as it goes. */
    public java.util.concurrent.CompletableFuture<IngestReport> syncSeedsInBackground(Progress progress) {
        return indexer.syncInBackground(seeds(false), progress);
    }

    private Corpus seeds(boolean allowEmpty) {
        FolderCorpus folder = new FolderCorpus(settings.seedsDir(), settings.maxFileBytes());
        return () -> {
            Corpus.Listing listing = folder.list();
            if (listing.entries().isEmpty() && !allowEmpty && !engine.store().hashes().isEmpty()) {
                throw new SeedsFolderException("seeds folder " + folder.root().toAbsolutePath() + " holds no documents but the"
                        + " index holds " + engine.store().hashes().size() + "; refusing to empty the index (use --allow-empty to do so)");
            }
            return listing;
        };
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

    private volatile ModelStatus modelStatus;

    /** What the start-up check found about the configured language model ({@code unchecked} until {@link #checkModel}). */
    public ModelStatus modelStatus() {
        ModelStatus s = modelStatus;
        if (s != null) return s;
        return settings.llm().enabled() ? new ModelStatus(settings.llm().provider(), settings.llm().model(), "unchecked",
                "not checked yet") : ModelStatus.NONE;
    }

    /** One cheap authenticated call to the configured provider; the result shows in /health. */
    public ModelStatus checkModel() {
        modelStatus = ModelProbe.check(settings.llm());
        return modelStatus;
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
        synchronized (this) {
            if (feedback != null) feedback.close();
        }
        indexer.close();
        if (model != null) model.close();
        engine.close();
        embedder.close();
    }
}
