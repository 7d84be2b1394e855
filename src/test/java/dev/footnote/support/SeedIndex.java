package dev.footnote.support;

import dev.footnote.index.Indexer;
import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A real on-disk index of the seed document plus the mini corpus, in a temp folder, with the real embedder. */
public final class SeedIndex implements AutoCloseable {
    public final Path dir;
    public final LuceneIndex index;
    public final LuceneRetriever retriever;

    public SeedIndex() {
        try {
            dir = Files.createTempDirectory("seed-index");
            Path seeds = Fixtures.copy("mini", dir.resolve("seeds"));
            Files.copy(Fixtures.seedDocument(), seeds.resolve("000_19ee0b4e2523900b.txt"), StandardCopyOption.REPLACE_EXISTING);
            index = LuceneIndex.open(dir.resolve("index"), 384);
            new Indexer(index, TestEmbedders.real(), new Chunker()).sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
            retriever = new LuceneRetriever(index, Retriever.Mode.HYBRID, FusionParams.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
