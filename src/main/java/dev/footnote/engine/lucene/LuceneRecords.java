package dev.footnote.engine.lucene;

import dev.footnote.index.Codec;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.SourceDocument;
import dev.footnote.ingest.Span;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** Chunk and document records as Lucene documents, and back; field names from {@link Fields}. */
final class LuceneRecords {
    /** BM25 with k1 0.9 and b 0.4 (Anserini's defaults for passage collections), for indexing and searching alike. */
    static final Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);
    private final int dimension;

    LuceneRecords(int dimension) {
        this.dimension = dimension;
    }

    /** A chunk record: searchable body and title, its vector, and what a citation needs stored. */
    Document chunk(SourceDocument doc, Chunk c, float[] vector, List<float[]> sentVectors) {
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
        d.add(new StoredField(Fields.SENTENCE_TERMS, Codec.terms(c.sentences(), text)));
        d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    /** A document record: its full text and metadata, written after its chunks in the same block. */
    static Document document(SourceDocument doc, int chunkCount) {
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
        if (!doc.layout().isEmpty()) d.add(new StoredField(Fields.LAYOUT, doc.layout().encode()));
        return d;
    }

    static StoredDocument toDocument(Document d, boolean withText) {
        return new StoredDocument(d.get(Fields.DOC_ID), d.get(Fields.DOC_TITLE), d.get(Fields.DATE), d.get(Fields.PATH),
                d.get(Fields.HASH), d.getField(Fields.SIZE).numericValue().longValue(),
                d.getField(Fields.CHUNK_COUNT).numericValue().intValue(),
                d.getField(Fields.BODY_START).numericValue().intValue(), withText ? d.get(Fields.TEXT) : null,
                dev.footnote.ingest.Layout.decode(d.get(Fields.LAYOUT)));
    }

    /** Decodes a stored chunk record. */
    StoredChunk toChunk(Document d) {
        return new StoredChunk(d.get(Fields.ID), d.get(Fields.DOC_ID), d.getField(Fields.ORDINAL).numericValue().intValue(),
                new Span(d.getField(Fields.START).numericValue().intValue(), d.getField(Fields.END).numericValue().intValue()),
                Codec.spans(d.getBinaryValue(Fields.SENTENCES)), Codec.vectors(d.getBinaryValue(Fields.SENTENCE_VECTORS), dimension),
                Codec.terms(d.get(Fields.SENTENCE_TERMS)));
    }
}
