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
}
