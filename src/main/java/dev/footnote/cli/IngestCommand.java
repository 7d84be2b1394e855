package dev.footnote.cli;

import dev.footnote.App;
import dev.footnote.config.ConfigSource;
import dev.footnote.config.Settings;
import dev.footnote.index.IndexLockedException;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Progress;
import java.util.List;
import java.util.Set;

final class IngestCommand implements Command {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "bring the index up to date with the seeds folder";
    }

    @Override
    public String usage() {
        return """
                Usage: footnote ingest [--seeds DIR] [--index DIR] [--allow-empty]

                Indexes every .txt, .md, .html, .pdf, .docx, .pptx, .xlsx and .odt file under the seeds folder.
                Unchanged files are skipped, changed ones replaced, deleted ones removed. Prints a summary with the skipped files and why.
                  --seeds DIR   seeds folder (default FOOTNOTE_SEEDS_DIR, 'seeds')
                  --index DIR   index folder (default FOOTNOTE_INDEX_DIR, 'data/index')
                  --allow-empty let an empty seeds folder empty the index (refused otherwise, as is a missing folder)""";
    }

    @Override
    public int run(List<String> argv) {
        Args a = new Args(argv, Set.of("allow-empty"), Set.of("seeds", "index"));
        Settings s = CliSettings.load(a);
        App opened;
        try {
            opened = App.create(s);
        } catch (IndexLockedException e) {
            System.err.println("footnote ingest: the index at " + s.indexDir().toAbsolutePath() + " is in use by another Footnote"
                    + " process, most likely a running 'serve'. A server indexes the seeds folder itself: it takes in new and"
                    + " changed files when it starts, or at once on POST /api/reindex (with FOOTNOTE_ADMIN_TOKEN). To run"
                    + " 'ingest' yourself, stop that process first, or pass another --index.");
            return 1;
        }
        try (App app = opened) {
            IngestReport r = app.syncSeeds(Progress.console("ingest", 0), a.flag("allow-empty"));
            System.out.println(r.summary());
            r.skipped().forEach(k -> System.out.println("  skipped " + k.path() + ": " + k.reason()));
        }
        return 0;
    }
}
