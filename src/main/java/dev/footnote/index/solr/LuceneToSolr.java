package dev.footnote.index.solr;

import dev.footnote.index.Fields;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an embedded index into Solr record for record, vectors included, so moving to Solr needs no re-embedding.
 * Reads the index without opening a writer: the source folder is never modified.
 */
public final class LuceneToSolr {
    private static final Logger log = LoggerFactory.getLogger(LuceneToSolr.class);

    private LuceneToSolr() {
    }

    /** @return the number of documents copied */
    public static int copy(Path luceneDir, SolrChunkStore store, String embeddingModel) throws IOException {
        int docs = 0;
        try (FSDirectory dir = FSDirectory.open(luceneDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) docs += copyLeaf(leaf.reader(), store);
        }
        store.commit(embeddingModel);
        log.info("copied {} documents from {} to Solr collection {}", docs, luceneDir, store.collection());
        return docs;
    }

    /** A block is the chunk records of one document followed by its document record. */
    private static int copyLeaf(LeafReader leaf, SolrChunkStore store) throws IOException {
        StoredFields sf = leaf.storedFields();
        FloatVectorValues vectors = leaf.getFloatVectorValues(Fields.VECTOR);
        Bits live = leaf.getLiveDocs();
        List<Document> chunks = new ArrayList<>();
        List<float[]> chunkVectors = new ArrayList<>();
        int docs = 0;
        for (int i = 0; i < leaf.maxDoc(); i++) {
            if (live != null && !live.get(i)) continue;
            Document d = sf.document(i);
            if (d.get(Fields.ID) != null) {
                chunks.add(d);
                chunkVectors.add(vectors.advance(i) == i ? vectors.vectorValue().clone() : null);
            } else if (d.get(Fields.DOC_TITLE) != null) {
                putDocument(store, d, chunks, chunkVectors);
                chunks.clear();
                chunkVectors.clear();
                docs++;
            }
        }
        return docs;
    }

    private static void putDocument(SolrChunkStore store, Document d, List<Document> chunks, List<float[]> chunkVectors) {
        StoredDocument doc = new StoredDocument(d.get(Fields.DOC_ID), d.get(Fields.DOC_TITLE), d.get(Fields.DATE), d.get(Fields.PATH),
                d.get(Fields.HASH), d.getField(Fields.SIZE).numericValue().longValue(),
                d.getField(Fields.CHUNK_COUNT).numericValue().intValue(),
                d.getField(Fields.BODY_START).numericValue().intValue(), d.get(Fields.TEXT));
        List<org.apache.solr.common.SolrInputDocument> records = new ArrayList<>();
        for (int j = 0; j < chunks.size(); j++) {
            Document c = chunks.get(j);
            if (!doc.id().equals(c.get(Fields.DOC_ID)) || chunkVectors.get(j) == null) continue;
            Span span = new Span(c.getField(Fields.START).numericValue().intValue(), c.getField(Fields.END).numericValue().intValue());
            records.add(SolrRecords.chunk(doc.id(), doc.title(), span.of(doc.text()), c.get(Fields.ID),
                    c.getField(Fields.ORDINAL).numericValue().intValue(), span, bytes(c, Fields.SENTENCES),
                    bytes(c, Fields.SENTENCE_VECTORS), c.get(Fields.SENTENCE_TERMS), chunkVectors.get(j)));
        }
        records.add(SolrRecords.document(doc));
        store.putRecords(Set.of(doc.id()), records);
    }

    private static byte[] bytes(Document d, String field) {
        var ref = d.getBinaryValue(field);
        return java.util.Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
    }
}
