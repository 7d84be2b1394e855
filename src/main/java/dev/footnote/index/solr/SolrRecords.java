package dev.footnote.index.solr;

import dev.footnote.index.Codec;
import dev.footnote.index.Fields;
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
        d.addField("id", chunkId);
        d.addField(Fields.KIND, Fields.KIND_CHUNK);
        d.addField(Fields.DOC_ID, docId);
        d.addField(Fields.ORDINAL, ordinal);
        d.addField(Fields.TITLE, title);
        d.addField(Fields.BODY, title + "\n" + chunkText);
        d.addField(Fields.START, span.start());
        d.addField(Fields.END, span.end());
        d.addField(Fields.SENTENCES, sentences);
        d.addField(Fields.SENTENCE_VECTORS, sentenceVectors);
        if (sentenceTerms != null) d.addField(Fields.SENTENCE_TERMS, sentenceTerms);
        List<Float> v = new ArrayList<>(vector.length);
        for (float x : vector) v.add(x);
        d.setField(Fields.VECTOR, v);
        return d;
    }

    static SolrInputDocument document(StoredDocument doc) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", documentRecordId(doc.id()));
        d.addField(Fields.KIND, Fields.KIND_DOC);
        d.addField(Fields.DOC_ID, doc.id());
        d.addField(Fields.DOC_TITLE, doc.title());
        if (doc.date() != null) d.addField(Fields.DATE, doc.date());
        d.addField(Fields.PATH, doc.path());
        d.addField(Fields.HASH, doc.hash());
        d.addField(Fields.SIZE, doc.size());
        d.addField(Fields.CHUNK_COUNT, doc.chunkCount());
        d.addField(Fields.BODY_START, doc.bodyStart());
        d.addField(Fields.TEXT, doc.text());
        if (!doc.layout().isEmpty()) d.addField(Fields.LAYOUT, doc.layout().encode());
        return d;
    }

    static SolrInputDocument commit(String embeddingModel) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", META_ID);
        d.addField(Fields.KIND, KIND_META);
        d.addField(Fields.COMMIT_MODEL, embeddingModel);
        return d;
    }

    public static StoredDocument toDocument(SolrDocument d, boolean withText) {
        return new StoredDocument((String) d.getFirstValue(Fields.DOC_ID), (String) d.getFirstValue(Fields.DOC_TITLE),
                (String) d.getFirstValue(Fields.DATE), (String) d.getFirstValue(Fields.PATH), (String) d.getFirstValue(Fields.HASH),
                ((Number) d.getFirstValue(Fields.SIZE)).longValue(), ((Number) d.getFirstValue(Fields.CHUNK_COUNT)).intValue(),
                ((Number) d.getFirstValue(Fields.BODY_START)).intValue(), withText ? (String) d.getFirstValue(Fields.TEXT) : null,
                dev.footnote.ingest.Layout.decode((String) d.getFirstValue(Fields.LAYOUT)));
    }

    public static StoredChunk toChunk(SolrDocument d, int dimension) {
        return new StoredChunk((String) d.getFirstValue("id"), (String) d.getFirstValue(Fields.DOC_ID),
                ((Number) d.getFirstValue(Fields.ORDINAL)).intValue(),
                new Span(((Number) d.getFirstValue(Fields.START)).intValue(), ((Number) d.getFirstValue(Fields.END)).intValue()),
                Codec.spans(bytes(d.getFirstValue(Fields.SENTENCES))),
                Codec.vectors(bytes(d.getFirstValue(Fields.SENTENCE_VECTORS)), dimension),
                Codec.terms((String) d.getFirstValue(Fields.SENTENCE_TERMS)));
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
