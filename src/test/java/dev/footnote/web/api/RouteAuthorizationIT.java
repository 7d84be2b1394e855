package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.ServerSettings;
import dev.footnote.index.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Authorization belongs to the write routes themselves: every spelling of every write route (trailing and doubled
 * slashes, dot segments, percent-encoding, path parameters, matrix parameters), sent byte for byte over a raw socket,
 * with no token, a wrong token and the right one, with the admin token set and unset. Nothing is written without the
 * right token, and a spelling that reaches a handler with the right token is refused there without it. The read and
 * API routes (the original files, examples, feedback, MCP, metrics) get the same table under every combination of API,
 * admin and metrics token: a spelling never answers without its token when one is set, and /health never needs one.
 */
@Tag("integration")
class RouteAuthorizationIT {
    private static final String TOKEN = "route-admin-token";
    private static final String VICTIM = "victim.md";
    private static int counter;

    enum Credential { NONE, WRONG, RIGHT }

    record Route(String method, String path) {
    }

    static final List<Route> WRITE_ROUTES = List.of(
            new Route("POST", "/api/documents"),
            new Route("DELETE", "/api/documents/" + VICTIM),
            new Route("POST", "/api/reindex"));

    /** Spellings of a path that a server might route to the same handler. */
    static List<String> spellings(String path) {
        String top = path.substring(1, path.indexOf('/', 1)); // api, v1
        String p = "/" + top + "/";
        String rest = path.substring(p.length()); // documents, documents/victim.md, reindex, chat/completions
        Set<String> s = new LinkedHashSet<>(List.of(
                path, path + "/", path + "//", "/" + path, p + "/" + rest, p + "./" + rest, p + "zz/../" + rest,
                p + pct(rest.charAt(0)) + rest.substring(1), "/" + pct(top.charAt(0)) + top.substring(1) + "/" + rest,
                "/" + top + "%2F" + rest, path + "%2F", path + "/.", path + ";x=1", "/" + top + ";x=1/" + rest, path + "?x=1",
                path + "/?x=1", "/" + top.toUpperCase() + "/" + rest, path + "%20", p + rest.toUpperCase()));
        if (rest.contains("/")) {
            int slash = rest.indexOf('/');
            String id = rest.substring(slash + 1);
            s.add(p + rest.substring(0, slash) + "/" + id.replace(".", "%2E"));
            s.add(p + rest.substring(0, slash) + "//" + id);
            s.add(p + rest.substring(0, slash) + "/./" + id);
            s.add(p + rest.substring(0, slash) + "%2F" + id);
            s.add(p + rest.substring(0, slash) + "/zz/../" + id);
        }
        return new ArrayList<>(s);
    }

    private static String pct(char c) {
        return String.format("%%%02X", (int) c);
    }

    @Test
    void should_guard_every_api_route_and_make_the_write_routes_admin_only() throws Exception {
        try (TestServer server = TestServer.start(new ServerSettings(TOKEN, null, 1, 0))) {
            // when
            List<io.javalin.router.Endpoint> routes = server.web.endpoints().stream()
                    .filter(e -> e.path.startsWith("/api/") || e.path.startsWith("/v1/") || e.path.equals("/metrics")).toList();

            // then: a route added later without guard.api/admin/metrics fails here
            assertThat(routes).hasSizeGreaterThanOrEqualTo(11);
            for (io.javalin.router.Endpoint e : routes) {
                assertThat(e.handler).as(e.method + " " + e.path).isInstanceOf(Guard.Guarded.class);
                boolean write = WRITE_ROUTES.stream().anyMatch(w -> w.method().equals(e.method.name())
                        && w.path().replace(VICTIM, "{docId}").equals(e.path));
                if (write) assertThat(((Guard.Guarded) e.handler).access).as(e.method + " " + e.path).isEqualTo(Guard.Access.ADMIN);
            }
        }
    }

