package dev.footnote.index;

import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.engine.lucene.Fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.support.HashEmbedder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A SIGKILL in the middle of ingesting 1,000 documents loses nothing that was committed and duplicates nothing. */
class CrashSafetyIT {
    private static final int DOCS = 1000;
    private static final int PAUSE_AT = 64;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a child that never pauses, not a time bound
    void killing_an_ingest_leaves_the_last_commit_whole_and_a_new_ingest_completes() throws Exception {
        // given 1,000 small documents, each with a unique word
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        for (int i = 0; i < DOCS; i++) {
            Files.writeString(seeds.resolve(String.format("doc%04d.txt", i)),
                    "Record zq" + i + "x describes item " + i + ". It has a second sentence about storage. And a third one.");
        }
        Path indexDir = tmp.resolve("index");

        // when a child JVM ingesting them is killed once it has committed at least 64 documents and paused
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(), seeds.toString(), indexDir.toString(),
                Integer.toString(PAUSE_AT))
                .redirectErrorStream(true).start();
        int committedAtKill;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("started");
            String paused = out.readLine();
            assertThat(paused).as("the child pauses mid-ingest").startsWith("paused ");
            committedAtKill = committedDocs(indexDir);
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        // then every committed document is whole and searchable, with no chunk twice
        int committed = committedDocs(indexDir);
        assertThat(committed).isEqualTo(committedAtKill).isBetween(PAUSE_AT, DOCS - 1);
        assertConsistent(indexDir);
        try (LuceneIndex index = LuceneIndex.open(indexDir, 384)) {
            LuceneRetriever bm25 = new LuceneRetriever(index, Retriever.Mode.BM25, FusionParams.DEFAULT);
            for (StoredDocument d : index.documents(false)) {
                String n = d.id().substring(3, 7).replaceFirst("^0+(?=.)", "");
                assertThat(bm25.retrieve(new SearchQuery("zq" + n + "x", new HashEmbedder()), 1))
                        .first().satisfies(h -> assertThat(h.passage().docId()).isEqualTo(d.id()));
            }
            // and a new ingest completes the job
            IngestReport r = new Indexer(index, new HashEmbedder(), new Chunker()).sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            assertThat(r.unchanged()).isEqualTo(committed);
            assertThat(r.added()).isEqualTo(DOCS - committed);
        }
        assertThat(committedDocs(indexDir)).isEqualTo(DOCS);
        assertConsistent(indexDir);
    }

    static int committedDocs(Path indexDir) {
        if (!LuceneIndex.exists(indexDir)) return 0;
        try (DirectoryReader r = LuceneIndex.openReader(indexDir)) {
            return new IndexSearcher(r).count(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(Fields.KIND, Fields.KIND_DOC)));
        } catch (Exception e) {
            return 0;
        }
    }

    /** Each document's chunk count equals the chunk records it has: none missing, none duplicated. */
    private static void assertConsistent(Path indexDir) throws Exception {
        try (DirectoryReader r = LuceneIndex.openReader(indexDir)) {
            IndexSearcher s = new IndexSearcher(r);
            StoredFields sf = s.storedFields();
            Map<String, Integer> declared = new HashMap<>();
            Map<String, Integer> chunks = new HashMap<>();
            Map<String, Integer> chunkIds = new HashMap<>();
            for (ScoreDoc sd : s.search(new MatchAllDocsQuery(), Math.max(1, r.maxDoc())).scoreDocs) {
                var d = sf.document(sd.doc);
                if (d.get(Fields.ID) != null) {
                    chunks.merge(d.get(Fields.DOC_ID), 1, Integer::sum);
                    chunkIds.merge(d.get(Fields.ID), 1, Integer::sum);
                } else {
                    assertThat(declared.put(d.get(Fields.DOC_ID), d.getField(Fields.CHUNK_COUNT).numericValue().intValue())).isNull();
                }
            }
            assertThat(chunks).isEqualTo(declared);
            assertThat(chunkIds.values()).allMatch(n -> n == 1);
        }
    }
}
