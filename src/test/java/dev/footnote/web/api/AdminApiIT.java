package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.config.ServerSettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploading, deleting and re-indexing documents with the admin token. */
@Tag("integration")
class AdminApiIT {
    static final String TOKEN = "admin-secret";
    static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings(TOKEN, null, 1, 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_make_an_uploaded_file_answerable_without_a_restart() throws Exception {
        // given
        byte[] text = "The Quillfeather observatory on Mount Ardent recorded the comet Vexley on 3 March 1911."
                .getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> r = server.upload("quillfeather notes.txt", text, AUTH);
        JsonNode answer = server.json(server.postJson("/api/ask", "{\"question\":\"Where was the comet Vexley recorded?\"}"));

        // then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode doc = server.json(r);
        assertThat(doc.get("id").asText()).startsWith("quillfeather_notes.txt");
        assertThat(doc.get("chunks").asInt()).isEqualTo(1);
        assertThat(Files.readAllBytes(server.seeds.resolve("quillfeather notes.txt"))).isEqualTo(text);
        assertThat(answer.get("citations").get(0).get("docId").asText()).isEqualTo(doc.get("id").asText());
        assertThat(answer.get("answer").asText()).contains("Quillfeather");
    }

    @Test
    void should_refuse_admin_routes_without_the_right_token() {
        // when
        HttpResponse<String> none = server.upload("x.txt", "hello".getBytes(), new String[0]);
        HttpResponse<String> wrong = server.delete("/api/documents/" + TestServer.EXTRA, "Authorization", "Bearer nope");
        HttpResponse<String> wrongReindex = server.postJson("/api/reindex", "{}", "Authorization", "Bearer admin-secreT");

        // then
        assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(403);
        assertThat(wrongReindex.statusCode()).as(wrongReindex.body()).isEqualTo(403);
        assertThat(server.json(wrong).get("field").asText()).isEqualTo("Authorization");
        assertThat(server.get("/api/documents/" + TestServer.EXTRA).statusCode()).isEqualTo(200);
    }

    @Test
    void should_not_accept_a_token_that_differs_only_in_case_on_a_reused_connection() {
        // given: the right token has been seen on this keep-alive connection
        assertThat(server.postJson("/api/reindex", "{}", AUTH).statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> r = server.postJson("/api/reindex", "{}", "Authorization", "Bearer " + TOKEN.toUpperCase());

        // then
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "..\\escape.txt", "/etc/escape.txt", "sub/escape.txt", ".hidden.txt", "a..b.txt", "C:escape.txt"})
    void should_refuse_upload_names_that_could_leave_the_seeds_folder(String name) throws Exception {
        // when
        HttpResponse<String> r = server.upload(name, "escape".getBytes(), AUTH);

        // then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(server.json(r).get("field").asText()).isEqualTo("file");
        assertThat(server.root.resolve("escape.txt")).doesNotExist();
        try (var files = Files.list(server.seeds)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.contains("escape"));
        }
    }

    @Test
    void should_let_a_client_that_sends_its_whole_oversized_upload_before_reading_see_the_413() {
        // given a 1 MB limit and a client that writes all 1.9 MB of its body before it reads anything
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[1_900_000];
        java.util.Arrays.fill(body, (byte) 'a');
        System.arraycopy(head, 0, body, 0, head.length);

        // when
        RawHttp.Response r = RawHttp.send(server.web.port(), "POST", "/api/documents",
                java.util.Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "multipart/form-data; boundary=b"), body);