    @Test
    void should_refuse_every_spelling_of_every_write_route_without_the_admin_token() throws Exception {
        for (boolean adminSet : new boolean[] {true, false}) {
            try (TestServer server = TestServer.start(new ServerSettings(adminSet ? TOKEN : null, null, 1, 0))) {
                for (Route route : WRITE_ROUTES) {
                    for (String spelling : spellings(route.path())) {
                        Map<Credential, Integer> statuses = new LinkedHashMap<>();
                        for (Credential c : Credential.values()) statuses.put(c, attempt(server, route, spelling, c, adminSet));
                        String what = (adminSet ? "admin token set: " : "admin token unset: ") + route.method() + " " + spelling + " " + statuses;
                        statuses.values().forEach(code -> assertThat(code).as(what).isBetween(200, 499));
                        if (!adminSet) {
                            statuses.values().forEach(code -> assertThat(code).as(what).isGreaterThanOrEqualTo(400));
                        } else if (statuses.get(Credential.RIGHT) < 300) {
                            // this spelling reached the handler: without the right token it must have been refused there
                            assertThat(statuses.get(Credential.NONE)).as(what).isEqualTo(401);
                            assertThat(statuses.get(Credential.WRONG)).as(what).isEqualTo(403);
                        }
                        if (adminSet && (spelling.equals(route.path()) || spelling.equals(route.path() + "/"))) {
                            assertThat(statuses.get(Credential.RIGHT)).as("the right token works: " + what).isLessThan(300);
                        }
                    }
                }
            }
        }
    }

    private static final String API = "route-api-token";
    private static final String METRICS = "route-metrics-token";
    private static final String MCP_LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    private static final String ASK = "{\"question\":\"lighthouse tea\"}";
    private static final String CHAT = "{\"model\":\"footnote\",\"messages\":[{\"role\":\"user\",\"content\":\"lighthouse tea\"}]}";
    private static final String REPORT = "{\"question\":\"q\",\"answer\":\"a\",\"verdict\":\"up\"}";

    /** A route that reads or answers, and the status its handler gives the right caller; OPEN means no guard. */
    record ReadRoute(String method, String path, Guard.Access access, int reached, String body) {
    }

    static final List<ReadRoute> READ_ROUTES = List.of(
            new ReadRoute("GET", "/api/documents/" + TestServer.SEED + "/file", Guard.Access.API, 200, null),
            new ReadRoute("HEAD", "/api/documents/" + TestServer.SEED + "/file", Guard.Access.API, 200, null),
            new ReadRoute("GET", "/api/examples", Guard.Access.API, 200, null),
            new ReadRoute("POST", "/api/feedback", Guard.Access.API, 201, REPORT),
            new ReadRoute("GET", "/api/feedback", Guard.Access.ADMIN, 200, null),
            new ReadRoute("HEAD", "/api/feedback", Guard.Access.ADMIN, 200, null),
            new ReadRoute("POST", "/mcp", Guard.Access.API, 200, MCP_LIST),
            new ReadRoute("GET", "/mcp", Guard.Access.API, 405, null),
            new ReadRoute("DELETE", "/mcp", Guard.Access.API, 405, null),
            new ReadRoute("GET", "/metrics", Guard.Access.METRICS, 200, null),
            new ReadRoute("HEAD", "/metrics", Guard.Access.METRICS, 200, null),
            new ReadRoute("GET", "/health", null, 200, null),
            // the routes the change re-registered behind the guard (and gave a guarded HEAD), every spelling each
            new ReadRoute("POST", "/api/ask", Guard.Access.API, 200, ASK),
            new ReadRoute("POST", "/v1/chat/completions", Guard.Access.API, 200, CHAT),
            new ReadRoute("GET", "/v1/models", Guard.Access.API, 200, null),
            new ReadRoute("HEAD", "/v1/models", Guard.Access.API, 200, null),
            new ReadRoute("GET", "/api/documents", Guard.Access.API, 200, null),
            new ReadRoute("HEAD", "/api/documents", Guard.Access.API, 200, null),
            new ReadRoute("GET", "/api/documents/" + TestServer.SEED, Guard.Access.API, 200, null),
            new ReadRoute("HEAD", "/api/documents/" + TestServer.SEED, Guard.Access.API, 200, null),
            new ReadRoute("GET", "/api/passages/" + TestServer.SEED + "%230", Guard.Access.API, 200, null),
            new ReadRoute("HEAD", "/api/passages/" + TestServer.SEED + "%230", Guard.Access.API, 200, null),
            new ReadRoute("GET", "/api/search", Guard.Access.API, 400, null), // reached: no q
            new ReadRoute("HEAD", "/api/search", Guard.Access.API, 400, null),
            new ReadRoute("HEAD", "/api/examples", Guard.Access.API, 200, null),
            new ReadRoute("HEAD", "/mcp", Guard.Access.API, 405, null),
            new ReadRoute("HEAD", "/health", null, 200, null),
            new ReadRoute("GET", "/ready", null, 200, null),
            new ReadRoute("HEAD", "/ready", null, 200, null),
            new ReadRoute("GET", "/openapi.json", null, 200, null),
            new ReadRoute("HEAD", "/openapi.json", null, 200, null));

