package dev.footnote.index;

import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.SourceDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where chunks and documents are kept: what the indexer writes and the web layer reads, whatever the engine behind it
 * (embedded Lucene or SolrCloud).
 */
public interface ChunkStore extends AutoCloseable {
    /** Replaces every record of {@code doc} with its new chunks, as one unit. */
    void put(SourceDocument doc, List<Chunk> chunks, List<float[]> chunkVectors, List<List<float[]>> sentenceVectors);

    void delete(String docId);

    void deleteAll();

    /** Makes everything written so far durable and visible, recording the embedding model that produced the vectors. */
    void commit(String embeddingModel);

    /** The embedding model recorded with the last commit, if any. */
    Optional<String> committedModel();

    /** Document id to content hash for every stored document. */
    Map<String, String> hashes();

    /** Every stored document, sorted by id; with or without its full text. */
    List<StoredDocument> documents(boolean withText);

    Optional<StoredDocument> document(String docId);

    int chunkCount();

    /**
     * Reorganises the store for fast queries after a large change (for Lucene, one segment: one vector graph to
     * search instead of many). Stores that manage this themselves do nothing.
     */
    default void optimize() {
    }

    /** The chunk with this id (such as {@code docId#3}), if it exists. */
    Optional<StoredChunk> chunk(String chunkId);

    /** Bytes the store occupies, or -1 when the engine does not say. */
    long sizeOnDiskBytes();

    @Override
    void close();
}
