package dev.footnote.ingest;

import java.util.List;

/** A set of documents to keep the index in step with: a seeds folder, a benchmark file, a list in memory. */
public interface Corpus {
    /** Every entry, plus the files that were refused before loading (unsupported, unreadable). */
    Listing list();

    /** What a corpus holds right now. */
    record Listing(List<CorpusEntry> entries, List<Skipped> skipped) {
        public Listing {
            entries = List.copyOf(entries);
            skipped = List.copyOf(skipped);
        }
    }

    /** A file left out, and why. */
    record Skipped(String path, String reason) {
    }
}