    /** Which tokens a server is started with. */
    record Tokens(String admin, String api, String metrics) {
        /** The token a route requires here, or null when it is open (or, for admin, absent). */
        String required(Guard.Access access) {
            if (access == null) return null;
            return switch (access) {
                case ADMIN -> admin;
                case API -> api;
                case METRICS -> metrics != null ? metrics : api;
            };
        }

        @Override
        public String toString() {
            return "admin " + (admin != null) + ", api " + (api != null) + ", metrics " + (metrics != null);
        }
    }

    static final List<Tokens> TOKEN_SETS = List.of(new Tokens(TOKEN, API, null), new Tokens(TOKEN, API, METRICS),
            new Tokens(null, null, null), new Tokens(null, null, METRICS));

    /** Spellings of a one-segment path (/mcp, /metrics, /health), like {@link #spellings} for /api paths. */
    static List<String> topSpellings(String path) {
        String name = path.substring(1);
        return List.of(path, path + "/", path + "//", "/" + path, "/./" + name, "/zz/../" + name, "/" + pct(name.charAt(0))
                + name.substring(1), "/" + name.toUpperCase(), path + "%2F", path + "/.", path + ";x=1", path + "?x=1",
                path + "/?x=1", path + "%20", path + "/zz/..", "/%2E/" + name, "/zz%2F..%2F" + name);
    }

    @Test
    void should_register_each_route_with_the_access_it_needs() throws Exception {
        // given: what every guarded route requires, and the routes that need no token
        Map<String, Guard.Access> expected = new LinkedHashMap<>();
        for (String r : List.of("POST /api/ask", "GET /api/passages/{chunkId}", "GET /api/documents", "GET /api/documents/{docId}",
                "GET /api/documents/{docId}/file", "GET /api/search", "GET /api/examples", "POST /v1/chat/completions",
                "GET /v1/models", "POST /mcp", "GET /mcp", "DELETE /mcp", "POST /api/feedback")) {
            expected.put(r, Guard.Access.API);
        }
        for (String r : List.of("POST /api/documents", "DELETE /api/documents/{docId}", "POST /api/reindex", "GET /api/feedback")) {
            expected.put(r, Guard.Access.ADMIN);
        }
        expected.put("GET /metrics", Guard.Access.METRICS);
        // a GET route's HEAD goes through the same guard: Javalin's own HEAD answer would skip it
        for (String r : List.copyOf(expected.keySet())) {
            if (r.startsWith("GET ")) expected.put("HEAD " + r.substring(4), expected.get(r));
        }
        Set<String> open = Set.of("GET /health", "GET /ready", "GET /openapi.json", "HEAD /health", "HEAD /ready", "HEAD /openapi.json");

        try (TestServer server = TestServer.start(new ServerSettings(TOKEN, API, 1, 0))) {
            // when
            Map<String, Guard.Access> actual = new LinkedHashMap<>();
            List<String> unguarded = new ArrayList<>();
            for (io.javalin.router.Endpoint e : server.web.endpoints()) {
                String key = e.method.name() + " " + e.path;
                if (e.handler instanceof Guard.Guarded g) actual.put(key, g.access);
                else unguarded.add(key);
            }

            // then: a route added without its guard, or with the wrong one, fails here
            assertThat(actual).isEqualTo(expected);
            assertThat(unguarded).containsExactlyInAnyOrderElementsOf(open);
        }
    }

