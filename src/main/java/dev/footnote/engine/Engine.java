package dev.footnote.engine;

import dev.footnote.config.BackendSettings;
import dev.footnote.engine.lucene.IndexCopy;
import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.engine.solr.SolrChunkStore;
import dev.footnote.engine.solr.SolrRetriever;
import dev.footnote.index.ChunkStore;
import dev.footnote.retrieve.ChunkRanker;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.TermWeights;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The configured search engine, opened: where chunks are stored, how they are retrieved and ranked, and the corpus
 * statistics the local answerer weighs terms by. The one place that chooses between embedded Lucene and SolrCloud;
 * everything else sees only the ports.
 */
public record Engine(ChunkStore store, Retriever retriever, TermWeights weights, ChunkRanker ranker) implements AutoCloseable {

    /**
     * Opens the engine {@code backend} names: a Lucene index in {@code luceneDir}, or the SolrCloud collection.
     *
     * @param mode   which evidence ranks passages (the service uses hybrid; evaluation may ask for one side)
     * @param fusion how the BM25 and vector lists are fused
     */
    public static Engine open(BackendSettings backend, Path luceneDir, int dimension, Retriever.Mode mode, FusionParams fusion) {
        return open(backend, luceneDir, dimension, mode, fusion, false);
    }

    /** @param readOnly open a Lucene folder without its write lock (another process writes it); Solr is shared anyway */
    public static Engine open(BackendSettings backend, Path luceneDir, int dimension, Retriever.Mode mode, FusionParams fusion,
                              boolean readOnly) {
        if (backend.backend() == BackendSettings.Backend.SOLR) {
            SolrChunkStore solr = SolrChunkStore.open(backend, dimension);
            SolrRetriever r = new SolrRetriever(solr, mode, fusion);
            return new Engine(solr, r, r, r);
        }
        LuceneIndex lucene = readOnly ? LuceneIndex.openReadOnly(luceneDir, dimension) : LuceneIndex.open(luceneDir, dimension);
        LuceneRetriever r = new LuceneRetriever(lucene, mode, fusion);
        return new Engine(lucene, r, r, r);
    }

    /** Whether there is an index to search: a Lucene folder holding a commit, or any Solr collection. */
    public static boolean exists(BackendSettings backend, Path luceneDir) {
        return backend.backend() == BackendSettings.Backend.SOLR || LuceneIndex.exists(luceneDir);
    }

    /**
     * Replays an embedded Lucene index folder into {@code target}, stored vectors included, so that a move between
     * engines needs no re-embedding; returns the number of documents copied.
     */
    public static int copyLuceneIndex(Path luceneDir, ChunkStore target, int dimension, String embeddingModel) throws IOException {
        return new IndexCopy(dimension).copy(luceneDir, target, embeddingModel);
    }

    @Override
    public void close() {
        store.close();
    }
}
