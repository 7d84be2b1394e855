package dev.footnote.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footnote.App;
import dev.footnote.config.Settings;
import dev.footnote.index.Progress;
import dev.footnote.web.api.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Footnote app (index, local answerer, HTTP API and the web page) on port 0, over a temp Lucene index of a
 * temp seeds folder holding the seed document and a hostile Markdown document whose text carries script markup (or,
 * through {@link #over}, a test's own files).
 */
final class RealFootnoteApp implements AutoCloseable {
    static final String SEED_FILE = "000_19ee0b4e2523900b.txt";
    static final String HOSTILE_FILE = "hostile.md";
    /** Document ids are paths relative to the seeds folder. */
    static final String SEED_DOC_ID = SEED_FILE;
    static final String HOSTILE_DOC_ID = HOSTILE_FILE;
    static final String HOSTILE_MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    static final String HOSTILE_TITLE = "Beekeeping on Varnholm <img src=x onerror=alert(4)>";

    private final Path root;
    private final App app;
    private final WebServer web;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private RealFootnoteApp(Map<String, byte[]> seedFiles, dev.footnote.config.ServerSettings http,
                            dev.footnote.config.LlmSettings llm) throws IOException {
        root = Files.createTempDirectory("footnote-ui-");
        Path seeds = Files.createDirectories(root.resolve("seeds"));
        for (Map.Entry<String, byte[]> f : seedFiles.entrySet()) Files.write(seeds.resolve(f.getKey()), f.getValue());
        Settings settings = Settings.defaults().withDirs(seeds, root.resolve("index")).withServer(http).withLlm(llm);
        App started = App.create(settings);
        WebServer server = null;
        try {
            // as serve does: one authenticated call to the configured model before the first question
            if (llm.enabled()) started.checkModel();
            started.syncSeeds(Progress.silent());
            server = started.webServer().start(0);
            server.markReady();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        app = started;
        web = server;
    }

    static RealFootnoteApp start() throws IOException {
        return start(dev.footnote.config.ServerSettings.open());
    }

    /** With these HTTP settings, such as an API token. */
    static RealFootnoteApp start(dev.footnote.config.ServerSettings server) throws IOException {
        return new RealFootnoteApp(seedAndHostile(), server, dev.footnote.config.LlmSettings.none());
    }

    /** Over the seed and hostile documents, answering with {@code llm} (such as a stub model server) when it can. */
    static RealFootnoteApp withModel(dev.footnote.config.LlmSettings llm) throws IOException {
        return new RealFootnoteApp(seedAndHostile(), dev.footnote.config.ServerSettings.open(), llm);
    }

    /** Over just {@code seedFiles} (file name to bytes) instead of the seed and hostile documents, default settings. */
    static RealFootnoteApp over(Map<String, byte[]> seedFiles) throws IOException {
        return new RealFootnoteApp(seedFiles, Settings.defaults().server(), dev.footnote.config.LlmSettings.none());
    }

    private static Map<String, byte[]> seedAndHostile() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(SEED_FILE, Files.readAllBytes(Path.of("seeds", SEED_FILE)));
        files.put(HOSTILE_FILE, """
                ---
                title: %s
                date: 2023-05-04
                ---
                The beekeepers of Varnholm island harvest heather honey in late August.
                Their hives stand in painted wooden boxes along the northern cliffs. %s
                Each hive on Varnholm produces about twelve kilograms of heather honey a year.
                """.formatted(HOSTILE_TITLE, HOSTILE_MARKUP).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The index folder, which also holds the embedded feedback database. */
    Path indexDir() {
        return root.resolve("index");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + web.port() + "/";
    }

    /** POST /api/ask as JSON: the same answer the page gets at the end of its stream. */
    JsonNode ask(String question, List<String[]> history) {
        ObjectNode body = json.createObjectNode().put("question", question).put("topK", 8);
        var h = body.putArray("history");
        for (String[] turn : history) h.addObject().put("role", turn[0]).put("content", turn[1]);
        return send(request("api/ask").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    JsonNode document(String docId) {
        return get("api/documents/" + URLEncoder.encode(docId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web.close();
        app.close();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
