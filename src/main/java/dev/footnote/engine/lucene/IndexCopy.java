package dev.footnote.engine.lucene;

import dev.footnote.index.ChunkStore;
import dev.footnote.index.Codec;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.SourceDocument;
import dev.footnote.ingest.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Replays an embedded index into any {@link ChunkStore}, stored vectors included, so a move between engines needs no
 * re-embedding. Reads without opening a writer: the source folder is never modified.
 */
public final class IndexCopy {
    private final int dimension;

    public IndexCopy(int dimension) {
        this.dimension = dimension;
    }

    /** Copies every document of {@code luceneDir} into {@code target}, then commits; returns the number of documents. */
    public int copy(Path luceneDir, ChunkStore target, String embeddingModel) throws IOException {
        int docs = 0;
        try (FSDirectory dir = FSDirectory.open(luceneDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) docs += copyLeaf(leaf.reader(), target);
        }
        target.commit(embeddingModel);
        return docs;
    }

    /** A block is the chunk records of one document followed by its document record. */
    private int copyLeaf(LeafReader leaf, ChunkStore target) throws IOException {
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
                put(target, d, chunks, chunkVectors);
                chunks.clear();
                chunkVectors.clear();
                docs++;
            }
        }
        return docs;
    }

    private void put(ChunkStore target, Document d, List<Document> chunkDocs, List<float[]> vectors) {
        String id = d.get(Fields.DOC_ID);
        SourceDocument doc = new SourceDocument(id, d.get(Fields.PATH), d.get(Fields.DOC_TITLE), d.get(Fields.DATE), d.get(Fields.TEXT),
                d.getField(Fields.BODY_START).numericValue().intValue(), d.get(Fields.HASH), d.getField(Fields.SIZE).numericValue().longValue(),
                dev.footnote.ingest.Layout.decode(d.get(Fields.LAYOUT)));
        List<Chunk> chunks = new ArrayList<>();
        List<float[]> chunkVectors = new ArrayList<>();
        List<List<float[]>> sentenceVectors = new ArrayList<>();
        for (int j = 0; j < chunkDocs.size(); j++) {
            Document c = chunkDocs.get(j);
            if (!id.equals(c.get(Fields.DOC_ID)) || vectors.get(j) == null) continue;
            chunks.add(new Chunk(id, c.getField(Fields.ORDINAL).numericValue().intValue(),
                    new Span(c.getField(Fields.START).numericValue().intValue(), c.getField(Fields.END).numericValue().intValue()),
                    Codec.spans(c.getBinaryValue(Fields.SENTENCES))));
            chunkVectors.add(vectors.get(j));
            sentenceVectors.add(Arrays.asList(Codec.vectors(c.getBinaryValue(Fields.SENTENCE_VECTORS), dimension)));
        }
        target.put(doc, chunks, chunkVectors, sentenceVectors);
    }
}