        // then the server read and dropped the body instead of closing the connection under the client's writes
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.text()).contains("\"field\":\"file\"");
    }

    @Test
    void should_cut_off_an_upload_that_trickles_in_slower_than_the_minimum_rate_with_408() throws Exception {
        // given an admin upload of 4 KB sent 10 bytes every 100 ms (100 B/s, under the 1 KB/s minimum): it never goes
        // quiet long enough for the idle timeout, and whole it would take 40 s
        String head = "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 4000\r\n\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n\r\n";

        // when: the file's bytes follow one every 100 ms (10 B/s) until the server answers
        RawHttp.Trickled t = RawHttp.trickle(server.web.port(), head, "slow words ".repeat(40), false, 60_000);

        // then: 408 (the upload's body was failed once it fell behind), and nothing was stored
        assertThat(t.failure()).isNull();
        assertThat(t.response().status()).as(t.describe()).isEqualTo(408);
        assertThat(t.response().header("Content-Type")).startsWith("application/problem+json");
        assertThat(server.get("/api/documents").body()).doesNotContain("slow.txt");
    }

    @Test
    void should_accept_an_upload_that_arrives_slowly_but_above_the_minimum_rate() throws Exception {
        // given an admin upload of about 16 KB sent 200 bytes every 100 ms (2 KB/s, over the 1 KB/s minimum): it takes
        // longer than the 5 s grace, so a meter that missed what the route reads, or was stricter than the rule, refuses it
        String words = "The lighthouse keeper logged a slow but steady upload of harbour notes. ".repeat(220);
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"steady.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + words + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.web.port())) {
            s.setSoTimeout(60_000);

            // when
            s.getOutputStream().write(head);
            for (int from = 0; from < body.length; from += 200) {
                s.getOutputStream().write(body, from, Math.min(200, body.length - from));
                s.getOutputStream().flush();
                Thread.sleep(100);
            }

            // then
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        assertThat(server.get("/api/documents").body()).contains("steady.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // no closing boundary
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"broken1.txt\"\r\n\r\nsome words",
        // a boundary other than the header's
        "--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"broken2.txt\"\r\n\r\nsome words\r\n--other--\r\n",
        // no part named file
        "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nsome words\r\n--b--\r\n",
        // a part header cut off
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filena"})
    void should_refuse_broken_multipart_framing_with_a_problem_and_store_nothing(String body) {
        // when
        RawHttp.Response r = RawHttp.send(server.web.port(), "POST", "/api/documents",
                java.util.Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "multipart/form-data; boundary=b"),
                body.getBytes(StandardCharsets.US_ASCII));

        // then
        assertThat(r.status()).as(r.text()).isBetween(400, 499);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(server.get("/api/documents").body()).doesNotContain("broken1.txt").doesNotContain("broken2.txt");
    }

    @Test
    void should_refuse_unsupported_types_oversized_and_unreadable_files() {
        // when
        HttpResponse<String> exe = server.upload("tool.exe", "MZ".getBytes(), AUTH);
        HttpResponse<String> big = server.upload("big.txt", "a ".repeat(600_000).getBytes(), AUTH);
        HttpResponse<String> binary = server.upload("bin.txt", new byte[] {0, 1, 2, 3}, AUTH);
        HttpResponse<String> noFile = server.postJson("/api/documents", "{}", AUTH);

        // then
        assertThat(exe.statusCode()).as(exe.body()).isEqualTo(415);
        assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(400);
        assertThat(server.json(binary).get("field").asText()).isEqualTo("file");
        assertThat(noFile.statusCode()).as(noFile.body()).isEqualTo(415);
    }

    @Test
    void should_delete_a_document_from_the_index_and_the_seeds_folder_then_reindex() throws Exception {
        // given
        assertThat(server.upload("doomed.md", "# Doomed\nThe doomed page mentions zeppelins.".getBytes(), AUTH).statusCode()).isEqualTo(201);

        // when
        HttpResponse<String> deleted = server.delete("/api/documents/doomed.md", AUTH);
        HttpResponse<String> again = server.delete("/api/documents/doomed.md", AUTH);
        HttpResponse<String> reindex = server.postJson("/api/reindex", "{}", AUTH);

        // then
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
        assertThat(server.seeds.resolve("doomed.md")).doesNotExist();
        assertThat(server.get("/api/documents/doomed.md").statusCode()).isEqualTo(404);
        assertThat(reindex.statusCode()).as(reindex.body()).isEqualTo(200);
        assertThat(server.json(reindex).get("deleted").asInt()).isZero();
    }

    @Test
    void should_refuse_to_replace_an_existing_document_unless_asked_to() throws Exception {
        // given
        byte[] original = "The Marlowe bridge opened in 1932.".getBytes(StandardCharsets.UTF_8);
        byte[] planted = "The Marlowe bridge was never built.".getBytes(StandardCharsets.UTF_8);
        assertThat(server.upload("marlowe.txt", original, AUTH).statusCode()).isEqualTo(201);

        // when
        HttpResponse<String> again = server.upload("marlowe.txt", planted, AUTH);

        // then
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        assertThat(server.json(again).get("field").asText()).isEqualTo("file");
        assertThat(server.json(again).get("detail").asText()).contains("marlowe.txt").contains("replace=true");
        assertThat(Files.readAllBytes(server.seeds.resolve("marlowe.txt"))).isEqualTo(original);
        assertThat(server.get("/api/documents/marlowe.txt").body()).contains("opened in 1932");

        // and when replacing is what the admin means
        HttpResponse<String> replaced = server.replace("marlowe.txt", planted, AUTH);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        assertThat(Files.readAllBytes(server.seeds.resolve("marlowe.txt"))).isEqualTo(planted);
    }

    @ParameterizedTest
    @ValueSource(ints = {120, 300})
    void should_refuse_long_or_non_ascii_names_with_4xx_never_5xx(int length) throws Exception {
        // given
        String accented = "é".repeat(length) + ".txt";
        String ascii = "a".repeat(length * 2) + ".txt";

        // when
        HttpResponse<String> a = server.upload(accented, "Accented names.".getBytes(StandardCharsets.UTF_8), AUTH);
        HttpResponse<String> b = server.upload(ascii, "Long names.".getBytes(StandardCharsets.UTF_8), AUTH);

        // then
        assertThat(a.statusCode()).as(a.body()).isEqualTo(400);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(400);
        assertThat(server.json(a).get("field").asText()).isEqualTo("file");
        assertThat(server.upload("é".repeat(60) + length + ".txt", "Sixty accents fit.".getBytes(StandardCharsets.UTF_8), AUTH).statusCode())
                .isEqualTo(201);
    }

    @Test
    void should_not_delete_a_file_outside_the_seeds_folder_through_a_linked_folder() throws Exception {
        // given: an index built before the boundary existed holds a document reached through a link out of seeds/
        java.nio.file.Path outside = Files.createDirectories(server.root.resolve("outside"));
        java.nio.file.Path victim = Files.writeString(outside.resolve("x.txt"), "Outside text about the Harwick canal.");
        java.nio.file.Path link = Files.createSymbolicLink(server.seeds.resolve("linked"), outside);
        dev.footnote.ingest.SourceDocument doc = new dev.footnote.ingest.DocumentLoader(1_000_000).load(victim, "linked/x.txt");
        server.app.indexer().put(doc);
        try {
            // when
            HttpResponse<String> r = server.delete("/api/documents/" + doc.id(), AUTH);

            // then: gone from the index, but the file outside is untouched
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
            assertThat(victim).exists();
        } finally {
            Files.delete(link);
        }
    }
}
