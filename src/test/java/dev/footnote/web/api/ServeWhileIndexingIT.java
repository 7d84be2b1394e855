package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.App;
import dev.footnote.config.Settings;
import dev.footnote.index.Embedder;
import dev.footnote.index.IngestReport;
import dev.footnote.index.PassageText;
import dev.footnote.index.PassageVectors;
import dev.footnote.index.Progress;
import dev.footnote.support.HashEmbedder;
import dev.footnote.support.TestEmbedders;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} over a large seeds folder answers from the part already committed while the rest is being indexed. The
 * indexer is paused deterministically: the embedder blocks on its second batch until the test releases it, so exactly
 * the first batch (committed at once by design) is searchable meanwhile.
 */
@Tag("integration")
class ServeWhileIndexingIT {
    private static final int DOCUMENTS = 80;
    private static final int FIRST_BATCH = 32; // Indexer.BATCH_DOCS
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_answer_from_committed_documents_and_report_progress_while_the_rest_is_indexed() throws Exception {
        // given: 80 seed documents, an embedder that pauses before the second batch
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        for (int i = 0; i < DOCUMENTS; i++) {
            Files.writeString(seeds.resolve(String.format(Locale.ROOT, "doc-%03d.txt", i)), String.format(Locale.ROOT, """
                    Harbour report %1$d

                    The harbour of Qelmar%1$d received %1$d ships in spring. The keeper Zorbin%1$d brewed smoked tea every
                    evening at six. The quay of Qelmar%1$d was rebuilt from grey granite after the storm.
                    """, i));
        }
        Gate gate = new Gate(new HashEmbedder(), 2);
        Settings settings = Settings.defaults().withDirs(seeds, tmp.resolve("index"));
        try (App app = new App(settings, gate, Optional.empty());
             WebServer web = app.webServer().start(0)) {
            web.markReady();
            CompletableFuture<IngestReport> sync = app.syncSeedsInBackground(Progress.silent());
            try {
                assertThat(gate.paused.await(60, TimeUnit.SECONDS)).as("indexer reached its second batch").isTrue();

                // when: the server is asked while indexing is paused after the first batch
                int ready = get(web, "/ready").statusCode();
                JsonNode health = json.readTree(get(web, "/health").body());
                JsonNode documents = json.readTree(get(web, "/api/documents").body());
                JsonNode early = json.readTree(get(web, "/api/search?k=5&q=" + enc("Zorbin5 tea")).body());
                JsonNode late = json.readTree(get(web, "/api/search?k=5&q=" + enc("Zorbin70")).body());
                JsonNode answer = json.readTree(post(web, "/api/ask", "{\"question\": \"What did the keeper Zorbin5 brew every evening?\"}").body());

                // then: ready, progress visible, only whole committed documents searched and cited
                assertThat(ready).isEqualTo(200);
                assertThat(health.path("indexing").path("active").asBoolean()).isTrue();
                assertThat(health.path("indexing").path("documentsTotal").asInt()).isEqualTo(DOCUMENTS);
                assertThat(health.path("indexing").path("documentsDone").asInt()).isBetween(FIRST_BATCH, 2 * FIRST_BATCH);
                Set<String> committed = new HashSet<>();
                for (JsonNode d : documents) committed.add(d.path("id").asText());
                assertThat(committed).hasSize(FIRST_BATCH).contains("doc-000.txt", "doc-031.txt").doesNotContain("doc-032.txt");
                for (JsonNode d : documents) assertThat(d.path("chunks").asInt()).as("whole documents only").isPositive();
                assertThat(docIds(early.path("hits"))).contains("doc-005.txt");
                assertThat(docIds(late.path("hits"))).doesNotContain("doc-070.txt").allMatch(committed::contains);
                assertThat(answer.path("citations").size()).isPositive();
                assertThat(docIds(answer.path("citations"))).allMatch(committed::contains).contains("doc-005.txt");
            } finally {
                gate.release.countDown();
            }

            // and when indexing finishes, everything is searchable and the status says so
            IngestReport report = sync.get(60, TimeUnit.SECONDS);
            JsonNode health = json.readTree(get(web, "/health").body());
            JsonNode late = json.readTree(get(web, "/api/search?k=5&q=" + enc("Zorbin70")).body());
            assertThat(report.added()).isEqualTo(DOCUMENTS);
            assertThat(health.path("indexing").path("active").asBoolean()).isFalse();
            assertThat(health.path("indexing").path("documentsDone").asInt()).isEqualTo(DOCUMENTS);
            assertThat(docIds(late.path("hits"))).contains("doc-070.txt");
        }
    }

    private static List<String> docIds(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.path("docId").asText());
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(WebServer web, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(WebServer web, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Embeds through a delegate, but blocks on the {@code pauseAt}-th batch of passages until released. */
    private static final class Gate extends TestEmbedders.Forwarding {
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final int pauseAt;
        private final AtomicInteger batches = new AtomicInteger();

        Gate(Embedder delegate, int pauseAt) {
            super(delegate);
            this.pauseAt = pauseAt;
        }

        @Override
        public List<PassageVectors> embedWithSentences(List<PassageText> passages) {
            if (batches.incrementAndGet() == pauseAt) {
                paused.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.embedWithSentences(passages);
        }
    }
}