    @Test
    void should_refuse_every_spelling_of_every_read_route_without_its_token() throws Exception {
        for (Tokens tokens : TOKEN_SETS) {
            try (TestServer server = TestServer.start(new ServerSettings(tokens.admin(), tokens.api(), 1, 0).withMetricsToken(tokens.metrics()))) {
                for (ReadRoute route : READ_ROUTES) {
                    String required = tokens.required(route.access());
                    boolean absentAdmin = route.access() == Guard.Access.ADMIN && tokens.admin() == null;
                    List<String> targets = route.path().indexOf('/', 1) > 0 ? spellings(route.path()) : topSpellings(route.path());
                    for (String target : targets) {
                        Map<String, Integer> statuses = new LinkedHashMap<>();
                        statuses.put("none", read(server, route, target, null));
                        statuses.put("wrong", read(server, route, target, (required == null ? API : required) + "x"));
                        statuses.put("other", read(server, route, target, other(tokens, route.access())));
                        statuses.put("right", read(server, route, target, required));
                        String what = tokens + ": " + route.method() + " " + target + " " + statuses;

                        // then: never a 5xx, whatever the spelling
                        statuses.values().forEach(code -> assertThat(code).as(what).isBetween(200, 499));
                        if (absentAdmin) {
                            statuses.values().forEach(code -> assertThat(code).as(what).isGreaterThanOrEqualTo(400));
                            continue;
                        }
                        boolean canonical = target.equals(route.path()) || target.equals(route.path() + "/");
                        if (canonical) assertThat(statuses.get("right")).as("the right token works: " + what).isEqualTo(route.reached());
                        if (required == null) {
                            // an open route (or one whose token is unset) answers anyone the same
                            if (canonical) assertThat(statuses.get("none")).as(what).isEqualTo(route.reached());
                            // a route open by design takes no token at all: a stray or wrong one is ignored, not refused
                            if (canonical && route.access() == null) {
                                assertThat(statuses.get("wrong")).as(what).isEqualTo(route.reached());
                                assertThat(statuses.get("other")).as(what).isEqualTo(route.reached());
                            }
                            continue;
                        }
                        // a set token is never bypassed: no spelling answers without it
                        for (String c : List.of("none", "wrong", "other")) {
                            assertThat(statuses.get(c)).as(what).isGreaterThanOrEqualTo(400);
                            if (route.reached() >= 400) assertThat(statuses.get(c)).as(what).isNotEqualTo(route.reached());
                        }
                        if (statuses.get("right") == route.reached()) {
                            // this spelling reached the handler: without the right token it was refused there
                            assertThat(statuses.get("none")).as(what).isEqualTo(401);
                            assertThat(statuses.get("wrong")).as(what).isEqualTo(403);
                            assertThat(statuses.get("other")).as(what).isEqualTo(403);
                        }
                    }
                }
            }
        }
    }

    /** Another role's token: the API token on admin and own-token metrics routes, else the admin token (or a guess). */
    private static String other(Tokens tokens, Guard.Access access) {
        if (access == Guard.Access.ADMIN || access == Guard.Access.METRICS && tokens.metrics() != null) {
            return tokens.api() != null ? tokens.api() : API;
        }
        return tokens.admin() != null ? tokens.admin() : TOKEN;
    }

    private static int read(TestServer server, ReadRoute route, String target, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) headers.put("Authorization", "Bearer " + token);
        if (route.body() != null) headers.put("Content-Type", "application/json");
        if (route.path().equals("/mcp")) headers.put("Accept", "application/json, text/event-stream");
        byte[] body = route.body() == null ? new byte[0] : route.body().getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(server.web.port(), route.method(), target, headers, body).status();
    }

    /** Sends one request and checks that, unless it was authorized, it changed nothing; returns its status. */
    private static int attempt(TestServer server, Route route, String target, Credential c, boolean adminSet) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (c == Credential.WRONG) headers.put("Authorization", "Bearer " + TOKEN + "x");
        if (c == Credential.RIGHT) headers.put("Authorization", "Bearer " + TOKEN);
        boolean authorized = adminSet && c == Credential.RIGHT;
        switch (route.path()) {
            case "/api/documents" -> {
                String name = "upload-" + (++counter) + ".txt";
                String boundary = "----b" + counter;
                headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
                byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: text/plain\r\n\r\nPlanted text number " + counter + ".\r\n--" + boundary + "--\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                int status = RawHttp.send(server.web.port(), route.method(), target, headers, body).status();
                if (!authorized) assertThat(server.seeds.resolve(name)).as(route.method() + " " + target + " " + c).doesNotExist();
                return status;
            }
            case "/api/reindex" -> {
                String planted = "planted-" + (++counter) + ".md";
                Files.writeString(server.seeds.resolve(planted), "# Planted\nPlanted text number " + counter + ".");
                headers.put("Content-Type", "application/json");
                int status = RawHttp.send(server.web.port(), route.method(), target, headers, "{}".getBytes()).status();
                if (!authorized) {
                    assertThat(server.app.index().document(planted)).as(route.method() + " " + target + " " + c).isEmpty();
                }
                Files.delete(server.seeds.resolve(planted));
                server.app.syncSeeds(Progress.silent());
                return status;
            }
            default -> {
                if (server.app.index().document(VICTIM).isEmpty()) {
                    Files.writeString(server.seeds.resolve(VICTIM), "# Victim\nThe victim document must survive.");
                    server.app.syncSeeds(Progress.silent());
                }
                int status = RawHttp.send(server.web.port(), route.method(), target, headers, new byte[0]).status();
                if (!authorized) {
                    assertThat(server.seeds.resolve(VICTIM)).as(route.method() + " " + target + " " + c).exists();
                    assertThat(server.app.index().document(VICTIM)).as(route.method() + " " + target + " " + c).isPresent();
                }
                return status;
            }
        }
    }
}
