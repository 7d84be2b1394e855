package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.config.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Oversized, slow and malformed input on the routes the feedback, MCP, examples, original-file and health changes
 * added, one table each: every row gets the named 4xx (or the success it allows), as problem+json or, on /mcp, a
 * JSON-RPC error, in strict UTF-8, with no stack trace and no HTML; a body trickled or stalled gets 408.
 */
@Tag("integration")
class RouteInputIT {
    private static final String API = "input-api-token";
    private static final String ADMIN = "input-admin-token";
    private static final int IDLE_TIMEOUT_MS = 1_500;
    private static final int HANG_GUARD_MS = 30_000;
    private static final String MCP_ACCEPT = "Accept: application/json, text/event-stream\r\n";
    private static final String CHUNK = TestServer.SEED + "#0";
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings(ADMIN, API, 1, 0), IDLE_TIMEOUT_MS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One request and the statuses it may get; {@code field}, when set, is what the problem must name. */
    record Row(String name, byte[] request, Set<Integer> statuses, String field) {
        static Row of(String name, String method, String target, String headers, byte[] body, Set<Integer> statuses, String field) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return new Row(name, out.toByteArray(), statuses, field);
        }
    }

    private static String auth(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private static Row feedback(String name, byte[] body, int status, String field) {
        return Row.of("POST /api/feedback " + name, "POST", "/api/feedback", auth(API) + "Content-Type: application/json\r\n",
                body, Set.of(status), field);
    }

    private static Row feedback(String name, String body, int status, String field) {
        return feedback(name, body.getBytes(StandardCharsets.UTF_8), status, field);
    }

    private static Row mcp(String name, byte[] body, Set<Integer> statuses) {
        return Row.of("POST /mcp " + name, "POST", "/mcp", auth(API) + MCP_ACCEPT + "Content-Type: application/json\r\n",
                body, statuses, null);
    }

    private static Row mcp(String name, String body, Set<Integer> statuses) {
        return mcp(name, body.getBytes(StandardCharsets.UTF_8), statuses);
    }

    private static Row get(String target, String headers, Set<Integer> statuses, String field) {
        return Row.of("GET " + (target.length() > 120 ? target.substring(0, 120) + "..." : target), "GET", target, headers,
                new byte[0], statuses, field);
    }

    /** A HEAD request: its answer has the status and headers of the GET, and no body. */
    private static Row head(String target, String headers, byte[] body, Set<Integer> statuses) {
        return Row.of("HEAD " + (target.length() > 120 ? target.substring(0, 120) + "..." : target), "HEAD", target, headers,
                body, statuses, null);
    }

    private static byte[] bytes(String prefix, byte[] middle, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] utf32(String s, int bad) {
        ByteBuffer b = ByteBuffer.allocate(s.length() * 4 + 4);
        for (char c : s.toCharArray()) b.putInt(c);
        b.putInt(bad);
        return b.array();
    }

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
    }

    static List<Row> malformed() {
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xae};
        String huge = "x".repeat(JsonBodies.MAX_BYTES);
        String valid = "\"question\":\"q\",\"answer\":\"a [1]\",\"verdict\":\"supports\",\"citationId\":1";
        Set<Integer> ok = Set.of(200);
        Set<Integer> badRequest = Set.of(400);
        List<Row> rows = new ArrayList<>(List.of(
                // POST /api/feedback: bad JSON, wrong types, missing fields, bad ranges, non-UTF-8, oversized
                feedback("truncated JSON", "{\"verdict\":", 400, null),
                feedback("an array", "[]", 400, null),
                feedback("null", "null", 400, null),
                feedback("empty body", "", 400, null),
                feedback("deep nesting", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", 400, null),
                feedback("no verdict", "{\"question\":\"q\",\"answer\":\"a\"}", 400, "verdict"),
                feedback("no question", "{\"answer\":\"a\",\"verdict\":\"up\"}", 400, "question"),
                feedback("question a number", "{\"question\":5,\"answer\":\"a\",\"verdict\":\"up\"}", 400, "question"),
                feedback("citationId beyond int", "{" + valid.replace("\"citationId\":1", "\"citationId\":2147483648") + "}", 400, "citationId"),
                feedback("citationId a fraction", "{" + valid.replace("\"citationId\":1", "\"citationId\":1.5") + "}", 400, "citationId"),
                feedback("citationId 1e400", "{" + valid.replace("\"citationId\":1", "\"citationId\":1e400") + "}", 400, "citationId"),
                feedback("citation a string", "{" + valid + ",\"citation\":\"x\"}", 400, "citation"),
                feedback("citation start a string", "{" + valid + ",\"citation\":{\"chunkId\":\"" + CHUNK + "\",\"start\":\"0\",\"end\":5}}",
                        400, "start"),
                feedback("citation end before start", "{" + valid + ",\"citation\":{\"chunkId\":\"" + CHUNK + "\",\"start\":9,\"end\":3}}",
                        400, "citation.start"),
                feedback("citation at the int limits", "{" + valid + ",\"citation\":{\"chunkId\":\"" + CHUNK
                        + "\",\"start\":-2147483648,\"end\":2147483647}}", 400, "citation.start"),
                feedback("citation past the passage", "{" + valid + ",\"citation\":{\"chunkId\":\"" + CHUNK
                        + "\",\"start\":0,\"end\":2000000000}}", 400, "citation.start"),
                feedback("citation chunkId an object", "{" + valid + ",\"citation\":{\"chunkId\":{},\"start\":0,\"end\":5}}", 400, "chunkId"),
                feedback("non-UTF-8 bytes in a string", bytes("{\"question\":\"", notUtf8, "\",\"answer\":\"a\",\"verdict\":\"up\"}"), 400, null),
                feedback("UTF-32 with an invalid character", utf32("{\"verdict\":\"up\",\"question\":\"", 0x7fffffff), 400, null),
                feedback("question too long", "{\"question\":\"" + "q".repeat(100_000) + "\",\"answer\":\"a\",\"verdict\":\"up\"}", 400, "question"),
                feedback("body over 1 MB", "{\"comment\":\"" + huge + "\"}", 413, null),
                Row.of("POST /api/feedback as text/plain", "POST", "/api/feedback", auth(API) + "Content-Type: text/plain\r\n",
                        "{}".getBytes(StandardCharsets.UTF_8), Set.of(415), "Content-Type"),
                Row.of("POST /api/feedback declaring 20 MB", "POST", "/api/feedback", auth(API) + "Content-Type: application/json\r\n"
                        + "Content-Length: 20000000\r\n", new byte[0], Set.of(400, 413), null),
                // GET /api/feedback (admin): bad limits and oversized parameters
                get("/api/feedback?limit=abc", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=0", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=-1", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=1001", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=99999999999", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=%00", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=%FF", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=1e3", auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=" + "9".repeat(8_000), auth(ADMIN), badRequest, "limit"),
                get("/api/feedback?limit=5&limit=abc", auth(ADMIN), ok, null),
                get("/api/feedback?limit=%ZZ", auth(ADMIN), Set.of(200, 400), null),
                // GET /api/documents/{docId}/file: odd, oversized and non-UTF-8 ids
                get("/api/documents/" + "x".repeat(3_000) + "/file", auth(API), Set.of(404), null),
                get("/api/documents/%FF%FE/file", auth(API), Set.of(400, 404), null),
                get("/api/documents/%C0%AE%C0%AE/file", auth(API), Set.of(400, 404), null),
                get("/api/documents/a%00b/file", auth(API), Set.of(400, 404), null),
                get("/api/documents/%ZZ/file", auth(API), Set.of(400), null),
                get("/api/documents/" + TestServer.SEED + "/file?start=abc&end=-1", auth(API), ok, null),
                get("/api/documents/" + "x".repeat(70_000) + "/file", auth(API), Set.of(414, 431), null),
                // GET /api/examples, /health, /metrics: parameters they do not take, oversized or broken
                get("/api/examples?n=-1&q=%FF%00", auth(API), ok, null),
                get("/api/examples?q=" + "%41".repeat(5_000), auth(API), ok, null),
                get("/api/examples?q=%ZZ", auth(API), Set.of(200, 400), null),
                get("/health?verbose=%FF%00", "", ok, null),
                get("/health?q=" + "a".repeat(70_000), "", Set.of(414, 431), null),
                get("/metrics?name[]=%FF", auth(API), ok, null),
                // the same checks run under HEAD (its own handler, no longer Javalin's bodiless 200)
                head("/health", "Content-Type: application/json\r\n", ("{\"x\":\"" + "x".repeat(2_000_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), Set.of(413)),
                head("/ready?q=%FF%00&q=" + "a".repeat(5_000), "", new byte[0], Set.of(200)),
                head("/api/feedback?limit=abc", auth(ADMIN), new byte[0], badRequest),
                head("/api/search?q=" + "a".repeat(10_001), auth(API), new byte[0], badRequest),
                // POST /mcp: JSON-RPC errors, never the SDK's serialized exception
                mcp("truncated JSON", "{\"jsonrpc\":\"2.0\",", Set.of(400)),
                mcp("non-UTF-8 bytes in the method", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"", notUtf8, "\"}"), Set.of(200, 400)),
                mcp("UTF-32 with an invalid character", utf32("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x", 0x7fffffff), Set.of(400)),
                mcp("a batch", "[" + call("search", "{\"query\":\"tea\"}") + "]", Set.of(400)),
                mcp("no method", "{\"jsonrpc\":\"2.0\",\"id\":1}", Set.of(400)),
                mcp("an unknown method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope/nope\"}", Set.of(200, 400)),
                mcp("params a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}", Set.of(200, 400)),
                mcp("an object id", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/list\"}", Set.of(200, 400)),
                mcp("arguments a string", call("search", "\"tea\""), Set.of(200, 400)),
                mcp("tool name an object", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":{}}}", Set.of(200, 400)),
                mcp("tools/list params a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}", Set.of(200, 400)),
                mcp("initialize capabilities a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":\"x\",\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}", Set.of(200, 400)),
                mcp("tools/call without params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}", Set.of(200, 400)),
                mcp("ping params an array", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}", Set.of(200, 400)),
                mcp("span end before start", call("get_document_span", "{\"docId\":\"" + TestServer.SEED + "\",\"start\":9,\"end\":3}"), ok),
                mcp("span start 1e20", call("get_document_span", "{\"docId\":\"" + TestServer.SEED + "\",\"start\":1e20,\"end\":3}"), ok),
                mcp("span start a string", call("get_document_span", "{\"docId\":\"" + TestServer.SEED + "\",\"start\":\"0\",\"end\":3}"), ok),
                mcp("span docId a number", call("get_document_span", "{\"docId\":5,\"start\":0,\"end\":3}"), ok),
                mcp("search k out of range", call("search", "{\"query\":\"tea\",\"k\":-5}"), ok),
                mcp("ask a huge question", call("ask", "{\"question\":\"" + "q".repeat(50_000) + "\"}"), ok),
                Row.of("POST /mcp as text/plain", "POST", "/mcp", auth(API) + MCP_ACCEPT + "Content-Type: text/plain\r\n",
                        "{}".getBytes(StandardCharsets.UTF_8), Set.of(415), null),
                mcp("message over 1 MB", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"x\":\"" + huge + "\"}", Set.of(413)),
                Row.of("POST /mcp/ message over 1 MB", "POST", "/mcp/", auth(API) + MCP_ACCEPT + "Content-Type: application/json\r\n",
                        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"x\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8),
                        Set.of(413), null),
                Row.of("POST /mcp declaring 20 MB", "POST", "/mcp", auth(API) + MCP_ACCEPT + "Content-Type: application/json\r\n"
                        + "Content-Length: 20000000\r\n", new byte[0], Set.of(400, 413), null)));
        // POST /api/ask and /v1/chat/completions, re-registered behind the guard: bad JSON, wrong type, oversized
        for (String target : List.of("/api/ask", "/v1/chat/completions")) {
            String json = auth(API) + "Content-Type: application/json\r\n";
            rows.addAll(List.of(
                    Row.of("POST " + target + " truncated JSON", "POST", target, json, "{\"question\":".getBytes(StandardCharsets.UTF_8),
                            badRequest, null),
                    Row.of("POST " + target + " an array", "POST", target, json, "[]".getBytes(StandardCharsets.UTF_8), badRequest, null),
                    Row.of("POST " + target + " empty body", "POST", target, json, new byte[0], badRequest, null),
                    Row.of("POST " + target + " non-UTF-8 bytes", "POST", target, json, bytes("{\"question\":\"", notUtf8, "\"}"),
                            badRequest, null),
                    Row.of("POST " + target + " UTF-32 with an invalid character", "POST", target, json,
                            utf32("{\"question\":\"", 0x7fffffff), badRequest, null),
                    Row.of("POST " + target + " body over 1 MB", "POST", target, json,
                            ("{\"question\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8), Set.of(413), null),
                    Row.of("POST " + target + " as text/plain", "POST", target, auth(API) + "Content-Type: text/plain\r\n",
                            "{}".getBytes(StandardCharsets.UTF_8), Set.of(415), null),
                    Row.of("POST " + target + " declaring 20 MB", "POST", target, json + "Content-Length: 20000000\r\n",
                            new byte[0], Set.of(400, 413), null)));
        }
        // DELETE /api/documents/{docId} (admin): odd and oversized ids, a body it does not take
        rows.addAll(List.of(
                Row.of("DELETE /api/documents/xxx...", "DELETE", "/api/documents/" + "x".repeat(3_000), auth(ADMIN), new byte[0],
                        Set.of(400, 404), null),
                Row.of("DELETE /api/documents/%FF%FE", "DELETE", "/api/documents/%FF%FE", auth(ADMIN), new byte[0], Set.of(400, 404), null),
                Row.of("DELETE /api/documents/%ZZ", "DELETE", "/api/documents/%ZZ", auth(ADMIN), new byte[0], Set.of(400), null),
                Row.of("DELETE /api/documents/x...(70k)", "DELETE", "/api/documents/" + "x".repeat(70_000), auth(ADMIN), new byte[0],
                        Set.of(414, 431), null),
                Row.of("DELETE /api/documents/nope.md with a body over 1 MB", "DELETE", "/api/documents/nope.md",
                        auth(ADMIN) + "Content-Type: application/json\r\n", huge.getBytes(StandardCharsets.UTF_8), Set.of(404, 413), null),
                get("/v1/models?x=%FF%00", auth(API), ok, null),
                get("/api/search?q=%FF%FE", auth(API), Set.of(200, 400), null),
                get("/api/search?q=" + "a".repeat(10_001), auth(API), badRequest, "q")));
        return rows;
    }

    @Test
    void should_refuse_malformed_and_oversized_input_on_the_new_routes_with_a_named_4xx() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : malformed()) {
            // when
            byte[] raw = exchange(row.request());

            // then
            String problem = check(row, raw);
            if (problem != null) failures.add(row.name() + ": " + problem);
        }
        assertThat(failures).isEmpty();
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    /** What is wrong with a response, or null. */
    private static String check(Row row, byte[] raw) throws IOException {
        if (raw.length == 0) return "no response";
        RawHttp.Response r = RawHttp.parse(raw);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(r.body())).toString();
        } catch (CharacterCodingException e) {
            return r.status() + " with a body that is not UTF-8";
        }
        String shown = r.status() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        if (!row.statuses().contains(r.status())) return "expected " + row.statuses() + ", got " + shown;
        if (text.contains("Exception") || text.contains("at dev.") || text.contains("at io.") || text.contains("stackTrace")
                || text.toLowerCase(java.util.Locale.ROOT).contains("<html")) {
            return "leaks internals: " + shown;
        }
        if (r.status() < 400) return null;
        String type = r.header("Content-Type");
        if (row.name().startsWith("HEAD ")) {
            if (type == null || !type.startsWith("application/problem+json")) return "content type " + type + ": " + shown;
            return r.body().length == 0 ? null : "a body on HEAD: " + shown;
        }
        boolean rpc = row.name().startsWith("POST /mcp") && type != null && type.startsWith("application/json");
        if (!rpc && (type == null || !type.startsWith("application/problem+json"))) return "content type " + type + ": " + shown;
        JsonNode body = new ObjectMapper().readTree(text);
        if (rpc && !body.path("jsonrpc").asText().equals("2.0")) return "not a JSON-RPC error: " + shown;
        if (!rpc && body.path("status").asInt() != r.status()) return "problem status differs: " + shown;
        if (row.field() != null && !row.field().equals(body.path("field").asText())) return "field is not " + row.field() + ": " + shown;
        return null;
    }

    /**
     * A request whose body arrives (or stops arriving) too slowly; {@code tail} is sent a byte at a time, then nothing;
     * {@code expected}: the statuses that may answer it before the tail is sent.
     */
    record Slow(String name, String head, String tail, boolean chunked, String expected) {
        Slow(String name, String head, String tail, boolean chunked) {
            this(name, head, tail, chunked, "408|413|415");
        }
    }

    static List<Slow> slow() {
        String feedbackHead = "POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(API) + "Content-Type: application/json\r\n";
        String mcpHead = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(API) + MCP_ACCEPT + "Content-Type: application/json\r\n";
        String askHead = "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(API) + "Content-Type: application/json\r\n";
        String chatHead = askHead.replace("/api/ask", "/v1/chat/completions");
        String trickle = " ".repeat(250);
        String uploadHead = "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(ADMIN)
                + "Content-Type: multipart/form-data; boundary=b\r\n";
        String filePart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n\r\n";
        return List.of(
                new Slow("ask, trickled", askHead + "Content-Length: 1000\r\n\r\n{", trickle, false),
                new Slow("ask, trickled in chunks", askHead + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n", trickle, true),
                new Slow("ask, declared 2 MB and trickled", askHead + "Content-Length: 2000000\r\n\r\n{", trickle, false),
                new Slow("chat, trickled", chatHead + "Content-Length: 1000\r\n\r\n{", trickle, false),
                new Slow("chat, stalled", chatHead + "Content-Length: 1000\r\n\r\n{\"model\":", "", false),
                new Slow("chat, trickled in chunks", chatHead + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n", trickle, true),
                new Slow("feedback, trickled", feedbackHead + "Content-Length: 1000\r\n\r\n{", trickle, false),
                new Slow("feedback, stalled", feedbackHead + "Content-Length: 1000\r\n\r\n{\"verdict\":", "", false),
                new Slow("feedback, trickled in chunks", feedbackHead + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n", trickle, true),
                new Slow("feedback, declared 2 MB and trickled", feedbackHead + "Content-Length: 2000000\r\n\r\n{", trickle, false),
                new Slow("mcp, trickled", mcpHead + "Content-Length: 1000\r\n\r\n{", trickle, false),
                new Slow("mcp, stalled", mcpHead + "Content-Length: 1000\r\n\r\n{\"jsonrpc\":", "", false),
                new Slow("mcp, trickled in chunks", mcpHead + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n", trickle, true),
                new Slow("mcp, declared 2 MB and trickled", mcpHead + "Content-Length: 2000000\r\n\r\n{", trickle, false),
                new Slow("mcp, trickled as multipart (415 before reading)", mcpHead.replace("application/json\r\n", "multipart/form-data; boundary=b\r\n")
                        + "Content-Length: 1000\r\n\r\n{", trickle, false),
                new Slow("mcp/, trickled", mcpHead.replace("POST /mcp ", "POST /mcp/ ") + "Content-Length: 1000\r\n\r\n{", trickle, false),
                // a multipart header on a JSON route: refused before its (declared huge) body is read
                new Slow("ask as multipart, declared 20 MB", multipart(askHead) + "Content-Length: 20000000\r\n\r\n--b", trickle, false, "415"),
                new Slow("chat as multipart, declared 20 MB", multipart(chatHead) + "Content-Length: 20000000\r\n\r\n--b", trickle, false, "415"),
                new Slow("feedback as multipart, declared 20 MB", multipart(feedbackHead) + "Content-Length: 20000000\r\n\r\n--b", trickle,
                        false, "415"),
                // uploads: refused unread without the token; with it, held to the minimum rate (over the limit too)
                new Slow("upload without a token, declared 20 MB", uploadHead.replace(auth(ADMIN), "") + "Content-Length: 20000000\r\n\r\n"
                        + filePart, trickle, false, "401"),
                new Slow("upload, trickled", uploadHead + "Content-Length: 100000\r\n\r\n" + filePart, trickle, false, "408"),
                new Slow("upload, stalled", uploadHead + "Content-Length: 100000\r\n\r\n" + filePart, "", false, "408"),
                new Slow("upload over the limit, trickled", uploadHead + "Content-Length: 1500000\r\n\r\n" + filePart, trickle, false,
                        "408|413"),
                // a body on a route that takes none is gathered under the same rule
                new Slow("HEAD health with a trickled body", "HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n",
                        trickle, false, "408"));
    }

    private static String multipart(String head) {
        return head.replace("Content-Type: application/json\r\n", "Content-Type: multipart/form-data; boundary=b\r\n");
    }

    @Test
    void should_cut_off_bodies_that_trickle_or_stall_on_the_new_routes_with_408() throws Exception {
        // given: every slow client at once, each on its own thread
        ExecutorService pool = Executors.newFixedThreadPool(slow().size());
        try {
            List<Slow> slow = slow();
            List<Future<String>> results = new ArrayList<>();
            for (Slow s : slow) {
                results.add(pool.submit(() -> RawHttp.trickle(server.web.port(), s.head(), s.tail(), s.chunked(),
                        IDLE_TIMEOUT_MS + HANG_GUARD_MS).describe()));
            }

            // then: each is answered before it has sent its whole body (413 for one declared too large, 415 for one not
            // JSON, 401 for an upload without its token), and nothing slow was stored
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < slow.size(); i++) {
                String outcome = results.get(i).get();
                if (!outcome.matches("(?s)(" + slow.get(i).expected() + ") .*")) failures.add(slow.get(i).name() + " -> " + outcome);
            }
            assertThat(failures).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        assertThat(RawHttp.send(server.web.port(), "GET", "/api/documents", java.util.Map.of("Authorization", "Bearer " + API), new byte[0])
                .text()).doesNotContain("slow.txt");
    }

    private static byte[] exchange(byte[] request) throws IOException {
        return RawHttp.exchange(server.web.port(), request, IDLE_TIMEOUT_MS + HANG_GUARD_MS);
    }

}
