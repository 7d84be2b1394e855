package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The routes a reader uses to check a citation, plus the operational and static routes. */
@Tag("integration")
class SourcesApiIT {
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
    void should_list_the_indexed_documents() {
        // when
        JsonNode docs = server.json(server.get("/api/documents"));

        // then
        assertThat(docs.size()).isEqualTo(2);
        JsonNode seed = docs.get(0);
        assertThat(seed.get("id").asText()).isEqualTo(TestServer.SEED);
        assertThat(seed.get("date").asText()).isEqualTo("2022-01-21");
        assertThat(seed.get("chunks").asInt()).isPositive();
        assertThat(seed.get("size").asLong()).isEqualTo(2219);
        assertThat(docs.get(1).get("title").asText()).isEqualTo("Tea at the Pemberton lighthouse");
    }

    @Test
    void should_return_a_whole_document_and_a_span_with_context() {
        // given
        JsonNode doc = server.json(server.get("/api/documents/" + TestServer.SEED));
        String text = doc.get("text").asText();
        int start = text.indexOf("Geneva");

        // when
        JsonNode span = server.json(server.get("/api/documents/" + TestServer.SEED + "?start=" + start + "&end=" + (start + 6)));

        // then
        assertThat(doc.get("path").asText()).isEqualTo(TestServer.SEED);
        assertThat(span.get("text").asText()).isEqualTo("Geneva");
        assertThat(span.get("before").asText()).hasSize(200).endsWith("Lavrov in ");
        assertThat(text.substring(start + 6)).startsWith(span.get("after").asText());
    }

    @Test
    void should_refuse_a_span_outside_the_document() {
        // when
        HttpResponse<String> backwards = server.get("/api/documents/" + TestServer.SEED + "?start=50&end=10");
        HttpResponse<String> beyond = server.get("/api/documents/" + TestServer.SEED + "?start=0&end=999999");
        HttpResponse<String> notANumber = server.get("/api/documents/" + TestServer.SEED + "?start=a&end=10");

        // then
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(server.json(backwards).get("field").asText()).isEqualTo("end");
        assertThat(server.json(beyond).get("field").asText()).isEqualTo("end");
        assertThat(server.json(notANumber).get("field").asText()).isEqualTo("start");
    }

    @Test
    void should_return_a_passage_by_its_url_encoded_chunk_id() {
        // given
        String chunkId = TestServer.SEED + "#1";

        // when
        HttpResponse<String> r = server.get("/api/passages/" + URLEncoder.encode(chunkId, StandardCharsets.UTF_8));

        // then
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode p = server.json(r);
        assertThat(p.get("chunkId").asText()).isEqualTo(chunkId);
        String doc = server.json(server.get("/api/documents/" + TestServer.SEED)).get("text").asText();
        assertThat(p.get("text").asText()).isEqualTo(doc.substring(p.get("start").asInt(), p.get("end").asInt()));
    }

    @Test
    void should_search_with_highlighted_plain_text_snippets() {
        // when
        JsonNode r = server.json(server.get("/api/search?q=lighthouse%20granite&k=3"));

        // then
        assertThat(r.get("query").asText()).isEqualTo("lighthouse granite");
        JsonNode top = r.get("hits").get(0);
        assertThat(top.get("docId").asText()).isEqualTo(TestServer.EXTRA);
        assertThat(top.get("snippet").asText()).contains("«granite»").contains("«lighthouse»").doesNotContain("<");
        assertThat(top.has("bm25")).isTrue();
        assertThat(top.get("vector").isNumber()).isTrue();
        assertThat(server.get("/api/search?q=").statusCode()).isEqualTo(400);
        assertThat(server.json(server.get("/api/search?q=x&k=0")).get("field").asText()).isEqualTo("k");
    }

    @Test
    void should_not_resolve_document_ids_that_try_to_leave_the_index() {
        // when
        HttpResponse<String> encoded = server.get("/api/documents/..%2F..%2Fetc%2Fpasswd");
        HttpResponse<String> dotted = server.get("/api/documents/..");
        HttpResponse<String> passage = server.get("/api/passages/..%2Fpom.xml");

        // then
        assertThat(encoded.statusCode()).isIn(400, 404);
        assertThat(encoded.body()).doesNotContain("root:");
        assertThat(dotted.statusCode()).isIn(400, 404);
        assertThat(passage.statusCode()).isEqualTo(404);
        assertThat(passage.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void should_not_be_ready_until_the_index_is_synced_whether_probed_with_get_or_head() {
        // given: a second server over the same app, not yet marked ready
        try (WebServer starting = server.app.webServer().start(0)) {
            java.net.URI ready = java.net.URI.create("http://127.0.0.1:" + starting.port() + "/ready");
            java.net.http.HttpRequest head = java.net.http.HttpRequest.newBuilder(ready)
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();

            // when: probed as orchestrators and load balancers do, with GET and with HEAD
            HttpResponse<String> before = server.send(java.net.http.HttpRequest.newBuilder(ready).build());
            HttpResponse<String> headBefore = server.send(head);
            HttpResponse<String> otherSpelling = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ready + "/"))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            HttpResponse<String> strayToken = server.send(java.net.http.HttpRequest.newBuilder(ready).header("Authorization", "Bearer x")
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            starting.markReady();
            HttpResponse<String> after = server.send(java.net.http.HttpRequest.newBuilder(ready).build());
            HttpResponse<String> headAfter = server.send(head);

            // then: HEAD runs the same check (Javalin's own HEAD for a GET route answers 200 without it)
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(headBefore.statusCode()).isEqualTo(503);
            assertThat(headBefore.body()).isEmpty();
            assertThat(otherSpelling.statusCode()).isEqualTo(503);
            assertThat(strayToken.statusCode()).isEqualTo(503);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(headAfter.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void should_answer_unknown_routes_with_a_json_problem() {
        // when
        HttpResponse<String> r = server.get("/api/nope");

        // then
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(server.json(r).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void should_report_health_readiness_metrics_openapi_and_the_page() {
        // given
        server.postJson("/api/ask", AskApiIT.ANSWERABLE);

        // when
        HttpResponse<String> metrics = server.get("/metrics");
        JsonNode openapi = server.json(server.get("/openapi.json"));

        // then
        assertThat(server.json(server.get("/health")).get("status").asText()).isEqualTo("ok");
        assertThat(server.get("/ready").statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("footnote_http_requests_total{method=\"POST\",route=\"/api/ask\",status=\"200\"}")
                .contains("footnote_http_request_duration_seconds_bucket{")
                .contains("footnote_answer_stage_milliseconds_total{stage=\"retrieve\"}")
                .contains("footnote_answer_fallbacks_total{reason=\"no_model_configured\"}")
                .contains("footnote_index_documents 2")
                .containsPattern("footnote_index_chunks \\d+")
                .containsPattern("footnote_index_size_bytes \\d+");
        assertThat(openapi.get("openapi").asText()).startsWith("3.1");
        assertThat(openapi.get("paths").fieldNames()).toIterable().contains("/api/ask", "/v1/chat/completions",
                "/api/documents/{docId}", "/api/passages/{chunkId}", "/api/search", "/metrics");
        assertThat(openapi.at("/components/schemas").fieldNames()).toIterable().contains("Answer", "Citation", "Problem");
        HttpResponse<String> page = server.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
    }
}
