package dev.footnote.cli;

import dev.footnote.App;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AskRequest;
import dev.footnote.cite.Citation;
import dev.footnote.config.Settings;
import dev.footnote.index.IndexLockedException;
import dev.footnote.index.Progress;
import java.util.List;
import java.util.Set;

final class AskCommand implements Command {
    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String summary() {
        return "answer a question from the seeds, with numbered footnotes";
    }

    @Override
    public String usage() {
        return """
                Usage: footnote ask "question" [--k N] [--seeds DIR] [--index DIR]

                Brings the index up to date with the seeds folder (as 'serve' does), then prints the answer and its
                footnotes (title, date, quote). While a server holds the index, answers from what it has indexed. Uses the configured model (FOOTNOTE_LLM_PROVIDER), else the local answerer.""";
    }

    @Override
    public int run(List<String> argv) {
        Args a = new Args(argv, Set.of(), Set.of("k", "seeds", "index"));
        String q = String.join(" ", a.positional()).strip();
        if (q.isEmpty()) throw new Args.UsageException("give the question to answer");
        Settings s = CliSettings.load(a);
        int k = a.intOr("k", s.topK(), 1, 50);
        App opened;
        boolean shared = false;
        try {
            opened = App.create(s);
        } catch (IndexLockedException e) {
            // a running server holds the writer and keeps the index in step with the seeds itself
            opened = App.readOnly(s);
            shared = true;
            System.err.println("note: a running Footnote process holds the index at " + s.indexDir().toAbsolutePath()
                    + "; answering from what it has indexed so far");
        }
        try (App app = opened) {
            if (!shared) app.syncSeeds(Progress.silent());
            Answer answer = app.answers().answer(new AskRequest(q, List.of(), k));
            System.out.println(render(answer));
        }
        return 0;
    }

    static String render(Answer a) {
        StringBuilder sb = new StringBuilder(a.answer()).append("\n");
        if (!a.citations().isEmpty()) sb.append(a.abstained() ? "\nNearest passages:\n" : "\n");
        for (Citation c : a.citations()) {
            sb.append('[').append(c.id()).append("] ").append(c.title());
            if (c.date() != null) sb.append(", ").append(c.date());
            sb.append(" (").append(c.docId()).append(c.where() == null ? "" : ", " + c.where()).append(", chars ").append(c.start()).append('-').append(c.end()).append(")\n");
            sb.append("    \"").append(c.quote().replaceAll("\\s+", " ")).append("\"\n");
        }
        sb.append("\n— answered by ").append(a.generator());
        if (a.fallbackReason() != null) sb.append(" (").append(a.fallbackReason().replace('_', ' ')).append(")");
        return sb.toString();
    }
}
