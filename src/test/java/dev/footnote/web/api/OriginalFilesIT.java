package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.config.ServerSettings;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Hashing;
import dev.footnote.support.OfficeFiles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A multi-page PDF and a Word file dropped into seeds/: cited by page and section, and served as the indexed bytes. */
@Tag("integration")
class OriginalFilesIT {
    static final String[] ADMIN = {"Authorization", "Bearer admin-secret"};
    static final String PDF = "harbour-report.pdf";
    static final String DOCX = "ferry-plan.docx";
    static final String QUESTION = "When will the new Harbour Bridge open to traffic?";
    static TestServer server;
    static byte[] pdf;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings("admin-secret", null, 5, 0));
        pdf = OfficeFiles.pdf("Harbour district report", OfficeFiles.REPORT_HEADER, OfficeFiles.REPORT);
        Files.write(server.seeds.resolve(PDF), pdf);
        Files.write(server.seeds.resolve(DOCX), OfficeFiles.docx("Title|Ferry timetable review", "Heading1|Winter service",
                "|The winter ferry leaves Castlebay at 07:30 on weekdays.", "Heading1|Summer service",
                "|In summer a second ferry to Oban sails at 13:15 every afternoon."));
        server.app.syncSeeds(Progress.silent());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String ask(String question) {
        return "{\"question\":\"" + question + "\"}";
    }

    private static JsonNode citationQuoting(JsonNode citations, String text) {
        for (JsonNode c : citations) if (c.get("quote").asText().contains(text)) return c;
        throw new AssertionError("no citation quotes '" + text + "' in " + citations);
    }

    @Test
    void should_cite_page_3_of_a_pdf_with_the_exact_quote() {
        // when
        JsonNode answer = server.json(server.postJson("/api/ask", ask(QUESTION)));

        // then
        JsonNode c = citationQuoting(answer.get("citations"), "14 March 2027");
        assertThat(c.get("docId").asText()).isEqualTo(PDF);
        assertThat(c.get("page").asInt()).isEqualTo(3);
        assertThat(c.get("pageEnd").isNull()).isTrue();
        assertThat(c.get("section").asText()).isEqualTo("Opening");
        assertThat(c.get("quote").asText()).isEqualTo(OfficeFiles.PAGE_3_ANSWER);
        String text = server.json(server.get("/api/documents/" + PDF)).get("text").asText();
        assertThat(text.substring(c.get("start").asInt(), c.get("end").asInt())).isEqualTo(c.get("quote").asText());
    }

    @Test
    void should_carry_the_page_in_streamed_and_openai_compatible_answers() throws Exception {
        // when
        HttpResponse<String> sse = server.postJson("/api/ask", ask(QUESTION), "Accept", "text/event-stream");
        JsonNode v1 = server.json(server.postJson("/v1/chat/completions",
                "{\"model\":\"footnote\",\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]}"));

        // then
        List<JsonNode> streamed = TestServer.events(sse.body()).stream().filter(e -> e.name().equals("citation"))
                .map(e -> {
                    try {
                        return server.json.readTree(e.data());
                    } catch (Exception x) {
                        throw new AssertionError(x);
                    }
                }).toList();
        assertThat(streamed).anyMatch(c -> c.get("quote").asText().contains("14 March 2027") && c.get("page").asInt() == 3);
        assertThat(citationQuoting(v1.get("footnote").get("citations"), "14 March 2027").get("page").asInt()).isEqualTo(3);
        assertThat(v1.get("choices").get(0).get("message").get("content").asText()).contains("p. 3");
    }

    @Test
    void should_cite_the_section_of_a_word_file() {
        // when
        JsonNode answer = server.json(server.postJson("/api/ask", ask("When does the summer ferry to Oban sail?")));

        // then
        JsonNode c = citationQuoting(answer.get("citations"), "13:15");
        assertThat(c.get("docId").asText()).isEqualTo(DOCX);
        assertThat(c.get("section").asText()).isEqualTo("Summer service");
        assertThat(c.get("page").isNull()).isTrue();
        assertThat(server.json(server.get("/api/documents/" + DOCX)).get("title").asText()).isEqualTo("Ferry timetable review");
    }

    @Test
    void should_serve_the_original_pdf_inline_as_the_indexed_bytes() throws Exception {
        // when
        HttpResponse<byte[]> r = server.http.send(server.builder("/api/documents/" + PDF + "/file").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        // then
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;").contains(PDF);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.body()).isEqualTo(pdf);
        assertThat(r.headers().firstValue("ETag")).hasValue("\"" + Hashing.sha256(pdf) + "\"");
    }

    @Test
    void should_sandbox_an_original_html_file_so_its_scripts_cannot_run_here() throws Exception {
        // given
        Files.writeString(server.seeds.resolve("page.html"), "<html><title>Tides</title><script>alert(1)</script>"
                + "<p>High tide at Castlebay is at 06:12.</p></html>");
        server.app.syncSeeds(Progress.silent());

        // when
        HttpResponse<String> r = server.get("/api/documents/page.html/file");

        // then
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
    }

    @Test
    void should_refuse_to_serve_a_file_replaced_since_it_was_indexed() throws Exception {
        // given
        Files.writeString(server.seeds.resolve("notice.txt"), "The quay is closed on Sundays.\n");
        server.app.syncSeeds(Progress.silent());
        assertThat(server.get("/api/documents/notice.txt/file").body()).isEqualTo("The quay is closed on Sundays.\n");

        // when
        Files.writeString(server.seeds.resolve("notice.txt"), "The quay is open on Sundays.\n");
        HttpResponse<String> r = server.get("/api/documents/notice.txt/file");

        // then
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(server.json(r).get("type").asText()).isEqualTo("/problems/file-changed");
        assertThat(server.json(r).get("detail").asText()).contains("changed since it was indexed");
    }

    @Test
    void should_answer_404_for_unknown_documents_and_odd_path_spellings() {
        for (String path : List.of("/api/documents/nope.pdf/file", "/api/documents/..%2F..%2Fetc%2Fpasswd/file",
                "/api/documents/%2e%2e/file", "/api/documents/" + PDF + "/file/extra")) {
            HttpResponse<String> r = server.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/problem+json");
            assertThat(r.body()).as(path).doesNotContain("root:");
        }
    }

    @Test
    void should_accept_office_uploads_and_refuse_fakes_and_zip_bombs_with_the_reason() {
        // when
        HttpResponse<String> deck = server.upload("budget.pptx", OfficeFiles.pptx(
                new String[] {"Library budget", "The library budget rises by four percent in 2026."}), ADMIN);
        HttpResponse<String> fake = server.upload("fake.docx", "not a zip at all".getBytes(StandardCharsets.UTF_8), ADMIN);
        HttpResponse<String> bomb = server.upload("bomb.docx", OfficeFiles.zipBomb(50), ADMIN);

        // then
        assertThat(deck.statusCode()).isEqualTo(201);
        assertThat(server.json(deck).get("title").asText()).isEqualTo("Library budget");
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(server.json(fake).get("detail").asText()).contains("not a .docx file");
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(server.json(bomb).get("detail").asText()).contains("zip bomb");
        assertThat(server.get("/api/documents/fake.docx").statusCode()).isEqualTo(404);
        assertThat(Files.exists(server.seeds.resolve("bomb.docx"))).isFalse();
    }

    @Test
    void should_guard_the_file_route_like_the_other_document_routes() throws Exception {
        try (TestServer guarded = TestServer.start(new ServerSettings(null, "api-secret", 5, 0))) {
            String path = "/api/documents/" + TestServer.SEED + "/file";
            assertThat(guarded.get(path).statusCode()).isEqualTo(401);
            assertThat(guarded.get(path, "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
            HttpResponse<String> ok = guarded.get(path, "Authorization", "Bearer api-secret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo(Files.readString(guarded.seeds.resolve(TestServer.SEED)));
        }
    }
}
