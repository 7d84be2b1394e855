package dev.footnote.engine.lucene;

/** Lucene field names, shared by indexing and searching so the two cannot drift. */
public final class Fields {
    public static final String KIND = "kind";
    public static final String KIND_CHUNK = "chunk";
    public static final String KIND_DOC = "doc";
    public static final String ID = "id";
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
    public static final String CHUNK_COUNT = "chunk_count";
    /** Where pages, slides and sections start in the text ({@link dev.footnote.ingest.Layout#encode()}). */
    public static final String LAYOUT = "layout";
    /** Commit user-data key recording which embedding model produced the stored vectors. */
    public static final String COMMIT_MODEL = "embedding_model";

    private Fields() {
    }
}
