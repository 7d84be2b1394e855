package dev.footnote.engine.solr;

import dev.footnote.index.Codec;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.Span;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** Chunk, document and commit records as Solr documents, field for field as in the embedded Lucene index. */
public final class SolrRecords {
    static final String KIND_META = "meta";
    static final String META_ID = "_footnote_commit";

    private SolrRecords() {
    }

    /** The id of a document's own record; chunk ids end in {@code #<ordinal>}, so the two never meet. */
    static String documentRecordId(String docId) {
        return docId + "#doc";
    }

    /** A chunk record; {@code sentences}, {@code sentenceVectors} and {@code sentenceTerms} as the Lucene index stores them. */
    static SolrInputDocument chunk(String docId, String title, String chunkText, String chunkId, int ordinal, Span span,
                                          byte[] sentences, byte[] sentenceVectors, String sentenceTerms, float[] vector) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(SolrFields.ID, chunkId);
        d.addField(SolrFields.KIND, SolrFields.KIND_CHUNK);
        d.addField(SolrFields.DOC_ID, docId);
        d.addField(SolrFields.ORDINAL, ordinal);
        d.addField(SolrFields.TITLE, title);
        d.addField(SolrFields.BODY, title + "\n" + chunkText);
        d.addField(SolrFields.START, span.start());
        d.addField(SolrFields.END, span.end());
        d.addField(SolrFields.SENTENCES, sentences);
        d.addField(SolrFields.SENTENCE_VECTORS, sentenceVectors);
        if (sentenceTerms != null) d.addField(SolrFields.SENTENCE_TERMS, sentenceTerms);
        List<Float> v = new ArrayList<>(vector.length);
        for (float x : vector) v.add(x);
        d.setField(SolrFields.VECTOR, v);
        return d;
    }

    static SolrInputDocument document(StoredDocument doc) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(SolrFields.ID, documentRecordId(doc.id()));
        d.addField(SolrFields.KIND, SolrFields.KIND_DOC);
        d.addField(SolrFields.DOC_ID, doc.id());
        d.addField(SolrFields.DOC_TITLE, doc.title());
        if (doc.date() != null) d.addField(SolrFields.DATE, doc.date());
        d.addField(SolrFields.PATH, doc.path());
        d.addField(SolrFields.HASH, doc.hash());
        d.addField(SolrFields.SIZE, doc.size());
        d.addField(SolrFields.CHUNK_COUNT, doc.chunkCount());
        d.addField(SolrFields.BODY_START, doc.bodyStart());
        d.addField(SolrFields.TEXT, doc.text());
        if (!doc.layout().isEmpty()) d.addField(SolrFields.LAYOUT, doc.layout().encode());
        return d;
    }

    static SolrInputDocument commit(String embeddingModel) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(SolrFields.ID, META_ID);
        d.addField(SolrFields.KIND, KIND_META);
        d.addField(SolrFields.COMMIT_MODEL, embeddingModel);
        return d;
    }

    public static StoredDocument toDocument(SolrDocument d, boolean withText) {
        return new StoredDocument((String) d.getFirstValue(SolrFields.DOC_ID), (String) d.getFirstValue(SolrFields.DOC_TITLE),
                (String) d.getFirstValue(SolrFields.DATE), (String) d.getFirstValue(SolrFields.PATH), (String) d.getFirstValue(SolrFields.HASH),
                ((Number) d.getFirstValue(SolrFields.SIZE)).longValue(), ((Number) d.getFirstValue(SolrFields.CHUNK_COUNT)).intValue(),
                ((Number) d.getFirstValue(SolrFields.BODY_START)).intValue(), withText ? (String) d.getFirstValue(SolrFields.TEXT) : null,
                dev.footnote.ingest.Layout.decode((String) d.getFirstValue(SolrFields.LAYOUT)));
    }

    public static StoredChunk toChunk(SolrDocument d, int dimension) {
        return new StoredChunk((String) d.getFirstValue(SolrFields.ID), (String) d.getFirstValue(SolrFields.DOC_ID),
                ((Number) d.getFirstValue(SolrFields.ORDINAL)).intValue(),
                new Span(((Number) d.getFirstValue(SolrFields.START)).intValue(), ((Number) d.getFirstValue(SolrFields.END)).intValue()),
                Codec.spans(bytes(d.getFirstValue(SolrFields.SENTENCES))),
                Codec.vectors(bytes(d.getFirstValue(SolrFields.SENTENCE_VECTORS)), dimension),
                Codec.terms((String) d.getFirstValue(SolrFields.SENTENCE_TERMS)));
    }

    /** Binary fields come back as bytes over javabin and as base64 over JSON. */
    private static byte[] bytes(Object v) {
        if (v instanceof byte[] b) return b;
        if (v instanceof ByteBuffer bb) {
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return b;
        }
        if (v instanceof String s) return Base64.getDecoder().decode(s);
        return new byte[0];
    }
}
