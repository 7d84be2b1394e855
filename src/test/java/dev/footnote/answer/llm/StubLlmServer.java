package dev.footnote.answer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.footnote.config.LlmSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A language-model server on 127.0.0.1 speaking the OpenAI chat-completions ({@code POST /v1/chat/completions}) and
 * Anthropic Messages ({@code POST /v1/messages}) wire formats, streaming or not as the request asks. It records every
 * request and plays one {@link Behavior} at a time, so tests drive the real LangChain4j clients over real sockets.
 */
public final class StubLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the server answers. */
    public sealed interface Behavior permits Answer, Status, Malformed, Hang, Stall, Reply, Gate { }

    /** A normal answer, streamed in these pieces when the request asks for a stream. */
    public record Answer(List<String> tokens) implements Behavior { }

    /** An error status with a JSON error body and extra headers. */
    public record Status(int code, Map<String, String> headers) implements Behavior { }

    /** 200 with a body that is not valid JSON (or, when streaming, events that are not). */
    public record Malformed() implements Behavior { }

    /** Accepts the request and never answers. */
    public record Hang() implements Behavior { }

    /** Starts streaming these tokens, then goes silent without ending the stream. */
    public record Stall(List<String> tokens) implements Behavior { }

    /** An answer written from the request, such as one citing the passage a prompt numbered in a given way. */
    public record Reply(java.util.function.Function<Request, Answer> reply) implements Behavior { }

    /**
     * Streams {@code first}, waits until {@code open} is counted down (at most {@code maxWait}), then streams each of
     * {@code rest} {@code gapMillis} apart and ends the stream. {@code opened} tells whether the wait ended by the gate
     * opening rather than timing out; {@code cut} is counted down if the client closed the stream before the end.
     */
    public record Gate(List<String> first, java.util.concurrent.CountDownLatch open, java.time.Duration maxWait,
                       List<String> rest, long gapMillis, java.util.concurrent.atomic.AtomicBoolean opened,
                       java.util.concurrent.CountDownLatch cut) implements Behavior {
        public Gate(List<String> first, List<String> rest, long gapMillis, java.time.Duration maxWait) {
            this(first, new java.util.concurrent.CountDownLatch(1), maxWait, rest, gapMillis,
                    new java.util.concurrent.atomic.AtomicBoolean(), new java.util.concurrent.CountDownLatch(1));
        }
    }

    /** One request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public boolean streaming() {
            return body.contains("\"stream\":true") || body.contains("\"stream\" : true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Behavior behavior = answer("OK [1]");

    private StubLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubLlmServer start() throws IOException {
        return new StubLlmServer();
    }

    public static Answer answer(String... tokens) {
        return new Answer(List.of(tokens));
    }

    public static Status status(int code) {
        return new Status(code, Map.of());
    }

    public static Status status(int code, Map<String, String> headers) {
        return new Status(code, headers);
    }

    public static Malformed malformed() {
        return new Malformed();
    }

    public static Hang hang() {
        return new Hang();
    }

    public static Stall stallAfter(String... tokens) {
        return new Stall(List.of(tokens));
    }

    /** A base URL on which nothing listens. */
    public static String closedPortUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    public StubLlmServer respondWith(Behavior b) {
        this.behavior = b;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Base URL for the OpenAI client (it appends {@code /chat/completions}). */
    public String openAiBaseUrl() {
        return url() + "/v1";
    }

    /** Settings that point the app's OpenAI client at this server, giving up on an answer after {@code timeout}. */
    public LlmSettings openAiSettings(Duration timeout) {
        return new LlmSettings("openai", "stub-model", openAiBaseUrl(), "sk-test", timeout);
    }

    /** Base URL for the Anthropic client (it appends {@code messages}). */
    public String anthropicBaseUrl() {
        return url() + "/v1/";
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body);
            requests.add(req);
            boolean anthropic = req.path().endsWith("/messages");
            if (req.method().equals("GET") && req.path().endsWith("/models")) {
                // the list of models, as a start-up check asks for it: refused with the same status as every call
                if (behavior instanceof Status s) send(ex, s.code(), "application/json", new OpenAiWire().error(s.code()));
                else send(ex, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"stub-model\",\"object\":\"model\"}]}");
                return;
            }
            if (!req.path().endsWith("/chat/completions") && !anthropic) {
                send(ex, 404, "application/json", "{\"error\":{\"message\":\"no route " + req.path() + "\"}}");
                return;
            }
            Wire wire = anthropic ? new AnthropicWire() : new OpenAiWire();
            play(ex, req, wire, behavior);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private void play(HttpExchange ex, Request req, Wire wire, Behavior b) throws IOException, InterruptedException {
        if (b instanceof Reply r) b = r.reply().apply(req);
        if (b instanceof Answer a) {
            if (req.streaming()) stream(ex, wire.events(a.tokens(), true));
            else send(ex, 200, "application/json", wire.message(String.join("", a.tokens())));
        } else if (b instanceof Status s) {
            s.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            send(ex, s.code(), "application/json", wire.error(s.code()));
        } else if (b instanceof Malformed) {
            if (req.streaming()) stream(ex, List.of(wire.malformedEvent()));
            else send(ex, 200, "application/json", "{\"id\": \"x\", \"choices\": [ {\"message\": ");
        } else if (b instanceof Hang) {
            closed.await();
        } else if (b instanceof Gate g && req.streaming()) {
            List<String> events = wire.events(g.rest(), true);
            List<String> head = wire.events(g.first(), false);
            OutputStream out = startStream(ex);
            try {
                for (String event : head) write(out, event);
                g.opened().set(g.open().await(g.maxWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
                // the first events of a full stream repeat the head's preamble; send only what follows it
                for (String event : events.subList(head.size() - g.first().size(), events.size())) {
                    Thread.sleep(g.gapMillis());
                    write(out, event);
                }
            } catch (IOException e) {
                g.cut().countDown();
            }
        } else if (b instanceof Stall s) {
            OutputStream out = startStream(ex);
            for (String event : wire.events(s.tokens(), false)) write(out, event);
            closed.await();
        }
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void stream(HttpExchange ex, List<String> events) throws IOException {
        OutputStream out = startStream(ex);
        for (String event : events) write(out, event);
    }

    private static OutputStream startStream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One provider's response bodies. */
    private interface Wire {
        String message(String text);

        /** Server-sent events carrying {@code tokens}; with {@code finish}, also the events that end the stream. */
        List<String> events(List<String> tokens, boolean finish);

        String error(int code);

        String malformedEvent();
    }

    private static final class OpenAiWire implements Wire {
        @Override
        public String message(String text) {
            return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"stub\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text) + "},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
        }

        @Override
        public List<String> events(List<String> tokens, boolean finish) {
            List<String> out = new ArrayList<>();
            String head = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"stub\",";
            out.add(head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
            for (String t : tokens) {
                out.add(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(t) + "},\"finish_reason\":null}]}\n\n");
            }
            if (finish) {
                out.add(head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
                out.add("data: [DONE]\n\n");
            }
            return out;
        }

        @Override
        public String error(int code) {
            if (code == 401) {
                // what OpenAI answers to a wrong key
                return "{\"error\":{\"message\":\"Incorrect API key provided: sk-test. You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"invalid_api_key\"}}";
            }
            return "{\"error\":{\"message\":\"stub error " + code + "\",\"type\":\"server_error\",\"code\":null}}";
        }

        @Override
        public String malformedEvent() {
            return "data: {\"choices\": [ {\"delta\": {\"content\": \"x\"\n\n";
        }
    }

    private static final class AnthropicWire implements Wire {
        @Override
        public String message(String text) {
            return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stub\",\"content\":[{\"type\":\"text\","
                    + "\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
        }

        @Override
        public List<String> events(List<String> tokens, boolean finish) {
            List<String> out = new ArrayList<>();
            out.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"stub\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"));
            out.add(event("content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            for (String t : tokens) {
                out.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(t) + "}}"));
            }
            if (finish) {
                out.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
                out.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}"));
                out.add(event("message_stop", "{\"type\":\"message_stop\"}"));
            }
            return out;
        }

        private static String event(String name, String data) {
            return "event: " + name + "\ndata: " + data + "\n\n";
        }

        @Override
        public String error(int code) {
            String type = code == 429 ? "rate_limit_error" : code == 401 ? "authentication_error" : "api_error";
            return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"stub error " + code + "\"}}";
        }

        @Override
        public String malformedEvent() {
            return event("content_block_delta", "{\"type\":\"content_block_delta\",\"delta\":{{{");
        }
    }
}
