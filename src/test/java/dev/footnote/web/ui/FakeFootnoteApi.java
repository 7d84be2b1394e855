package dev.footnote.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Footnote HTTP API, speaking the web page's contract with canned answers, so the page can be
 * browser-tested before (and independently of) the real server. Serves the real static files from the classpath
 * ({@code /public}) and fakes {@code /api/ask} (SSE or JSON), {@code /api/documents}, {@code /api/documents/{docId}}
 * and {@code /api/search}.
 *
 * <p>Canned behaviour of {@code POST /api/ask}, chosen from the question:
 * <ul>
 *   <li>contains "weather": an abstention with the nearest passages as citations;</li>
 *   <li>contains "markup": an answer citing {@link #EVIL_DOC_ID}, whose text and title hold live-looking HTML;</li>
 *   <li>contains "slow": the normal answer, streamed very slowly (for Stop);</li>
 *   <li>contains "unavailable": a 503 {@code application/problem+json} error;</li>
 *   <li>non-empty history: a follow-up answer that first streams a remote draft, then {@code reset}s and streams the
 *       local answer ({@code generator: local}, with a {@code fallbackReason});</li>
 *   <li>otherwise: {@link #mainAnswer()} about the seed document.</li>
 * </ul>
 * Every citation's {@code quote} is {@code text.substring(start, end)} of its document, located with indexOf.
 */
public final class FakeFootnoteApi implements AutoCloseable {
    public static final String SEED_DOC_ID = "000_19ee0b4e2523900b";
    public static final String EVIL_DOC_ID = "untrusted_markup";
    public static final String EVIL_MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    public static final String DRAFT_MARKER = "REMOTE-DRAFT-DISCARDED";

    private static final ObjectMapper JSON = new ObjectMapper();

    record Doc(String id, String title, String date, String text) {}

    private final Map<String, Doc> docs = new LinkedHashMap<>();
    private final List<JsonNode> askRequests = new CopyOnWriteArrayList<>();
    private final List<String> askAcceptHeaders = new CopyOnWriteArrayList<>();
    private volatile long deltaDelayMs = 40;
    /** Background indexing as /health reports it: {done, total}, or null when idle. */
    private volatile long[] indexing;
    private Javalin app;

    public FakeFootnoteApi(Path seedFile) throws IOException {
        String seed = Files.readString(seedFile, StandardCharsets.UTF_8);
        docs.put(SEED_DOC_ID, new Doc(SEED_DOC_ID, "Blinken and Lavrov talks in Geneva", "2022-01-21", seed));
        docs.put(EVIL_DOC_ID, new Doc(EVIL_DOC_ID, "Untrusted page " + EVIL_MARKUP, "2023-05-02",
                "This page was scraped from the web and contains markup that must never run.\n\n"
                        + "Payload: " + EVIL_MARKUP + " end of payload.\n\n"
                        + "A safe viewer shows the tags above as plain characters."));
    }

    public FakeFootnoteApi start() {
        app = Javalin.create(config -> {
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.routes.post("/api/ask", this::ask);
            config.routes.get("/api/documents", this::documents);
            config.routes.get("/api/documents/{docId}", this::document);
            config.routes.get("/api/search", this::search);
            config.routes.get("/health", this::health);
        }).start(0);
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + app.port() + "/";
    }

    @Override
    public void close() {
        if (app != null) app.stop();
    }

    /** The JSON bodies received by {@code POST /api/ask}, in order. */
    public List<JsonNode> askRequests() {
        return List.copyOf(askRequests);
    }

    public List<String> askAcceptHeaders() {
        return List.copyOf(askAcceptHeaders);
    }

    public void clearRequests() {
        askRequests.clear();
        askAcceptHeaders.clear();
    }

    /** Makes /health report indexing under way, {@code done} of {@code total} documents; null total: finished. */
    public void indexing(long done, Long total) {
        this.indexing = total == null ? null : new long[] {done, total};
    }

    private void health(Context ctx) {
        long[] ix = indexing;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("active", ix != null);
        if (ix != null) {
            status.put("documentsDone", ix[0]);
            status.put("documentsTotal", ix[1]);
        }
        ctx.json(Map.of("status", "ok", "indexing", status));
    }

    public void deltaDelayMs(long ms) {
        this.deltaDelayMs = ms;
    }

    public String documentText(String docId) {
        return docs.get(docId).text();
    }

    // ------------------------------------------------------------------ canned answers

    /** One sentence of a canned answer: its text, support verdict, reason, and the quotes it cites. */
    record Sentence(String text, String support, String reason, List<Integer> citations) {}

    /** The answer to a plain question about the seed document. */
    public ObjectNode mainAnswer(String question) {
        Doc seed = docs.get(SEED_DOC_ID);
        List<ObjectNode> cites = List.of(
                citation(1, seed, "the United States is open to the idea of holding a summit to resolve the conflict between the two European countries"),
                citation(2, seed, "US Government Announced $ 200 million in defense assistance to Ukraine"),
                citation(3, seed, "Blingen is expected to meet with Ukrainian President Volodymyr Zhelensky in Kiev on Wednesday."));
        List<Sentence> sentences = List.of(
                new Sentence("Secretary Blinken said the United States is open to holding a summit to resolve the conflict.",
                        "supported", null, List.of(1)),
                new Sentence("Washington also announced $200 million in defense assistance to Ukraine.", "supported", null, List.of(2)),
                new Sentence("Blinken was due to meet President Zelensky in Kyiv the following week.", "partial",
                        "The source says Wednesday, not the following week.", List.of(3)));
        return answer(question, null, sentences, cites, false, "openai", null);
    }

    public ObjectNode mainAnswer() {
        return mainAnswer("Is the United States open to a summit with Russia?");
    }

    private ObjectNode followUpAnswer(String question) {
        Doc seed = docs.get(SEED_DOC_ID);
        List<ObjectNode> cites = List.of(
                citation(1, seed, "Blingen is expected to meet with Ukrainian President Volodymyr Zhelensky in Kiev on Wednesday."),
                citation(2, seed, "both sides agreed to return to their capitals and hold consultations before meeting again"));
        List<Sentence> sentences = List.of(
                new Sentence("Blinken was expected to meet Volodymyr Zelensky in Kyiv on Wednesday.", "supported", null, List.of(1)),
                new Sentence("Both sides agreed to consult in their capitals before meeting again.", "supported", null, List.of(2)));
        return answer(question, "When is Blinken expected to meet Zelensky in Kyiv?", sentences, cites, false, "local",
                "openai: HTTP 429 rate limited");
    }

    private ObjectNode abstention(String question) {
        Doc seed = docs.get(SEED_DOC_ID);
        List<ObjectNode> cites = List.of(
                citation(1, seed, "Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland"),
                citation(2, seed, "Russian troops concentrated on the border with Ukraine"));
        ObjectNode a = answer(question, null, List.of(), cites, true, "local", null);
        a.put("answer", "The indexed documents do not say what the weather was in Geneva. The closest passages mention the talks held there.");
        return a;
    }

    private ObjectNode markupAnswer(String question) {
        Doc evil = docs.get(EVIL_DOC_ID);
        List<ObjectNode> cites = List.of(citation(1, evil, "Payload: " + EVIL_MARKUP + " end of payload."));
        List<Sentence> sentences = List.of(new Sentence("The page contains the literal markup " + EVIL_MARKUP
                + " <img src=y onerror=alert(3)> as text.", "supported", null, List.of(1)));
        return answer(question, null, sentences, cites, false, "openai", null);
    }

    private ObjectNode answer(String question, String rewritten, List<Sentence> sentences, List<ObjectNode> cites,
                              boolean abstained, String generator, String fallbackReason) {
        ObjectNode a = JSON.createObjectNode();
        a.put("question", question);
        a.put("rewrittenQuestion", rewritten);
        StringBuilder text = new StringBuilder();
        ArrayNode ss = a.arrayNode();
        for (Sentence s : sentences) {
            if (text.length() > 0) text.append(' ');
            text.append(s.text());
            for (int id : s.citations()) text.append('[').append(id).append(']');
            ObjectNode sn = ss.addObject();
            sn.put("text", s.text());
            ArrayNode ids = sn.putArray("citations");
            s.citations().forEach(ids::add);
            sn.put("support", s.support());
            sn.put("reason", s.reason());
        }
        a.put("answer", text.toString());
        a.put("abstained", abstained);
        a.put("generator", generator);
        a.put("fallbackReason", fallbackReason);
        a.set("sentences", ss);
        a.putArray("citations").addAll(cites);
        ObjectNode t = a.putObject("timingsMs");
        t.put("retrieve", 12);
        t.put("generate", 640);
        t.put("total", 671);
        return a;
    }

    /** A citation of {@code quote} in {@code doc}; the passage is the paragraph holding it. */
    private static ObjectNode citation(int id, Doc doc, String quote) {
        String text = doc.text();
        int start = text.indexOf(quote);
        if (start < 0) throw new IllegalStateException("quote not in " + doc.id() + ": " + quote);
        int end = start + quote.length();
        int[] p = paragraphAround(text, start, end);
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("docId", doc.id());
        c.put("title", doc.title());
        c.put("date", doc.date());
        c.put("chunkId", doc.id() + "#" + p[2]);
        c.put("passage", text.substring(p[0], p[1]));
        c.put("passageStart", p[0]);
        c.put("passageEnd", p[1]);
        c.put("start", start);
        c.put("end", end);
        c.put("quote", text.substring(start, end));
        return c;
    }

    /** [start, end, index] of the blank-line separated paragraph containing [from, to). */
    private static int[] paragraphAround(String text, int from, int to) {
        int ps = text.lastIndexOf("\n\n", from);
        ps = ps < 0 ? 0 : ps + 2;
        int pe = text.indexOf("\n\n", to);
        pe = pe < 0 ? text.length() : pe;
        int index = 0;
        for (int i = text.indexOf("\n\n"); i >= 0 && i < ps; i = text.indexOf("\n\n", i + 2)) index++;
        return new int[] {ps, pe, index};
    }

    // ------------------------------------------------------------------ handlers

    private void ask(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        askRequests.add(body);
        String accept = ctx.header("Accept");
        askAcceptHeaders.add(accept == null ? "" : accept);
        String question = body.path("question").asText("");
        if (question.isBlank()) {
            problem(ctx, 400, "Bad request", "question is blank");
            return;
        }
        String q = question.toLowerCase(Locale.ROOT);
        if (q.contains("unavailable")) {
            problem(ctx, 503, "Index unavailable", "No index found; run the ingest command first.");
            return;
        }
        boolean followUp = body.path("history").isArray() && body.path("history").size() > 0;
        ObjectNode answer;
        long delay = deltaDelayMs;
        if (q.contains("weather")) answer = abstention(question);
        else if (q.contains("markup")) answer = markupAnswer(question);
        else if (followUp) answer = followUpAnswer(question);
        else answer = mainAnswer(question);
        if (q.contains("slow")) delay = 1500;

        if (accept == null || !accept.contains("text/event-stream")) {
            ctx.contentType("application/json").result(JSON.writeValueAsString(answer));
            return;
        }
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream;charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        OutputStream out = res.getOutputStream();

        ObjectNode retrieval = JSON.createObjectNode();
        ArrayNode passages = retrieval.putArray("passages");
        double score = 1.0;
        for (JsonNode c : answer.path("citations")) {
            ObjectNode p = passages.addObject();
            p.put("chunkId", c.path("chunkId").asText());
            p.put("docId", c.path("docId").asText());
            p.put("title", c.path("title").asText());
            p.put("date", c.path("date").asText());
            p.put("start", c.path("passageStart").asInt());
            p.put("end", c.path("passageEnd").asInt());
            p.put("text", c.path("passage").asText());
            p.put("score", score);
            score *= 0.8;
        }
        event(out, "retrieval", retrieval);
        sleep(delay);
        if (answer.path("generator").asText().equals("local") && answer.hasNonNull("fallbackReason")) {
            for (String piece : words("This " + DRAFT_MARKER + " text came from the remote model before it failed.")) {
                event(out, "delta", JSON.createObjectNode().put("text", piece));
                sleep(delay);
            }
            event(out, "reset", JSON.createObjectNode().put("reason", answer.path("fallbackReason").asText()));
        }
        for (String piece : words(answer.path("answer").asText())) {
            event(out, "delta", JSON.createObjectNode().put("text", piece));
            sleep(delay);
        }
        for (JsonNode c : answer.path("citations")) event(out, "citation", c);
        event(out, "done", answer);
    }

    /** Splits text into deltas of about two words each, keeping every character (spaces included). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = 0;
        for (int j = 0; j < text.length(); j++) {
            if (text.charAt(j) == ' ' && ++n % 2 == 0) {
                out.add(text.substring(i, j + 1));
                i = j + 1;
            }
        }
        if (i < text.length()) out.add(text.substring(i));
        return out;
    }

    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        String frame = "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void documents(Context ctx) throws Exception {
        ArrayNode list = JSON.createArrayNode();
        for (Doc d : docs.values()) {
            ObjectNode o = list.addObject();
            o.put("id", d.id());
            o.put("title", d.title());
            o.put("date", d.date());
            o.put("chunks", d.text().split("\n\n").length);
            o.put("size", d.text().getBytes(StandardCharsets.UTF_8).length);
        }
        ctx.contentType("application/json").result(JSON.writeValueAsString(list));
    }

    private void document(Context ctx) throws Exception {
        Doc d = docs.get(ctx.pathParam("docId"));
        if (d == null) {
            problem(ctx, 404, "Document not found", "No document with id " + ctx.pathParam("docId"));
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("date", d.date());
        o.put("text", d.text());
        o.put("chunks", d.text().split("\n\n").length);
        o.put("size", d.text().getBytes(StandardCharsets.UTF_8).length);
        ctx.contentType("application/json").result(JSON.writeValueAsString(o));
    }

    private void search(Context ctx) throws Exception {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        int k = ctx.queryParam("k") == null ? 10 : Integer.parseInt(ctx.queryParam("k"));
        List<String> terms = new ArrayList<>();
        for (String t : q.toLowerCase(Locale.ROOT).split("\\W+")) if (t.length() > 1) terms.add(t);
        List<ObjectNode> hits = new ArrayList<>();
        for (Doc d : docs.values()) {
            String text = d.text();
            int ps = 0;
            int index = 0;
            while (ps < text.length()) {
                int pe = text.indexOf("\n\n", ps);
                if (pe < 0) pe = text.length();
                String para = text.substring(ps, pe);
                String lower = para.toLowerCase(Locale.ROOT);
                int score = 0;
                for (String t : terms) if (lower.contains(t)) score++;
                if (score > 0 && !para.isBlank()) {
                    ObjectNode h = JSON.createObjectNode();
                    h.put("chunkId", d.id() + "#" + index);
                    h.put("docId", d.id());
                    h.put("title", d.title());
                    h.put("date", d.date());
                    h.put("start", ps);
                    h.put("end", pe);
                    h.put("text", para);
                    h.put("snippet", para.length() > 160 ? para.substring(0, 160) : para);
                    h.put("score", (double) score);
                    hits.add(h);
                }
                ps = pe + 2;
                index++;
            }
        }
        hits.sort((a, b) -> Double.compare(b.path("score").asDouble(), a.path("score").asDouble()));
        ObjectNode o = JSON.createObjectNode();
        o.put("query", q);
        o.putArray("hits").addAll(hits.subList(0, Math.min(k, hits.size())));
        ctx.contentType("application/json").result(JSON.writeValueAsString(o));
    }

    private static void problem(Context ctx, int status, String title, String detail) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        ctx.status(status).contentType("application/problem+json").result(JSON.writeValueAsString(p));
    }
}
