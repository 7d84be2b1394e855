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
 * right token, and a spelling that reaches a handler with the right token is refused there without it.
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
        String rest = path.substring("/api/".length()); // documents, documents/victim.md, reindex
        Set<String> s = new LinkedHashSet<>(List.of(
                path, path + "/", path + "//", "/" + path, "/api//" + rest, "/api/./" + rest, "/api/zz/../" + rest,
                "/api/" + pct(rest.charAt(0)) + rest.substring(1), "/%61pi/" + rest, "/api%2F" + rest, path + "%2F",
                path + "/.", path + ";x=1", "/api;x=1/" + rest, path + "?x=1", path + "/?x=1", "/API/" + rest,
                path + "%20", "/api/" + rest.toUpperCase()));
        if (rest.contains("/")) {
            int slash = rest.indexOf('/');
            String id = rest.substring(slash + 1);
            s.add("/api/" + rest.substring(0, slash) + "/" + id.replace(".", "%2E"));
            s.add("/api/" + rest.substring(0, slash) + "//" + id);
            s.add("/api/" + rest.substring(0, slash) + "/./" + id);
            s.add("/api/" + rest.substring(0, slash) + "%2F" + id);
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
