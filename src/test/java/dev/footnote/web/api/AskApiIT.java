package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/ask as JSON and as server-sent events, and how it refuses bad requests. */
@Tag("integration")
class AskApiIT {
    static final String ANSWERABLE = "{\"question\":\"Is the United States open to holding a summit?\"}";
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_answer_with_citations_that_quote_the_seed_document() {
        // when
        HttpResponse<String> r = server.postJson("/api/ask", ANSWERABLE);

        // then
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode a = server.json(r);
        assertThat(a.get("question").asText()).isEqualTo("Is the United States open to holding a summit?");
        assertThat(a.get("abstained").asBoolean()).isFalse();
        assertThat(a.get("answer").asText()).contains("summit").contains("[1]");
        JsonNode c = a.get("citations").get(0);
        assertThat(c.get("docId").asText()).isEqualTo(TestServer.SEED);
        assertThat(c.get("quote").asText()).contains("holding a summit");
        assertThat(c.get("end").asInt() - c.get("start").asInt()).isEqualTo(c.get("quote").asText().length());
        assertThat(a.get("timingsMs").has("total")).isTrue();
    }

    @Test
    void should_ignore_unknown_fields_and_use_history_for_a_follow_up() {
        // given
        String body = """
                {"question":"And did he say he was ready?","extra":true,"topK":3,
                 "history":[{"role":"user","content":"What did Blinken say about a summit?"},
                            {"role":"assistant","content":"He said the US is open to a summit [1]."}]}""";

        // when
        JsonNode a = server.json(server.postJson("/api/ask", body));

        // then
        assertThat(a.get("rewrittenQuestion").isNull()).isFalse();
        assertThat(a.get("question").asText()).isEqualTo("And did he say he was ready?");
    }

    @Test
    void should_stream_retrieval_then_deltas_then_citations_then_done() {
        // when
        HttpResponse<String> r = server.postJson("/api/ask", ANSWERABLE, "Accept", "text/event-stream");

        // then
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<TestServer.SseEvent> events = TestServer.events(r.body());
        List<String> names = events.stream().map(TestServer.SseEvent::name).toList();
        assertThat(names.get(0)).isEqualTo("retrieval");
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names).contains("delta", "citation");
        assertThat(names.lastIndexOf("delta")).isLessThan(names.indexOf("citation"));
        assertThat(names.subList(1, names.size() - 1)).allMatch(n -> List.of("delta", "reset", "citation").contains(n));

        JsonNode retrieval = parse(events.get(0).data());
        JsonNode p = retrieval.get("passages").get(0);
        assertThat(p.fieldNames()).toIterable().containsExactlyInAnyOrder("chunkId", "docId", "title", "date", "start", "end", "text", "score");
        for (TestServer.SseEvent e : events) {
            if (e.name().equals("delta")) assertThat(parse(e.data()).get("text").asText()).doesNotContainPattern("\\[[\\d,;\\s]*$");
        }
        JsonNode done = parse(events.get(events.size() - 1).data());
        long citations = names.stream().filter("citation"::equals).count();
        assertThat(done.get("citations").size()).isEqualTo((int) citations);
        assertThat(done.get("answer").asText()).contains("summit");
    }

    static Stream<Arguments> bad_requests() {
        String longQ = "q".repeat(4001);
        String manyTurns = "[" + String.join(",", java.util.Collections.nCopies(51, "{\"role\":\"user\",\"content\":\"hi\"}")) + "]";
        return Stream.of(
                Arguments.of("missing question", "{}", "application/json", 400, "question"),
                Arguments.of("empty question", "{\"question\":\"\"}", "application/json", 400, "question"),
                Arguments.of("blank question", "{\"question\":\"   \"}", "application/json", 400, "question"),
                Arguments.of("numeric question", "{\"question\":42}", "application/json", 400, "question"),
                Arguments.of("question too long", "{\"question\":\"" + longQ + "\"}", "application/json", 400, "question"),
                Arguments.of("topK zero", "{\"question\":\"x\",\"topK\":0}", "application/json", 400, "topK"),
                Arguments.of("topK too big", "{\"question\":\"x\",\"topK\":51}", "application/json", 400, "topK"),
                Arguments.of("topK as string", "{\"question\":\"x\",\"topK\":\"8\"}", "application/json", 400, "topK"),
                Arguments.of("topK fractional", "{\"question\":\"x\",\"topK\":2.5}", "application/json", 400, "topK"),
                Arguments.of("history not a list", "{\"question\":\"x\",\"history\":\"hi\"}", "application/json", 400, "history"),
                Arguments.of("history too long", "{\"question\":\"x\",\"history\":" + manyTurns + "}", "application/json", 400, "history"),
                Arguments.of("history bad role", "{\"question\":\"x\",\"history\":[{\"role\":\"system\",\"content\":\"hi\"}]}",
                        "application/json", 400, "history[0].role"),
                Arguments.of("history bad content", "{\"question\":\"x\",\"history\":[{\"role\":\"user\",\"content\":5}]}",
                        "application/json", 400, "history[0].content"),
                Arguments.of("malformed JSON", "{\"question\":", "application/json", 400, null),
                Arguments.of("not an object", "[1,2]", "application/json", 400, null),
                Arguments.of("wrong content type", "{\"question\":\"x\"}", "text/plain", 415, "Content-Type"),
                Arguments.of("body over 1 MB", "{\"question\":\"x\",\"pad\":\"" + "p".repeat(1_100_000) + "\"}", "application/json", 413, null));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("bad_requests")
    void should_refuse_a_bad_request_with_a_problem_naming_the_field(String name, String body, String type, int status, String field) {
        // when
        HttpResponse<String> r = server.send(server.builder("/api/ask", "Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());

        // then
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = server.json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field == null) assertThat(p.has("field")).isFalse();
        else assertThat(p.get("field").asText()).isEqualTo(field);
    }

    private static JsonNode parse(String s) {
        try {
            return server.json.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
