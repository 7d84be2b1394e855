package dev.footnote.engine.lucene;

import dev.footnote.index.Analyzers;
import dev.footnote.index.IndexLockedException;
import dev.footnote.index.IndexUnavailableException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** The index folder on disk: opening it for writing (failures named by path, for the CLI and HTTP start-up), or reading. */
final class LuceneFolder {
    private LuceneFolder() {
    }

    /** An open folder: its directory, the one writer, and the searchers refreshed from that writer. */
    record Opened(Directory directory, IndexWriter writer, SearcherManager searchers) {
    }

    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader r, org.apache.lucene.index.IndexReader prev) {
            IndexSearcher s = new IndexSearcher(r);
            s.setSimilarity(LuceneRecords.SIMILARITY);
            return s;
        }
    };

    /**
     * Opens an existing folder for reading only, without the write lock (writer null): works while another process
     * (a running {@code serve}) holds the writer, and sees what that process commits.
     */
    static Opened openReadOnly(Path path) {
        if (!exists(path)) throw new IndexUnavailableException("no index at " + path.toAbsolutePath() + "; run 'ingest' first", null);
        Directory dir = null;
        try {
            dir = FSDirectory.open(path);
            return new Opened(dir, null, new SearcherManager(dir, SEARCHERS));
        } catch (IOException | RuntimeException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("cannot open index at " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Opens (creating if needed) the folder for writing; fails with a message naming the path. */
    static Opened open(Path path) {
        Directory dir = null;
        try {
            Files.createDirectories(path);
            if (!Files.isWritable(path)) throw new AccessDeniedException(path.toString());
            dir = FSDirectory.open(path);
            IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.english())
                    .setSimilarity(LuceneRecords.SIMILARITY)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128);
            IndexWriter w = new IndexWriter(dir, cfg);
            if (w.getLiveCommitData() == null || !w.getLiveCommitData().iterator().hasNext()) {
                w.commit(); // an empty first commit so readers can open
            }
            return new Opened(dir, w, new SearcherManager(w, SEARCHERS));
        } catch (LockObtainFailedException e) {
            closeQuietly(dir);
            throw new IndexLockedException("index at " + path.toAbsolutePath() + " is locked by another Footnote process", e);
        } catch (AccessDeniedException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("index directory " + path.toAbsolutePath() + " is not writable", e);
        } catch (FileSystemException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("cannot open index directory " + path.toAbsolutePath() + ": " + e.getReason(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("cannot open index at " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    static boolean exists(Path path) {
        try (Directory d = FSDirectory.open(path)) {
            SegmentInfos.readLatestCommit(d);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static DirectoryReader openReader(Path path) throws IOException {
        return DirectoryReader.open(FSDirectory.open(path));
    }

    private static void closeQuietly(Directory d) {
        if (d == null) return;
        try {
            d.close();
        } catch (IOException ignored) {
            // already failing; the original error is the one to report
        }
    }
}
