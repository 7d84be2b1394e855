package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footnote.config.FeedbackSettings;
import dev.footnote.config.ServerSettings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/feedback} and {@code GET /api/feedback} on the real app, storing in the PostgreSQL server named by
 * {@code FOOTNOTE_TEST_DB_URL} when set (CI), else in the embedded H2 file of the temp index.
 */
@Tag("integration")
class FeedbackApiIT {
    static final String API = "api-token-never-stored";
    static final String ADMIN = "admin-token-never-stored";
    static final String[] AUTH = {"Authorization", "Bearer " + API};
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings(ADMIN, API, 20, 0));
        String pg = System.getenv("FOOTNOTE_TEST_DB_URL");
        if (pg != null && !pg.isBlank()) {
            server.app.feedback(new FeedbackSettings(pg, System.getenv("FOOTNOTE_TEST_DB_USER"), System.getenv("FOOTNOTE_TEST_DB_PASSWORD")));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode ask(String question) {
        HttpResponse<String> r = server.postJson("/api/ask", "{\"question\":\"" + question + "\"}", AUTH);
        assertThat(r.statusCode()).isEqualTo(200);
        return server.json(r);
    }

    private HttpResponse<String> feedback(ObjectNode body) {
        return server.postJson("/api/feedback", body.toString(), AUTH);
    }

    private JsonNode report(long id) {
        HttpResponse<String> r = server.get("/api/feedback?limit=1000", "Authorization", "Bearer " + ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode n : server.json(r).path("reports")) if (n.path("id").asLong() == id) return n;
        throw new AssertionError("report " + id + " not listed: " + r.body());
    }

    @Test
    void should_give_every_answer_a_stable_id() {
        JsonNode a = ask("Who did Blinken meet in Geneva?");
        JsonNode b = ask("Who did Blinken meet in Geneva?");
        JsonNode other = ask("Is the United States open to holding a summit?");

        assertThat(a.path("id").asText()).matches("a_[0-9a-f]{24}").isEqualTo(b.path("id").asText());
        assertThat(other.path("id").asText()).isNotEqualTo(a.path("id").asText());
    }

    @Test
    void should_store_a_verdict_on_a_footnote_with_the_claim_and_the_document_span_resolved_by_the_server() {
        // given
        JsonNode answer = ask("Who did Blinken meet in Geneva?");
        JsonNode c1 = answer.path("citations").get(0);
        ObjectNode body = server.json.createObjectNode().put("answerId", answer.path("id").asText()).put("citationId", 1)
                .put("verdict", "does_not_support").put("comment", "  the quote is about Friday  ");

        // when
        HttpResponse<String> r = feedback(body);

        // then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode stored = report(server.json(r).path("id").asLong());
        assertThat(stored.path("verdict").asText()).isEqualTo("does_not_support");
        assertThat(stored.path("question").asText()).isEqualTo("Who did Blinken meet in Geneva?");
        assertThat(stored.path("answer").asText()).isEqualTo(answer.path("answer").asText());
        assertThat(stored.path("claim").asText()).isEqualTo(answer.path("sentences").get(0).path("text").asText());
        assertThat(stored.path("citation").path("quote").asText()).isEqualTo(c1.path("quote").asText());
        assertThat(stored.path("citation").path("start").asInt()).isEqualTo(c1.path("start").asInt());
        assertThat(stored.path("comment").asText()).isEqualTo("the quote is about Friday");
        // nothing but the question, the answer and the citation: no token, no client address
        assertThat(stored.toString()).doesNotContain(API).doesNotContain(ADMIN).doesNotContain("127.0.0.1");
    }

    @Test
    void should_read_the_quote_from_the_index_when_the_answer_is_not_a_recent_one() {
        // given: an answer this server never gave (say, from before a restart), with a forged quote
        JsonNode real = ask("Who did Blinken meet in Geneva?");
        JsonNode c1 = real.path("citations").get(0);
        ObjectNode body = server.json.createObjectNode().put("answerId", "a_000000000000000000000000")
                .put("question", "Who did Blinken meet in Geneva?").put("answer", "Blinken met Lavrov in Geneva. [1]")
                .put("citationId", 1).put("verdict", "supports").put("quote", "forged text");
        body.putObject("citation").put("chunkId", c1.path("chunkId").asText()).put("start", c1.path("start").asInt())
                .put("end", c1.path("end").asInt());

        // when
        HttpResponse<String> r = feedback(body);

        // then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode stored = report(server.json(r).path("id").asLong());
        assertThat(stored.path("claim").asText()).isEqualTo("Blinken met Lavrov in Geneva.");
        assertThat(stored.path("citation").path("quote").asText()).isEqualTo(c1.path("quote").asText());
        assertThat(stored.path("citation").path("passage").asText()).isEqualTo(c1.path("passage").asText());
    }

    @Test
    void should_store_thumbs_on_a_whole_answer() {
        JsonNode answer = ask("Is the United States open to holding a summit?");
        HttpResponse<String> r = feedback(server.json.createObjectNode().put("answerId", answer.path("id").asText()).put("verdict", "down"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode stored = report(server.json(r).path("id").asLong());
        assertThat(stored.path("citation").isNull()).isTrue();
        assertThat(stored.path("verdict").asText()).isEqualTo("down");
    }

    @Test
    void should_refuse_bad_reports_naming_the_field() {
        String id = ask("Who did Blinken meet in Geneva?").path("id").asText();
        Object[][] cases = {
                {"{\"answerId\":\"" + id + "\",\"verdict\":\"maybe\"}", "verdict"},
                {"{\"answerId\":\"" + id + "\",\"verdict\":\"does_not_support\"}", "citationId"},
                {"{\"answerId\":\"" + id + "\",\"verdict\":\"up\",\"citationId\":1}", "citationId"},
                {"{\"answerId\":\"" + id + "\",\"verdict\":\"supports\",\"citationId\":99}", "citationId"},
                {"{\"answerId\":\"' OR 1=1 --\",\"verdict\":\"up\"}", "answerId"},
                {"{\"answerId\":\"a_000000000000000000000000\",\"verdict\":\"up\"}", "question"},
                {"{\"question\":\"q\",\"answer\":\"a [1]\",\"verdict\":\"supports\",\"citationId\":1}", "citation"},
                {"{\"question\":\"q\",\"answer\":\"a [1]\",\"verdict\":\"supports\",\"citationId\":1,\"citation\":{\"chunkId\":\"nope#0\",\"start\":0,\"end\":5}}", "citation.chunkId"},
                {"{\"answerId\":\"" + id + "\",\"verdict\":\"up\",\"comment\":\"" + "x".repeat(2001) + "\"}", "comment"},
                {"{\"answerId\":\"" + id + "\",\"verdict\":7}", "verdict"},
                {"{\"answerId\":\"" + id + "\",\"verdict\":\"supports\",\"citationId\":\"1\"}", "citationId"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> r = server.postJson("/api/feedback", (String) c[0], AUTH);
            assertThat(r.statusCode()).as((String) c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(server.json(r).path("field").asText()).as(r.body()).isEqualTo(c[1]);
        }
    }

    @Test
    void should_require_the_api_token_to_report_and_the_admin_token_to_read_reports() {
        String body = "{\"question\":\"q\",\"answer\":\"a\",\"verdict\":\"up\"}";
        assertThat(server.postJson("/api/feedback", body).statusCode()).isEqualTo(401);
        assertThat(server.postJson("/api/feedback", body, "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
        assertThat(server.get("/api/feedback").statusCode()).isEqualTo(401);
        assertThat(server.get("/api/feedback", AUTH).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/feedback", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/feedback?limit=0", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(400);
    }
}
