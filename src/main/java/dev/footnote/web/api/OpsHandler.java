package dev.footnote.web.api;

import dev.footnote.answer.AnswerStats;
import dev.footnote.index.Indexer;
import dev.footnote.library.IndexStats;
import dev.footnote.library.Library;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, readiness, Prometheus metrics and the OpenAPI description. */
final class OpsHandler {
    private final BooleanSupplier ready;
    private final HttpMetrics http;
    private final AnswerStats answers;
    private final Library library;
    private final byte[] openapi;
    private final java.util.function.Supplier<Map<String, Long>> gauges;
    private final java.util.function.Supplier<Indexer.Status> indexing;

    private final java.util.function.Supplier<dev.footnote.answer.ModelStatus> model;

    OpsHandler(BooleanSupplier ready, HttpMetrics http, AnswerStats answers, Library library,
               java.util.function.Supplier<Map<String, Long>> gauges, java.util.function.Supplier<dev.footnote.answer.ModelStatus> model,
               java.util.function.Supplier<Indexer.Status> indexing) {
        this.model = model;
        this.indexing = indexing;
        this.gauges = gauges;
        this.ready = ready;
        this.http = http;
        this.answers = answers;
        this.library = library;
        try (InputStream in = OpsHandler.class.getResourceAsStream("/openapi.json")) {
            this.openapi = in == null ? "{}".getBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Liveness, and where indexing stands: documents done of the total, rates, seconds left. */
    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        // the server is up either way; a model that refuses its key is reported, not fatal
        body.put("model", model.get());
        body.put("indexing", indexing(indexing.get()));
        ctx.json(body);
    }

    static Map<String, Object> indexing(Indexer.Status status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", status.indexing());
        status.progress().ifPresent(p -> {
            m.put("documentsDone", p.done());
            m.put("documentsTotal", p.total());
            m.put("chunks", p.chunks());
            m.put("documentsPerSecond", Math.round(p.documentsPerSecond() * 100) / 100.0);
            m.put("chunksPerSecond", Math.round(p.chunksPerSecond() * 100) / 100.0);
            m.put("etaSeconds", p.etaSeconds() < 0 ? null : p.etaSeconds());
        });
        return m;
    }

    void ready(Context ctx) {
        boolean r = ready.getAsBoolean();
        ctx.status(r ? 200 : 503).json(Map.of("status", r ? "ready" : "starting"));
    }

    void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    void metrics(Context ctx) {
        StringBuilder out = new StringBuilder();
        http.write(out);
        counter(out, "footnote_answers_total", "Answers by generator.", "generator", answers.answersByGenerator());
        counter(out, "footnote_answer_fallbacks_total", "Answers given by the local answerer instead of the model, by reason.",
                "reason", answers.fallbacksByReason());
        counter(out, "footnote_answer_stage_milliseconds_total", "Time spent in each answer stage.", "stage", answers.millisByStage());
        out.append("# TYPE footnote_answer_abstentions_total counter\nfootnote_answer_abstentions_total ")
                .append(answers.abstentions()).append('\n');
        IndexStats s = library.stats();
        gauge(out, "footnote_index_documents", s.documents());
        gauge(out, "footnote_index_chunks", s.chunks());
        gauge(out, "footnote_index_size_bytes", s.bytes());
        gauges.get().forEach((name, value) -> gauge(out, name, value));
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(out.toString());
    }

    private static void counter(StringBuilder out, String name, String help, String label, Map<String, Long> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n");
        values.forEach((k, v) -> out.append(name).append('{').append(label).append("=\"").append(HttpMetrics.escape(k))
                .append("\"} ").append(v).append('\n'));
    }

    private static void gauge(StringBuilder out, String name, long value) {
        out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
