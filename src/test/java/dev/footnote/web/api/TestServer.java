package dev.footnote.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.App;
import dev.footnote.answer.llm.CircuitBreaker;
import dev.footnote.answer.llm.LangChain4jAnswerGenerator;
import dev.footnote.config.LlmSettings;
import dev.footnote.config.ServerSettings;
import dev.footnote.config.Settings;
import dev.footnote.index.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The real app on port 0 over a temp index of a small temp seeds folder, with a java.net.http client. */
final class TestServer implements AutoCloseable {
    static final String SEED = "000_19ee0b4e2523900b.txt";
    static final String EXTRA = "tea.md";
    final Path root;
    final Path seeds;
    final App app;
    final WebServer web;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    private TestServer(ServerSettings server, LlmSettings llm, int idleTimeoutMs) throws IOException {
        root = Files.createTempDirectory("footnote-web");
        seeds = Files.createDirectories(root.resolve("seeds"));
        Files.copy(Path.of("seeds", SEED), seeds.resolve(SEED));
        Files.writeString(seeds.resolve(EXTRA), """
                ---
                title: Tea at the Pemberton lighthouse
                date: 2021-06-01
                ---
                The Pemberton lighthouse keepers brewed smoked lapsang tea every evening at six.
                The lighthouse itself was built in 1871 from granite quarried on the Isle of Skye.
                """);
        Settings settings = Settings.defaults().withDirs(seeds, root.resolve("index")).withServer(server).withLlm(llm);
        app = App.create(settings);
        app.syncSeeds(Progress.silent());
        web = app.webServer().start(0, idleTimeoutMs);
        web.markReady();
    }

    static TestServer start() throws IOException {
        return start(ServerSettings.open());
    }

    static TestServer start(ServerSettings server) throws IOException {
        return start(server, LlmSettings.none());
    }

    /** With a language model configured, such as a {@code StubLlmServer}. */
    static TestServer start(ServerSettings server, LlmSettings llm) throws IOException {
        return new TestServer(server, llm, WebServer.IDLE_TIMEOUT_MS);
    }

    /** With a shorter connection idle timeout than production's. */
    static TestServer start(ServerSettings server, int idleTimeoutMs) throws IOException {
        return new TestServer(server, LlmSettings.none(), idleTimeoutMs);
    }

    /** The configured language model's circuit breaker (started with a model, such as a {@code StubLlmServer}). */
    CircuitBreaker modelCircuit() {
        return ((LangChain4jAnswerGenerator) app.model().orElseThrow()).circuitBreaker();
    }

    String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(builder(path, headers).GET().build());
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        List<String> h = new ArrayList<>(List.of("Content-Type", "application/json"));
        h.addAll(List.of(headers));
        return send(builder(path, h.toArray(String[]::new)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(builder(path, headers).DELETE().build());
    }

    /** Uploads {@code content} as multipart field {@code file} with the given file name. */
    HttpResponse<String> upload(String fileName, byte[] content, String... headers) {
        return uploadTo("/api/documents", fileName, content, headers);
    }

    /** Uploads a new version of a document: {@code ?replace=true}. */
    HttpResponse<String> replace(String fileName, byte[] content, String... headers) {
        return uploadTo("/api/documents?replace=true", fileName, content, headers);
    }

    private HttpResponse<String> uploadTo(String path, String fileName, byte[] content, String... headers) {
        String boundary = "----footnote" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        List<String> h = new ArrayList<>(List.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        h.addAll(List.of(headers));
        return send(builder(path, h.toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(head, content, tail))).build());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) b.headers(headers);
        return b;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server-sent events of a response body, in order. */
    static List<SseEvent> events(String body) {
        List<SseEvent> out = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : frame.split("\n")) {
                if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
            }
            if (data.length() > 0) out.add(new SseEvent(name, data.toString()));
        }
        return out;
    }

    record SseEvent(String name, String data) {
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
