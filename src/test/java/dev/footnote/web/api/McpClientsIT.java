package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.config.ServerSettings;
import dev.footnote.support.NodeClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk} from npm), unchanged, uses Footnote's MCP tools
 * over Streamable HTTP at /mcp and over stdio ({@code footnote mcp} as a child process): it lists the tools, asks
 * about the seed, and reads the document at the first citation's offsets, which must be exactly the quote.
 */
@Tag("integration")
class McpClientsIT {
    static final String QUESTION = "Who did Blinken meet in Geneva?";
    static final String TOKEN = "mcp-test-token";
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings(null, TOKEN, 20, 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_serve_the_official_typescript_client_over_streamable_http() throws Exception {
        // given
        NodeClient.require("McpClientsIT", "@modelcontextprotocol/sdk", "@modelcontextprotocol/sdk@1");

        // when
        NodeClient.Result r = NodeClient.runScript("mcp-client.mjs", List.of("http", server.url("/mcp"), TOKEN, QUESTION), 180);

        // then
        assertThat(r.exit()).as(r.output()).isZero();
        assertClientSawCheckableCitations(server.json.readTree(r.lastLine()));
    }

    @Test
    void should_serve_the_official_typescript_client_over_stdio() throws Exception {
        // given
        NodeClient.require("McpClientsIT", "@modelcontextprotocol/sdk", "@modelcontextprotocol/sdk@1");
        List<String> args = new ArrayList<>(List.of("stdio", QUESTION));
        args.addAll(NodeClient.javaCommand("dev.footnote.cli.Main", "mcp", "--seeds", server.seeds.toString(),
                "--index", server.root.resolve("stdio-index").toString()));

        // when
        NodeClient.Result r = NodeClient.runScript("mcp-client.mjs", args, 300);

        // then
        assertThat(r.exit()).as(r.output()).isZero();
        assertClientSawCheckableCitations(server.json.readTree(r.lastLine()));
    }

    private static void assertClientSawCheckableCitations(JsonNode out) {
        assertThat(out.path("tools").findValuesAsText("name")).containsExactly("ask", "search", "get_document_span");
        for (JsonNode t : out.path("tools")) {
            assertThat(t.path("description").asText()).hasSizeGreaterThan(80);
            t.path("inputSchema").path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
        }
        JsonNode answer = out.path("answer");
        assertThat(answer.path("abstained").asBoolean()).isFalse();
        assertThat(answer.path("id").asText()).matches("a_[0-9a-f]{24}");
        assertThat(answer.path("sentences").get(0).path("support").asText()).isEqualTo("supported");
        assertThat(answer.path("answer").asText()).contains("Lavrov");
        JsonNode c = out.path("firstCitation");
        assertThat(c.path("end").asInt()).isGreaterThan(c.path("start").asInt());
        assertThat(out.path("spanText").asText()).isEqualTo(c.path("quote").asText());
        assertThat(out.path("searchPassages")).hasSize(3);
        assertThat(out.path("searchPassages").get(0).path("docId").asText()).isEqualTo(TestServer.SEED);
        // a bad call is an MCP invalid-params error naming the argument, never a stack trace
        assertThat(out.path("bad").path("code").asInt()).isEqualTo(-32602);
        assertThat(out.path("bad").path("text").asText()).contains("end must be greater than start").doesNotContain("at dev.");
    }

    @Test
    void should_require_the_api_token_on_mcp() {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        HttpResponse<String> none = server.postJson("/mcp", init, "Accept", "application/json, text/event-stream");
        HttpResponse<String> wrong = server.postJson("/mcp", init, "Accept", "application/json, text/event-stream",
                "Authorization", "Bearer nope");
        HttpResponse<String> right = server.postJson("/mcp", init, "Accept", "application/json, text/event-stream",
                "Authorization", "Bearer " + TOKEN);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(right.body()).contains("get_document_span");
    }

    @Test
    void should_serve_every_spelling_the_router_sends_to_mcp() {
        // given: spellings Javalin routes to the /mcp handler, whose token check they pass
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        Map<String, String> headers = Map.of("Accept", "application/json, text/event-stream", "Content-Type", "application/json",
                "Authorization", "Bearer " + TOKEN);

        for (String target : List.of("/mcp/", "/mcp?x=1", "/mcp/?x=1")) {
            // when
            RawHttp.Response r = RawHttp.send(server.web.port(), "POST", target, headers, list.getBytes(StandardCharsets.UTF_8));

            // then: the SDK's own path check does not turn them into a 404
            assertThat(r.status()).as(target + " " + r.text()).isEqualTo(200);
            assertThat(r.text()).contains("get_document_span");
        }
    }

    @Test
    void should_refuse_mcp_requests_from_web_pages_of_other_sites() {
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        String[] auth = {"Accept", "application/json, text/event-stream", "Authorization", "Bearer " + TOKEN};

        HttpResponse<String> rebound = server.postJson("/mcp", list, concat(auth, "Origin", "http://attacker.example:7070"));
        HttpResponse<String> local = server.postJson("/mcp", list, concat(auth, "Origin", server.url("")));

        assertThat(rebound.statusCode()).isEqualTo(403);
        assertThat(rebound.body()).contains("Origin").doesNotContain("get_document_span");
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void should_rate_limit_mcp_like_the_api() throws Exception {
        try (TestServer limited = TestServer.start(new ServerSettings(null, null, 20, 2))) {
            String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                codes.add(limited.postJson("/mcp", list, "Accept", "application/json, text/event-stream").statusCode());
            }
            assertThat(codes).containsExactly(200, 200, 429);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void should_answer_malformed_mcp_messages_with_json_rpc_errors_and_no_stack_trace() {
        String[] auth = {"Accept", "application/json, text/event-stream", "Authorization", "Bearer " + TOKEN};
        List<HttpResponse<String>> bad = List.of(
                server.postJson("/mcp", "{\"jsonrpc\":\"2.0\",garbage", auth),
                server.postJson("/mcp", "[1,2,3]", auth),
                server.postJson("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}", auth),
                server.postJson("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "Authorization", "Bearer " + TOKEN),
                server.get("/mcp", "Authorization", "Bearer " + TOKEN),
                server.postJson("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\",\"arguments\":{\"question\":5}}}", auth),
                server.postJson("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}", auth));

        assertThat(bad.subList(0, 5)).extracting(HttpResponse::statusCode).containsExactly(400, 400, 400, 406, 405);
        for (HttpResponse<String> r : bad) {
            assertThat(r.body()).as(r.body()).doesNotContain("stackTrace").doesNotContain("at dev.").doesNotContain("Exception");
            if (r != bad.get(4)) assertThat(r.body()).contains("\"jsonrpc\":\"2.0\"");
        }
        assertThat(bad.get(4).headers().firstValue("Allow")).contains("POST");
        assertThat(bad.get(5).body()).contains("\"isError\":true").contains("question");
        assertThat(bad.get(6).body()).contains("-32602");
    }
}
