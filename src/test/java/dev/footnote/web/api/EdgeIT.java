package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.config.ServerSettings;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server's edge: only allowed Host names, security headers and problem+json (UTF-8) on every response including
 * Jetty's own errors, cross-origin writes refused, /metrics behind its token, failed tokens rate limited.
 */
@Tag("integration")
class EdgeIT {
    static final String ADMIN = "edge-admin";
    static final String API = "edge-api";
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings(ADMIN, API, 1, 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response raw(String method, String target, Map<String, String> headers) {
        return RawHttp.send(server.web.port(), method, target, headers, new byte[0]);
    }

    private static Map<String, String> auth(String token) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + token);
        return h;
    }

    @Test
    void should_refuse_a_host_name_that_is_not_allowed_and_accept_loopback_names() {
        // when
        RawHttp.Response rebound = raw("GET", "/health", Map.of("Host", "evil.example:7070"));
        RawHttp.Response local = raw("GET", "/health", Map.of("Host", "localhost:7070"));
        RawHttp.Response v6 = raw("GET", "/health", Map.of("Host", "[::1]:7070"));

        // then
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.header("Content-Type")).isEqualTo("application/problem+json; charset=utf-8");
        assertThat(local.status()).isEqualTo(200);
        assertThat(v6.status()).isEqualTo(200);
    }

    @Test
    void should_listen_on_loopback_only_by_default() throws Exception {
        // given: an address of this machine that is not loopback
        java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no non-loopback IPv4 address on this machine");

        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket(other, server.web.port()).close())
                .isInstanceOf(java.net.ConnectException.class);
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void should_send_security_headers_on_pages_api_answers_and_errors() {
        // when
        List<RawHttp.Response> responses = List.of(raw("GET", "/", Map.of()), raw("GET", "/app.js", Map.of()),
                raw("GET", "/health", Map.of()), raw("GET", "/api/documents", auth(API)), raw("GET", "/api/documents", Map.of()),
                raw("GET", "/no/such/page", Map.of()), raw("GET", "/health", Map.of("Host", "evil.example")),
                raw("GET", "/api/%ZZ", Map.of()), raw("GET", "/" + "a".repeat(20_000), Map.of()));

        // then
        for (RawHttp.Response r : responses) {
            assertThat(r.header("Content-Security-Policy")).as(r.status() + " " + r.text())
                    .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void should_answer_jetty_level_errors_as_utf8_problem_json() throws Exception {
        // given: a path with bad escapes, a URI and headers too long, an unknown HTTP version, a non-ASCII path
        Map<String, String> hugeHeader = Map.of("X-Big", "b".repeat(40_000));
        List<RawHttp.Response> errors = List.of(raw("GET", "/api/%ZZ", Map.of()), raw("GET", "/a%00b", Map.of()),
                raw("GET", "/" + "a".repeat(70_000), Map.of()), raw("GET", "/health", hugeHeader),
                raw("GET", "/api/documents/%C3%BCber-nothing", auth(API)),
                // every method gets its problem body, not only GET, POST and HEAD
                raw("PUT", "/api/%ZZ", Map.of()), raw("OPTIONS", "/api/%ZZ", Map.of()), raw("DELETE", "/a%00b", Map.of()));
        RawHttp.Response badVersion = RawHttp.parse(rawBytes("GET /health HTTP/7.1\r\nHost: 127.0.0.1\r\n\r\n"));

        // then
        for (RawHttp.Response r : concat(errors, badVersion)) {
            assertThat(r.status()).as(r.text()).isBetween(400, 505);
            assertThat(r.header("Content-Type")).as(r.status() + " " + r.text()).isEqualTo("application/problem+json; charset=utf-8");
            String text = strictUtf8(r.body());
            JsonNode problem = new ObjectMapper().readTree(text);
            assertThat(problem.get("status").asInt()).isEqualTo(r.status());
            assertThat(problem.get("title").asText()).isNotBlank();
        }
        assertThat(strictUtf8(errors.get(4).body())).contains("über-nothing");
    }

    @Test
    void should_refuse_cross_origin_writes_even_with_the_right_token() {
        // given
        Map<String, String> evil = auth(ADMIN);
        evil.put("Origin", "http://evil.example");
        evil.put("Content-Type", "application/json");
        Map<String, String> fetchMeta = auth(ADMIN);
        fetchMeta.put("Sec-Fetch-Site", "cross-site");
        fetchMeta.put("Content-Type", "application/json");
        Map<String, String> form = auth(ADMIN);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> same = auth(ADMIN);
        same.put("Origin", "http://127.0.0.1:" + server.web.port());
        same.put("Content-Type", "application/json");

        // when
        int fromEvil = RawHttp.send(server.web.port(), "POST", "/api/reindex", evil, "{}".getBytes()).status();
        int crossSite = RawHttp.send(server.web.port(), "POST", "/api/reindex", fetchMeta, "{}".getBytes()).status();
        int formPost = RawHttp.send(server.web.port(), "POST", "/api/reindex", form, "a=b".getBytes()).status();
        int sameOrigin = RawHttp.send(server.web.port(), "POST", "/api/reindex", same, "{}".getBytes()).status();

        // then
        assertThat(fromEvil).isEqualTo(403);
        assertThat(crossSite).isEqualTo(403);
        assertThat(formPost).isEqualTo(415);
        assertThat(sameOrigin).isEqualTo(200);
    }

    @Test
    void should_put_metrics_behind_the_api_token() {
        // when
        HttpResponse<String> open = server.get("/metrics");
        HttpResponse<String> withToken = server.get("/metrics", "Authorization", "Bearer " + API);

        // then
        assertThat(open.statusCode()).isEqualTo(401);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void should_keep_metrics_bounded_whatever_methods_and_paths_clients_send() {
        // when
        for (int i = 0; i < 1_000; i++) {
            RawHttp.send(server.web.port(), "M" + Integer.toString(i, 36).toUpperCase() + "X", "/made/up/" + i, Map.of(), new byte[0]);
        }
        HttpResponse<String> metrics = server.get("/metrics", "Authorization", "Bearer " + API);

        // then
        assertThat(metrics.body().length()).isLessThan(200 * 1024);
        assertThat(metrics.body()).contains("method=\"other\"").contains("route=\"unmatched\"").doesNotContain("M1X");
    }

    @Test
    void should_lock_out_a_client_after_too_many_failed_tokens() throws Exception {
        // given
        try (TestServer limited = TestServer.start(new ServerSettings(null, API, 1, 0).withAuthFailuresPerMinute(3))) {
            // when
            for (int i = 0; i < 3; i++) {
                assertThat(limited.get("/api/documents", "Authorization", "Bearer guess" + i).statusCode()).isEqualTo(403);
            }
            HttpResponse<String> fourth = limited.get("/api/documents", "Authorization", "Bearer guess4");
            HttpResponse<String> evenRight = limited.get("/api/documents", "Authorization", "Bearer " + API);

            // then
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(evenRight.statusCode()).isEqualTo(429);
            assertThat(evenRight.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void should_count_refused_requests_against_the_rate_limit() throws Exception {
        // given
        try (TestServer limited = TestServer.start(new ServerSettings(null, API, 1, 3))) {
            // when
            for (int i = 0; i < 3; i++) assertThat(limited.get("/api/documents").statusCode()).isEqualTo(401);
            HttpResponse<String> fourth = limited.get("/api/documents", "Authorization", "Bearer " + API);

            // then
            assertThat(fourth.statusCode()).isEqualTo(429);
        }
    }

    private static List<RawHttp.Response> concat(List<RawHttp.Response> a, RawHttp.Response b) {
        List<RawHttp.Response> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static byte[] rawBytes(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.web.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(out);
            } catch (java.net.SocketException e) {
                // reset after the response: what arrived is enough
            }
            return out.toByteArray();
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
}
