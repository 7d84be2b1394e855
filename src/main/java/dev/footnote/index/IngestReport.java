package dev.footnote.index;

import dev.footnote.ingest.Corpus;
import java.util.List;

/** What one ingest did: counts, skipped files with reasons, and how long it took. */
public record IngestReport(int files, int added, int updated, int unchanged, int deleted, int chunks,
                           List<Corpus.Skipped> skipped, double seconds, double embedSeconds) {
    public IngestReport {
        skipped = List.copyOf(skipped);
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d files: %d added, %d updated, %d unchanged, %d deleted, %d skipped; %d chunks indexed in %.1f s (embedding %.1f s)",
                files, added, updated, unchanged, deleted, skipped.size(), chunks, seconds, embedSeconds);
    }
}
