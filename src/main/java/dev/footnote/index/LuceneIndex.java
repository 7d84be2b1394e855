package dev.footnote.index;

import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.SourceDocument;
import dev.footnote.ingest.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

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

    /** @param writer null when opened read-only (another process holds the writer) */
    private LuceneIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, int dimension) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.dimension = dimension;
    }

    /** Opens (creating if needed) the index for writing; fails with a message naming the path. */
    public static LuceneIndex open(Path path, int dimension) {
        Directory dir = null;
        try {
            Files.createDirectories(path);
            if (!Files.isWritable(path)) throw new AccessDeniedException(path.toString());
            dir = FSDirectory.open(path);
            IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.english())
                    .setSimilarity(Analyzers.similarity())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128);
            IndexWriter w = new IndexWriter(dir, cfg);
            if (w.getLiveCommitData() == null || !w.getLiveCommitData().iterator().hasNext()) {
                w.commit(); // an empty first commit so readers can open
            }
            SearcherManager sm = new SearcherManager(w, SEARCHERS);
            return new LuceneIndex(path, dir, w, sm, dimension);
        } catch (LockObtainFailedException e) {
            closeQuietly(dir);
            throw new IndexLockedException("index at " + path.toAbsolutePath() + " is locked by another Footnote process", e);
        } catch (AccessDeniedException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("index directory " + path.toAbsolutePath() + " is not writable", e);
        } catch (FileSystemException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("cannot open index directory " + path.toAbsolutePath() + ": " + e.getReason(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("cannot open index at " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader r, org.apache.lucene.index.IndexReader prev) {
            IndexSearcher s = new IndexSearcher(r);
            s.setSimilarity(Analyzers.similarity());
            return s;
        }
    };

    /**
     * Opens an existing index for searching only, without its write lock: works while another process (a running
     * {@code serve}) holds the writer, and sees what that process has committed. Writes throw.
     */
    public static LuceneIndex openReadOnly(Path path, int dimension) {
        if (!exists(path)) throw new IndexUnavailableException("no index at " + path.toAbsolutePath() + "; run 'ingest' first", null);
        Directory dir = null;
        try {
            dir = FSDirectory.open(path);
            return new LuceneIndex(path, dir, null, new SearcherManager(dir, SEARCHERS), dimension);
        } catch (IOException | RuntimeException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("cannot open index at " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
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
            block.add(chunkRecord(doc, chunks.get(i), chunkVectors.get(i), sentenceVectors.get(i)));
        }
        block.add(documentRecord(doc, chunks.size()));
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

    /** Runs {@code fn} against a point-in-time searcher. */
    public <T> T search(SearchFunction<T> fn) {
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
                out.add(toStored(fields == null ? sf.document(sd.doc) : sf.document(sd.doc, fields), withText));
            }
            out.sort(java.util.Comparator.comparing(StoredDocument::id));
            return out;
        });
    }

    @Override
    public Optional<StoredDocument> document(String docId) {
        return search(s -> documentIn(s, docId));
    }

    public Optional<StoredDocument> documentIn(IndexSearcher s, String docId) throws IOException {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.DOC_ID, docId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOC)), BooleanClause.Occur.FILTER).build();
        TopDocs td = s.search(q, 1);
        if (td.scoreDocs.length == 0) return Optional.empty();
        return Optional.of(toStored(s.storedFields().document(td.scoreDocs[0].doc), true));
    }

    @Override
    public Optional<StoredChunk> chunk(String chunkId) {
        return search(s -> {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ID, chunkId)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_CHUNK)), BooleanClause.Occur.FILTER).build();
            TopDocs td = s.search(q, 1);
            return td.scoreDocs.length == 0 ? Optional.empty() : Optional.of(toChunk(s.storedFields().document(td.scoreDocs[0].doc)));
        });
    }

    /** BM25's inverse document frequency of an analysed body term in the current index. */
    public double idf(IndexSearcher s, String term) throws IOException {
        long n = Math.max(1, s.getIndexReader().getDocCount(Fields.BODY));
        int df = s.getIndexReader().docFreq(new Term(Fields.BODY, term));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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

    private Document chunkRecord(SourceDocument doc, Chunk c, float[] vector, List<float[]> sentVectors) {
        Document d = new Document();
        String text = doc.text();
        d.add(new StringField(Fields.KIND, Fields.KIND_CHUNK, Field.Store.NO));
        d.add(new StringField(Fields.ID, c.id(), Field.Store.YES));
        d.add(new StringField(Fields.DOC_ID, doc.id(), Field.Store.YES));
        d.add(new StoredField(Fields.ORDINAL, c.ordinal()));
        d.add(new TextField(Fields.TITLE, doc.title(), Field.Store.NO));
        d.add(new TextField(Fields.BODY, doc.title() + "\n" + c.span().of(text), Field.Store.NO));
        d.add(new StoredField(Fields.START, c.span().start()));
        d.add(new StoredField(Fields.END, c.span().end()));
        d.add(new StoredField(Fields.SENTENCES, Codec.spans(c.sentences())));
        d.add(new StoredField(Fields.SENTENCE_VECTORS, Codec.vectors(sentVectors)));
        StringBuilder terms = new StringBuilder();
        for (Span s : c.sentences()) {
            if (terms.length() > 0) terms.append('\n');
            terms.append(String.join(" ", Analyzers.terms(Fields.BODY, s.of(text))));
        }
        d.add(new StoredField(Fields.SENTENCE_TERMS, terms.toString()));
        d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    private static Document documentRecord(SourceDocument doc, int chunkCount) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_DOC, Field.Store.NO));
        d.add(new StringField(Fields.DOC_ID, doc.id(), Field.Store.YES));
        d.add(new StoredField(Fields.DOC_TITLE, doc.title()));
        if (doc.date() != null) d.add(new StoredField(Fields.DATE, doc.date()));
        d.add(new StoredField(Fields.PATH, doc.path()));
        d.add(new StoredField(Fields.HASH, doc.hash()));
        d.add(new StoredField(Fields.SIZE, doc.size()));
        d.add(new StoredField(Fields.CHUNK_COUNT, chunkCount));
        d.add(new StoredField(Fields.BODY_START, doc.bodyStart()));
        d.add(new StoredField(Fields.TEXT, doc.text()));
        return d;
    }

    private static StoredDocument toStored(Document d, boolean withText) {
        return new StoredDocument(d.get(Fields.DOC_ID), d.get(Fields.DOC_TITLE), d.get(Fields.DATE), d.get(Fields.PATH),
                d.get(Fields.HASH), d.getField(Fields.SIZE).numericValue().longValue(),
                d.getField(Fields.CHUNK_COUNT).numericValue().intValue(),
                d.getField(Fields.BODY_START).numericValue().intValue(), withText ? d.get(Fields.TEXT) : null);
    }

    /** Decodes a stored chunk record. */
    public StoredChunk toChunk(Document d) {
        return new StoredChunk(d.get(Fields.ID), d.get(Fields.DOC_ID), d.getField(Fields.ORDINAL).numericValue().intValue(),
                new Span(d.getField(Fields.START).numericValue().intValue(), d.getField(Fields.END).numericValue().intValue()),
                Codec.spans(d.getBinaryValue(Fields.SENTENCES)), Codec.vectors(d.getBinaryValue(Fields.SENTENCE_VECTORS), dimension),
                Codec.terms(d.get(Fields.SENTENCE_TERMS)));
    }

    public static boolean exists(Path path) {
        try (Directory d = FSDirectory.open(path)) {
            SegmentInfos.readLatestCommit(d);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static DirectoryReader openReader(Path path) throws IOException {
        return DirectoryReader.open(FSDirectory.open(path));
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

    private static void closeQuietly(Directory d) {
        if (d == null) return;
        try {
            d.close();
        } catch (IOException ignored) {
            // already failing; the original error is the one to report
        }
    }

    /** A function over a searcher that may throw {@link IOException}. */
    @FunctionalInterface
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

}
