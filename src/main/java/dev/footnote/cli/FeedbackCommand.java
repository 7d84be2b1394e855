package dev.footnote.cli;

import dev.footnote.config.ConfigSource;
import dev.footnote.config.FeedbackSettings;
import dev.footnote.feedback.CaseExport;
import dev.footnote.feedback.FeedbackStore;
import dev.footnote.feedback.FeedbackStoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code feedback export --format cases}: readers' verdicts on footnotes as citation-verification cases (JSON lines,
 * the {@code eval citations} format). Opens only the feedback database, so it runs beside a live {@code serve}.
 */
final class FeedbackCommand implements Command {
    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public String summary() {
        return "export readers' verdicts on footnotes as citation-verification cases";
    }

    @Override
    public String usage() {
        return """
                Usage: footnote feedback export --format cases [--out FILE] [--index DIR]

                Writes every "supports this sentence? yes/no" report as one JSON line in the eval citations case
                format: claim (the answer sentence), passage {id, title, text}, label (supported | unsupported), plus
                source {answerId, question, docId, start, end, quote, comment, reportedAt}. Thumbs up/down on whole
                answers are not cases and are left out.
                  --format cases  the output format (the only one)
                  --out FILE      write to FILE instead of stdout
                  --index DIR     index folder holding the embedded database (default FOOTNOTE_INDEX_DIR);
                                  FOOTNOTE_DB_URL, when set, names the database instead""";
    }

    @Override
    public int run(List<String> argv) throws IOException {
        if (argv.isEmpty() || !argv.get(0).equals("export")) throw new Args.UsageException("the only subcommand is 'export'");
        Args a = new Args(argv.subList(1, argv.size()), Set.of(), Set.of("format", "out", "index", "seeds"));
        String format = a.get("format");
        if (!"cases".equals(format)) throw new Args.UsageException("--format cases is required (the only format)");
        Path index = CliSettings.load(a).indexDir();
        FeedbackSettings db = FeedbackSettings.load(ConfigSource.system(), index);
        return export(db, a.get("out"));
    }

    private static int export(FeedbackSettings db, String out) throws IOException {
        int n;
        try (FeedbackStore store = FeedbackStore.reader(db);
             Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                     : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            n = new CaseExport().write(store, w);
        } catch (FeedbackStoreException e) {
            System.err.println("footnote feedback: " + e.getMessage());
            return 1;
        }
        System.err.println("footnote feedback: exported " + n + " case" + (n == 1 ? "" : "s") + (out == null ? "" : " to " + out));
        return 0;
    }
}
