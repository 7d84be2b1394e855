package dev.footnote.index;

import dev.footnote.engine.lucene.LuceneIndex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.support.Fixtures;
import dev.footnote.support.Skip;
import dev.footnote.support.TestEmbedders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
    @TempDir
    Path tmp;

    @Test
    void a_second_ingest_of_unchanged_files_embeds_nothing() {
        // given
        Path seeds = Fixtures.copy("mini", tmp.resolve("seeds"));
        TestEmbedders.Counting embedder = new TestEmbedders.Counting(TestEmbedders.real());
        try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), 384)) {
            Indexer indexer = new Indexer(index, embedder, new Chunker());
            IngestReport first = indexer.sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            int embeddedFirst = embedder.passages.get();
            // when
            IngestReport second = indexer.sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            // then
            assertThat(first.added()).isEqualTo(5);
            assertThat(embeddedFirst).isGreaterThan(0);
            assertThat(second.unchanged()).isEqualTo(5);
            assertThat(second.added() + second.updated() + second.deleted()).isZero();
            assertThat(embedder.passages.get()).isEqualTo(embeddedFirst);
        }
    }

    @Test
    void a_changed_file_replaces_its_chunks_and_a_deleted_file_disappears() throws Exception {
        Path seeds = Fixtures.copy("mini", tmp.resolve("seeds"));
        try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), 384)) {
            Indexer indexer = new Indexer(index, TestEmbedders.real(), new Chunker());
            indexer.sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            int chunksBefore = index.chunkCount();
            // when
            Files.writeString(seeds.resolve("chess.txt"), "Checkers is played on an eight by eight board with twelve pieces each.");
            Files.delete(seeds.resolve("rivers.md"));
            IngestReport r = indexer.sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            // then
            assertThat(r.updated()).isEqualTo(1);
            assertThat(r.deleted()).isEqualTo(1);
            assertThat(index.document("rivers.md")).isEmpty();
            assertThat(index.document("chess.txt").orElseThrow().text()).startsWith("Checkers");
            assertThat(index.chunkCount()).isLessThan(chunksBefore);
            var retriever = new LuceneRetriever(index, Retriever.Mode.BM25, FusionParams.DEFAULT);
            assertThat(retriever.retrieve(new SearchQuery("Fischer Spassky Reykjavik", TestEmbedders.real()), 10))
                    .noneMatch(h -> h.passage().docId().equals("chess.txt"));
            assertThat(retriever.retrieve(new SearchQuery("Danube Nile", TestEmbedders.real()), 10))
                    .noneMatch(h -> h.passage().docId().equals("rivers.md"));
        }
    }

    @Test
    void bad_files_are_skipped_and_reported_and_the_rest_indexed() {
        Path seeds = Fixtures.copy("formats", tmp.resolve("seeds"));
        try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), 384)) {
            IngestReport r = new Indexer(index, TestEmbedders.real(), new Chunker())
                    .sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            assertThat(r.skipped()).extracting(s -> s.path())
                    .containsExactlyInAnyOrder("empty.txt", "binary.txt", "nul.md", "broken.pdf");
            assertThat(r.added()).isEqualTo(3);
            assertThat(index.documents(false)).extracting(StoredDocument::id)
                    .containsExactly("front-matter.md", "news.txt", "page.html");
        }
    }

    @Test
    void an_unwritable_index_directory_fails_with_its_path_named() throws Exception {
        Path ro = tmp.resolve("readonly");
        Files.createDirectories(ro);
        ro.toFile().setWritable(false);
        try {
            // root writes anywhere; IndexFaultsIT covers that case with a read-only tmpfs
            if (Files.isWritable(ro)) throw Skip.because("IndexerTest unwritable index", "running as a user who can write anywhere");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LuceneIndex.open(ro, 384))
                    .isInstanceOf(IndexUnavailableException.class).hasMessageContaining(ro.toAbsolutePath().toString());
        } finally {
            ro.toFile().setWritable(true);
        }
    }
}
