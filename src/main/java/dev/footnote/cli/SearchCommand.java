package dev.footnote.cli;

import dev.footnote.App;
import dev.footnote.answer.local.Calibration;
import dev.footnote.config.Settings;
import dev.footnote.engine.Engine;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.util.List;
import java.util.Locale;
import java.util.Set;

final class SearchCommand implements Command {
    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "print the passages that best match a question, with offsets";
    }

    @Override
    public String usage() {
        return """
                Usage: footnote search "question" [--k N] [--mode bm25|vector|hybrid] [--index DIR]

                Searches the existing index (run 'ingest' or 'serve' first) and prints the top passages with
                document title, score and [start, end) offsets into the document text.""";
    }

    @Override
    public int run(List<String> argv) {
        Args a = new Args(argv, Set.of(), Set.of("k", "mode", "index", "seeds"));
        if (a.positional().isEmpty() || String.join(" ", a.positional()).isBlank()) {
            throw new Args.UsageException("give the question to search for");
        }
        String q = String.join(" ", a.positional());
        Settings s = CliSettings.load(a);
        int k = a.intOr("k", s.topK(), 1, 1000);
        Retriever.Mode mode = EvalCommand.mode(a.get("mode"));
        if (!Engine.exists(s.backend(), s.indexDir())) {
            System.err.println("footnote search: no index at " + s.indexDir().toAbsolutePath() + "; run 'ingest' first");
            return 1;
        }
        // read-only: works while a running server holds the writer
        try (App app = App.readOnly(s, new App.Tuning(mode, FusionParams.DEFAULT, Calibration.DEFAULT))) {
            List<Hit> hits = app.retriever().retrieve(new SearchQuery(q, app.embedder()), k);
            if (hits.isEmpty()) System.out.println("no passages found");
            int n = 1;
            for (Hit h : hits) {
                var p = h.passage();
                System.out.printf(Locale.ROOT, "%d. %s (%s)%s  score %.4f  [%d, %d)%n   %s%n%n", n++, p.title(), p.docId(),
                        p.date() == null ? "" : " " + p.date(), h.score(), p.span().start(), p.span().end(),
                        abbreviate(p.text().replaceAll("\\s+", " "), 300));
            }
        }
        return 0;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
