package dev.footnote.engine.solr;

/**
 * Field names of Footnote's Solr records, as the configset's {@code schema.xml} declares them (the same names as the
 * embedded Lucene index uses, so an index can be copied field for field).
 */
public final class SolrFields {
    /** Solr's unique key: a chunk id, a document record id ({@code docId#doc}) or the commit record's id. */
    public static final String ID = "id";
    /** The pseudo-field holding a match's score. */
    public static final String SCORE = "score";
    public static final String KIND = "kind";
    public static final String KIND_CHUNK = "chunk";
    public static final String KIND_DOC = "doc";
    public static final String DOC_ID = "doc_id";
    public static final String ORDINAL = "ordinal";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String DOC_TITLE = "doc_title";
    public static final String START = "start";
    public static final String END = "end";
    public static final String SENTENCES = "sentences";
    public static final String SENTENCE_VECTORS = "sentence_vectors";
    public static final String SENTENCE_TERMS = "sentence_terms";
    public static final String VECTOR = "vector";
    public static final String DATE = "date";
    public static final String PATH = "path";
    public static final String HASH = "hash";
    public static final String SIZE = "size";
    public static final String TEXT = "text";
    public static final String BODY_START = "body_start";
    /** Where pages, slides and sections start in the text ({@link dev.footnote.ingest.Layout#encode()}). */
    public static final String LAYOUT = "layout";
    public static final String CHUNK_COUNT = "chunk_count";
    /** The commit record's field naming the embedding model that produced the stored vectors. */
    public static final String COMMIT_MODEL = "embedding_model";
    /** What reading a chunk back needs. */
    static final String[] CHUNK = {ID, DOC_ID, ORDINAL, START, END, SENTENCES, SENTENCE_VECTORS, SENTENCE_TERMS};

    private SolrFields() {
    }
}
