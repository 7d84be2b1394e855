package dev.footnote.cli;

import dev.footnote.App;
import dev.footnote.config.Settings;
import dev.footnote.feedback.FeedbackStoreException;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Progress;
import dev.footnote.web.api.WebServer;
import java.util.List;
import java.util.Set;

/** {@code serve}: opens the index, starts the web server (live, not yet ready), syncs the seeds, then reports ready. */
final class ServeCommand implements Command {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "start the web UI and HTTP API (indexes the seeds folder first)";
    }

    @Override
    public String usage() {
        return """
                Usage: footnote serve [--port N] [--seeds DIR] [--index DIR]

                Starts the chat page and the HTTP API (see /openapi.json) over what is already indexed, and brings the
                index up to date with the seeds folder in the background. /ready answers 200 once the index is open;
                /health reports the indexing progress (documents done of the total, rate, time left). Listens on
                FOOTNOTE_HOST (127.0.0.1 unless set); a missing or suddenly empty seeds folder stops it (exit 1).
                  --port N      port to listen on (default FOOTNOTE_PORT, 7070; 0 picks a free one)
                  --seeds DIR   seeds folder (default FOOTNOTE_SEEDS_DIR, 'seeds')
                  --index DIR   index folder (default FOOTNOTE_INDEX_DIR, 'data/index')""";
    }

    @Override
    public int run(List<String> argv) {
        Args a = new Args(argv, Set.of(), Set.of("port", "seeds", "index"));
        Settings s = CliSettings.load(a);
        s = s.withPort(a.intOr("port", s.port(), 0, 65535));
        App app = App.create(s);
        WebServer web;
        try {
            web = app.webServer().start(s.port());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            app.close();
        }, "footnote-shutdown"));
        openFeedback(app);
        if (s.llm().enabled()) {
            dev.footnote.answer.ModelStatus m = app.checkModel();
            if (m.state().equals("ok")) {
                log.info("language model {} / {}: {}", m.provider(), m.model(), m.detail());
            } else {
                log.warn("WARNING: language model {} / {} is not usable ({}: {}); answers will come from the local answerer "
                        + "until this is fixed (check FOOTNOTE_LLM_API_KEY, FOOTNOTE_LLM_MODEL, FOOTNOTE_LLM_BASE_URL)",
                        m.provider(), m.model(), m.state(), m.detail());
            }
        }
        app.checkSeeds(); // a missing or suddenly empty seeds folder stops the start (exit 1), as before
        web.markReady();
        System.out.println("Footnote is ready at http://" + displayHost(s.server().host()) + ":" + web.port()
                + "/ (indexing the seeds folder in the background)");
        app.syncSeedsInBackground(Progress.console("indexing", 0)).whenComplete((r, e) -> {
            if (e != null) {
                // what was committed stays searchable; the next start picks up the rest
                System.err.println("footnote serve: indexing stopped: " + e.getMessage());
            } else {
                System.out.println(r.summary());
                r.skipped().forEach(k -> System.out.println("  skipped " + k.path() + ": " + k.reason()));
                System.out.println("the index is up to date with " + app.settings().seedsDir());
            }
        });
        return 0;
    }

    /** Creates or migrates the feedback schema now; a database that is down only disables feedback until it is back. */
    private static void openFeedback(App app) {
        try {
            app.feedback();
        } catch (FeedbackStoreException e) {
            System.err.println("warning: " + e.getMessage() + " (feedback is refused until it is reachable)");
        }
    }

    private static String displayHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")) return "localhost";
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
