package dev.footnote.engine.lucene;

import dev.footnote.index.ChunkStore;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.retrieve.TermWeights;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.SourceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * The on-disk Lucene index: one block of chunk records plus one document record (full text, metadata) per source
 * document, replaced atomically by document id. Thread-safe; searchers are refreshed after every change.
 */
public final class LuceneIndex implements ChunkStore {
    private static final Set<String> METADATA_FIELDS = Set.of(Fields.DOC_ID, Fields.DOC_TITLE, Fields.DATE, Fields.PATH,
            Fields.HASH, Fields.SIZE, Fields.CHUNK_COUNT, Fields.BODY_START);
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final int dimension;
    private final LuceneRecords records;

    private LuceneIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, int dimension) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.dimension = dimension;
        this.records = new LuceneRecords(dimension);
    }

    /** Opens (creating if needed) the index for writing; fails with a message naming the path. */
    public static LuceneIndex open(Path path, int dimension) {
        LuceneFolder.Opened o = LuceneFolder.open(path);
        return new LuceneIndex(path, o.directory(), o.writer(), o.searchers(), dimension);
    }

    /**
     * Opens an existing index for searching only, without its write lock: works while another process (a running
     * {@code serve}) holds the writer, and sees what that process has committed. Writes throw.
     */
    public static LuceneIndex openReadOnly(Path path, int dimension) {
        LuceneFolder.Opened o = LuceneFolder.openReadOnly(path);
        return new LuceneIndex(path, o.directory(), null, o.searchers(), dimension);
    }

    /** Whether this instance can write (false when opened with {@link #openReadOnly}). */
    public boolean writable() {
        return writer != null;
    }

    private IndexWriter writer() {
        if (writer == null) throw new IllegalStateException("index at " + path + " is open read-only");
        return writer;
    }

    public Path path() {
        return path;
    }

    public int dimension() {
        return dimension;
    }

    /** The embedding model recorded with the last commit, if any. */
    @Override
    public Optional<String> committedModel() {
        if (writer == null) {
            return search(s -> Optional.ofNullable(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(Fields.COMMIT_MODEL)));
        }
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(Fields.COMMIT_MODEL)) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    /** Replaces every record of {@code doc} with its new chunks in one atomic block. */
    @Override
    public void put(SourceDocument doc, List<Chunk> chunks, List<float[]> chunkVectors, List<List<float[]>> sentenceVectors) {
        List<Document> block = new ArrayList<>(chunks.size() + 1);
        for (int i = 0; i < chunks.size(); i++) {
            block.add(records.chunk(doc, chunks.get(i), chunkVectors.get(i), sentenceVectors.get(i)));
        }
        block.add(LuceneRecords.document(doc, chunks.size()));
        try {
            writer().updateDocuments(new Term(Fields.DOC_ID, doc.id()), block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to index " + path, e);
        }
    }

    @Override
    public void delete(String docId) {
        try {
            writer().deleteDocuments(new Term(Fields.DOC_ID, docId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to index " + path, e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            writer().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to index " + path, e);
        }
    }

    /** Makes everything written so far durable and visible; a crash never leaves half of it. */
    @Override
    public void commit(String embeddingModel) {
        try {
            writer().setLiveCommitData(Map.of(Fields.COMMIT_MODEL, embeddingModel).entrySet());
            writer().commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit index " + path + ": " + e.getMessage(), e);
        }
    }

    /** Merges the index into one segment and commits; queries then search one HNSW graph instead of many. */
    @Override
    public void optimize() {
        try {
            writer().forceMerge(1);
            writer().commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot optimise index " + path + ": " + e.getMessage(), e);
        }
    }

    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code fn} against a point-in-time searcher (for this engine's retriever only). */
    <T> T search(SearchFunction<T> fn) {
        IndexSearcher s = null;
        try {
            if (writer == null) searchers.maybeRefresh(); // see what the writing process has committed since
            s = searchers.acquire();
            return fn.apply(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (s != null) {
                try {
                    searchers.release(s);
                } catch (IOException ignored) {
                    // releasing a reader never matters to the caller
                }
            }
        }
    }

    /** Document id to content hash for every stored document. */
    @Override
    public Map<String, String> hashes() {
        Map<String, String> out = new HashMap<>();
        for (StoredDocument d : documents(false)) out.put(d.id(), d.hash());
        return out;
    }

    @Override
    public List<StoredDocument> documents(boolean withText) {
        return search(s -> {
            TopDocs td = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), Math.max(1, s.getIndexReader().maxDoc()));
            StoredFields sf = s.storedFields();
            List<StoredDocument> out = new ArrayList<>(td.scoreDocs.length);
            // without the text, skip decompressing it: listings and hash checks touch every document
            Set<String> fields = withText ? null : METADATA_FIELDS;
            for (ScoreDoc sd : td.scoreDocs) {
                out.add(LuceneRecords.toDocument(fields == null ? sf.document(sd.doc) : sf.document(sd.doc, fields), withText));
            }
            out.sort(java.util.Comparator.comparing(StoredDocument::id));
            return out;
        });
    }

    @Override
    public Optional<StoredDocument> document(String docId) {
        return search(s -> documentIn(s, docId));
    }

    Optional<StoredDocument> documentIn(IndexSearcher s, String docId) throws IOException {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.DOC_ID, docId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), BooleanClause.Occur.FILTER).build();
        TopDocs td = s.search(q, 1);
        if (td.scoreDocs.length == 0) return Optional.empty();
        return Optional.of(LuceneRecords.toDocument(s.storedFields().document(td.scoreDocs[0].doc), true));
    }

    @Override
    public Optional<StoredChunk> chunk(String chunkId) {
        return search(s -> {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ID, chunkId)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_CHUNK)), BooleanClause.Occur.FILTER).build();
            TopDocs td = s.search(q, 1);
            return td.scoreDocs.length == 0 ? Optional.empty() : Optional.of(records.toChunk(s.storedFields().document(td.scoreDocs[0].doc)));
        });
    }

    /** BM25's inverse document frequency of an analysed body term in the searcher's view of the index. */
    static double idf(IndexSearcher s, String term) throws IOException {
        long n = Math.max(1, s.getIndexReader().getDocCount(Fields.BODY));
        return TermWeights.bm25Idf(n, s.getIndexReader().docFreq(new Term(Fields.BODY, term)));
    }

    /** Decodes a stored chunk record (for this engine's retriever). */
    StoredChunk toChunk(Document d) {
        return records.toChunk(d);
    }

    @Override
    public int chunkCount() {
        return search(s -> s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_CHUNK))));
    }

    @Override
    public long sizeOnDiskBytes() {
        try {
            long total = 0;
            for (String f : directory.listAll()) {
                try {
                    total += directory.fileLength(f);
                } catch (IOException ignored) {
                    // a file merged away between list and length
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether {@code path} holds a Lucene commit to search. */
    public static boolean exists(Path path) {
        return LuceneFolder.exists(path);
    }

    /** A read-only view of the index folder, for tools that must not take the write lock. */
    public static DirectoryReader openReader(Path path) throws IOException {
        return LuceneFolder.openReader(path);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function over a searcher that may throw {@link IOException}. */
    @FunctionalInterface
    interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

}
