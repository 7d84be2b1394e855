package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.ServerSettings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Admin routes disabled without an admin token, the optional API token, and the per-client rate limit. */
@Tag("integration")
class GuardIT {
    @Test
    void should_hide_admin_routes_when_no_admin_token_is_configured_and_require_the_api_token() throws Exception {
        // given
        try (TestServer server = TestServer.start(new ServerSettings(null, "api-secret", 20, 0))) {
            String[] auth = {"Authorization", "Bearer api-secret"};

            // when
            HttpResponse<String> upload = server.upload("x.txt", "hello".getBytes(), auth);
            HttpResponse<String> reindex = server.postJson("/api/reindex", "{}", auth);
            HttpResponse<String> anonymous = server.get("/api/documents");
            HttpResponse<String> wrong = server.get("/v1/models", "Authorization", "Bearer nope");

            // then
            assertThat(upload.statusCode()).isEqualTo(404);
            assertThat(reindex.statusCode()).isEqualTo(404);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(server.get("/api/documents", auth).statusCode()).isEqualTo(200);
            assertThat(server.get("/v1/models", auth).statusCode()).isEqualTo(200);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void should_limit_each_client_per_minute_with_retry_after() throws Exception {
        // given
        try (TestServer server = TestServer.start(new ServerSettings(null, null, 20, 3))) {
            // when
            for (int i = 0; i < 3; i++) assertThat(server.get("/api/documents").statusCode()).isEqualTo(200);
            HttpResponse<String> fourth = server.get("/api/documents");

            // then
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
            assertThat(server.json(fourth).get("type").asText()).endsWith("rate-limited");
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
