package dev.footnote;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.SourceCheck;
import dev.footnote.answer.llm.LangChain4jAnswerGenerator;
import dev.footnote.answer.llm.Prompts;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.cite.CitationResolver;
import dev.footnote.config.BackendSettings;
import dev.footnote.config.ConfigSource;
import dev.footnote.config.Settings;
import dev.footnote.index.CachingEmbedder;
import dev.footnote.index.ChunkStore;
import dev.footnote.index.Embedder;
import dev.footnote.index.Indexer;
import dev.footnote.index.IngestReport;
import dev.footnote.index.LuceneIndex;
import dev.footnote.index.OnnxEmbedder;
import dev.footnote.index.Progress;
import dev.footnote.index.solr.SolrChunkStore;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.TermWeights;
import dev.footnote.retrieve.solr.SolrRetriever;
import java.util.Optional;

/** The composition root: builds every part from settings and wires them; holds no logic of its own. */
public final class App implements AutoCloseable {
    private final Settings settings;
    private final Embedder embedder;
    private final ChunkStore index;
    private final Indexer indexer;
    private final Retriever retriever;
    private final AnswerService answers;

    private final LangChain4jAnswerGenerator llm;

    /** @param model the configured language model, or empty for the local answerer only */
    public App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model) {
        this(settings, embedder, model, BackendSettings.LUCENE);
    }

    /** @param backend where the index lives: the embedded Lucene folder or a SolrCloud collection */
    public App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model, BackendSettings backend) {
        this(settings, embedder, model, backend, false);
    }

    /** @param readOnly open the Lucene index without its write lock, searching what another process has committed */
    private App(Settings settings, Embedder embedder, Optional<AnswerGenerator> model, BackendSettings backend, boolean readOnly) {
        this.settings = settings;
        this.llm = model.filter(LangChain4jAnswerGenerator.class::isInstance).map(LangChain4jAnswerGenerator.class::cast).orElse(null);
        this.embedder = embedder;
        TermWeights weights;
        if (backend.backend() == BackendSettings.Backend.SOLR) {
            SolrChunkStore solr = SolrChunkStore.open(backend, embedder.dimension());
            SolrRetriever r = new SolrRetriever(solr, Retriever.Mode.HYBRID, FusionParams.DEFAULT);
            this.index = solr;
            this.retriever = r;
            weights = r;
        } else {
            LuceneIndex lucene = readOnly ? LuceneIndex.openReadOnly(settings.indexDir(), embedder.dimension())
                    : LuceneIndex.open(settings.indexDir(), embedder.dimension());
            LuceneRetriever r = new LuceneRetriever(lucene, Retriever.Mode.HYBRID, FusionParams.DEFAULT);
            this.index = lucene;
            this.retriever = r;
            weights = r;
        }
        this.indexer = new Indexer(index, embedder, new Chunker());
        this.answers = new AnswerService(retriever, embedder, new LocalAnswerGenerator(weights, Calibration.DEFAULT),
                model, new CitationResolver(embedder), settings.topK(), SourceCheck.against(index));
    }

    private static final int QUERY_CACHE = 4096;

    /** The production wiring: the configured embedding model, and the configured language model if any. */
    public static App create(Settings settings) {
        Prompts prompts = Prompts.load(settings.llm().promptsDir());
        Optional<AnswerGenerator> llm = LangChain4jAnswerGenerator.from(settings.llm(), prompts).map(g -> g);
        return new App(settings, new CachingEmbedder(OnnxEmbedder.named(settings.embeddingModel()), QUERY_CACHE), llm,
                BackendSettings.load(ConfigSource.system()));
    }

    /**
     * The production wiring over an index another process (a running {@code serve}) holds for writing: answers from
     * what that process has committed; nothing can be indexed through this app.
     */
    public static App readOnly(Settings settings) {
        Prompts prompts = Prompts.load(settings.llm().promptsDir());
        Optional<AnswerGenerator> llm = LangChain4jAnswerGenerator.from(settings.llm(), prompts).map(g -> g);
        return new App(settings, OnnxEmbedder.named(settings.embeddingModel()), llm, BackendSettings.load(ConfigSource.system()), true);
    }

    /** The language-model adapter, when one is configured (for its circuit breaker state). */
    public Optional<LangChain4jAnswerGenerator> llm() {
        return Optional.ofNullable(llm);
    }

    /** Point-in-time operational figures for /metrics: circuit breaker state, question-embedding cache. */
    public java.util.Map<String, Long> runtimeGauges() {
        java.util.Map<String, Long> g = new java.util.LinkedHashMap<>();
        llm().ifPresent(l -> g.put("footnote_llm_circuit_open", l.circuitBreaker().isOpen() ? 1L : 0L));
        if (embedder instanceof CachingEmbedder c) {
            g.put("footnote_query_embedding_cache_hits", c.hits());
            g.put("footnote_query_embedding_cache_misses", c.misses());
        }
        return g;
    }

    public AnswerService answers() {
        return answers;
    }

    /** Brings the index up to date with the seeds folder. */
    public IngestReport syncSeeds(Progress progress) {
        return indexer.sync(new FolderCorpus(settings.seedsDir(), settings.maxFileBytes()), progress);
    }

    /** Brings the index up to date with the seeds folder on a background thread, searchable as it goes. */
    public java.util.concurrent.CompletableFuture<IngestReport> syncSeedsInBackground(Progress progress) {
        return indexer.syncInBackground(new FolderCorpus(settings.seedsDir(), settings.maxFileBytes()), progress);
    }

    public Settings settings() {
        return settings;
    }

    public Embedder embedder() {
        return embedder;
    }

    public ChunkStore index() {
        return index;
    }

    public Indexer indexer() {
        return indexer;
    }

    public Retriever retriever() {
        return retriever;
    }

    @Override
    public void close() {
        index.close();
    }
}
