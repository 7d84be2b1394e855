package dev.footnote.engine.solr;

import dev.footnote.config.BackendSettings;
import dev.footnote.index.ChunkStore;
import dev.footnote.index.Codec;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.Chunk;
import dev.footnote.ingest.SourceDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * Chunks and documents in a SolrCloud collection. Writing a document first deletes every record with its id, then adds
 * the new ones, so a repeated ingest leaves one copy; writes are batched and sent at the latest on {@link #commit}.
 */
public final class SolrChunkStore implements ChunkStore {
    private static final int BATCH_RECORDS = 500;
    private static final int BATCH_DOCS = 64;
    private static final String TERMS_SEPARATOR = "\u001f";
    private final SolrNodes nodes;
    private final String collection;
    private final int dimension;
    private final Set<String> pendingDeletes = new LinkedHashSet<>();
    private final List<SolrInputDocument> pendingAdds = new ArrayList<>();

    public SolrChunkStore(SolrNodes nodes, String collection, int dimension) {
        this.nodes = nodes;
        this.collection = collection;
        this.dimension = dimension;
    }

    /** Connects to the configured cluster, creating the collection (one shard, one replica) if it does not exist. */
    public static SolrChunkStore open(BackendSettings settings, int dimension) {
        SolrNodes nodes = SolrNodes.connect(settings);
        SolrCollection.ensure(nodes, settings.solrCollection(), dimension, SolrCollection.Layout.SINGLE);
        return new SolrChunkStore(nodes, settings.solrCollection(), dimension);
    }

    public SolrNodes nodes() {
        return nodes;
    }

    public String collection() {
        return collection;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public synchronized void put(SourceDocument doc, List<Chunk> chunks, List<float[]> chunkVectors, List<List<float[]>> sentenceVectors) {
        String text = doc.text();
        pendingDeletes.add(doc.id());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            pendingAdds.add(SolrRecords.chunk(doc.id(), doc.title(), c.span().of(text), c.id(), c.ordinal(), c.span(),
                    Codec.spans(c.sentences()), Codec.vectors(sentenceVectors.get(i)), Codec.terms(c.sentences(), text),
                    chunkVectors.get(i)));
        }
        pendingAdds.add(SolrRecords.document(new StoredDocument(doc.id(), doc.title(), doc.date(), doc.path(), doc.hash(),
                doc.size(), chunks.size(), doc.bodyStart(), text, doc.layout())));
        if (pendingAdds.size() >= BATCH_RECORDS || pendingDeletes.size() >= BATCH_DOCS) flush();
    }

    @Override
    public synchronized void delete(String docId) {
        flush();
        deleteByQuery(docIdQuery(Set.of(docId)));
    }

    @Override
    public synchronized void deleteAll() {
        pendingAdds.clear();
        pendingDeletes.clear();
        deleteByQuery("*:*");
    }

    @Override
    public synchronized void commit(String embeddingModel) {
        pendingAdds.add(SolrRecords.commit(embeddingModel));
        flush();
        nodes.call(c -> new UpdateRequest().commit(c, collection));
    }

    /** Sends buffered writes: the deletes first, in their own request, so they can never remove the new records. */
    private void flush() {
        if (!pendingDeletes.isEmpty()) deleteByQuery(docIdQuery(pendingDeletes));
        if (!pendingAdds.isEmpty()) {
            UpdateRequest add = new UpdateRequest();
            add.add(pendingAdds);
            nodes.call(c -> add.process(c, collection));
        }
        pendingDeletes.clear();
        pendingAdds.clear();
    }

    private void deleteByQuery(String q) {
        UpdateRequest del = new UpdateRequest();
        del.deleteByQuery(q);
        nodes.call(c -> del.process(c, collection));
    }

    /** Matches every record of the given documents; ids are escaped, so any character is safe. */
    private static String docIdQuery(Set<String> ids) {
        StringBuilder b = new StringBuilder(SolrFields.DOC_ID + ":(");
        int i = 0;
        for (String id : ids) b.append(i++ == 0 ? "" : " OR ").append(ClientUtils.escapeQueryChars(id));
        return b.append(')').toString();
    }

    /** A filter on exact values of a string field, passed as parameters so that ids need no escaping. */
    public static SolrQuery termsQuery(String field, Collection<String> values) {
        SolrQuery q = new SolrQuery("{!terms f=" + field + " separator=$sep v=$vals}");
        q.set("sep", TERMS_SEPARATOR);
        q.set("vals", String.join(TERMS_SEPARATOR, values));
        return q;
    }

    @Override
    public Optional<String> committedModel() {
        SolrQuery q = new SolrQuery(SolrFields.ID + ":" + SolrRecords.META_ID).setFields(SolrFields.COMMIT_MODEL).setRows(1);
        QueryResponse r = query(q);
        if (r.getResults().isEmpty()) return Optional.empty();
        return Optional.ofNullable((String) r.getResults().get(0).getFirstValue(SolrFields.COMMIT_MODEL));
    }

    @Override
    public Map<String, String> hashes() {
        Map<String, String> out = new HashMap<>();
        scanDocuments(List.of(SolrFields.DOC_ID, SolrFields.HASH), d -> out.put((String) d.getFirstValue(SolrFields.DOC_ID), (String) d.getFirstValue(SolrFields.HASH)));
        return out;
    }

    @Override
    public List<StoredDocument> documents(boolean withText) {
        List<StoredDocument> out = new ArrayList<>();
        List<String> fl = new ArrayList<>(List.of(SolrFields.DOC_ID, SolrFields.DOC_TITLE, SolrFields.DATE, SolrFields.PATH, SolrFields.HASH,
                SolrFields.SIZE, SolrFields.CHUNK_COUNT, SolrFields.BODY_START));
        if (withText) fl.addAll(List.of(SolrFields.TEXT, SolrFields.LAYOUT));
        scanDocuments(fl, d -> out.add(SolrRecords.toDocument(d, withText)));
        out.sort(Comparator.comparing(StoredDocument::id));
        return out;
    }

    @Override
    public Optional<StoredDocument> document(String docId) {
        return documents(List.of(docId)).values().stream().findFirst();
    }

    /** The document records of {@code docIds}, by id, in one request. */
    public Map<String, StoredDocument> documents(List<String> docIds) {
        Map<String, StoredDocument> out = new HashMap<>();
        if (docIds.isEmpty()) return out;
        SolrQuery q = termsQuery(SolrFields.DOC_ID, new LinkedHashSet<>(docIds))
                .addFilterQuery(SolrFields.KIND + ":" + SolrFields.KIND_DOC).setRows(docIds.size());
        for (SolrDocument d : query(q).getResults()) {
            StoredDocument s = SolrRecords.toDocument(d, true);
            out.put(s.id(), s);
        }
        return out;
    }

    @Override
    public int chunkCount() {
        return (int) query(new SolrQuery(SolrFields.KIND + ":" + SolrFields.KIND_CHUNK).setRows(0)).getResults().getNumFound();
    }

    @Override
    public Optional<StoredChunk> chunk(String chunkId) {
        SolrQuery q = termsQuery(SolrFields.ID, List.of(chunkId)).addFilterQuery(SolrFields.KIND + ":" + SolrFields.KIND_CHUNK).setRows(1)
                .setFields(SolrFields.CHUNK);
        return query(q).getResults().stream().findFirst().map(d -> SolrRecords.toChunk(d, dimension));
    }

    /** Solr reports index sizes per core, not per collection over this client: unknown. */
    @Override
    public long sizeOnDiskBytes() {
        return -1;
    }

    /** Runs a query (POSTed: query vectors are long) against any live node. */
    public QueryResponse query(SolrQuery q) {
        QueryRequest req = new QueryRequest(q, SolrRequest.METHOD.POST);
        return nodes.call(c -> req.process(c, collection));
    }

    private void scanDocuments(List<String> fields, Consumer<SolrDocument> each) {
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrFields.KIND + ":" + SolrFields.KIND_DOC)
                    .setFields(fields.toArray(String[]::new)).setRows(1000).setSort(SolrFields.ID, SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            r.getResults().forEach(each);
            if (cursor.equals(r.getNextCursorMark())) return;
            cursor = r.getNextCursorMark();
        }
    }

    @Override
    public void close() {
        nodes.close();
    }
}
