package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.support.Skip;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Unmodified OpenAI clients (LangChain4j, the official npm package) ask Footnote and get footnoted answers. */
@Tag("integration")
class OpenAiClientsIT {
    private static final String WHAT = "OpenAiClientsIT (official openai npm client)";
    static final String QUESTION = "Is the United States open to holding a summit?";
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    String baseUrl() {
        return server.url("/v1");
    }

    @Test
    void should_answer_langchain4j_openai_chat_model_with_sources_in_the_text() {
        // given
        ChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("unused").modelName("footnote")
                .timeout(Duration.ofSeconds(30)).build();

        // when
        ChatResponse r = model.chat(SystemMessage.from("You are helpful."), UserMessage.from("What did Blinken say?"),
                AiMessage.from("He spoke about talks with Lavrov [1]."), UserMessage.from(QUESTION));

        // then
        String text = r.aiMessage().text();
        assertThat(text).contains("summit").contains("\n\nSources:\n[1] ");
        assertThat(r.finishReason().name()).isEqualTo("STOP");
        assertThat(r.tokenUsage().totalTokenCount()).isPositive();
    }

    @Test
    void should_stream_to_langchain4j_openai_streaming_chat_model() throws Exception {
        // given
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey("unused")
                .modelName("footnote").timeout(Duration.ofSeconds(30)).build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        // when
        model.chat(QUESTION, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse r = done.get(60, TimeUnit.SECONDS);

        // then
        assertThat(r.aiMessage().text()).isEqualTo(partials.toString()).contains("summit").contains("Sources:\n[1] ");
        assertThat(r.finishReason().name()).isEqualTo("STOP");
    }

    @Test
    void should_answer_the_official_openai_npm_client_streaming_and_not() throws Exception {
        // given
        Path dir = Path.of("target", "node").toAbsolutePath();
        // .ci/run installs the package only where Node is present; without Node there is no client to run
        if (!has("node")) throw Skip.because(WHAT, "node is not installed");
        Files.createDirectories(dir);
        if (!Files.isDirectory(dir.resolve("node_modules/openai"))) {
            Skip.unless(has("npm"), WHAT, "npm is not installed", "install npm");
            Result npm = run(dir, List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", dir.toString(), "openai@6"));
            Skip.unless(npm.exit == 0, WHAT, "npm install openai@6 failed (offline?): " + npm.output.strip(),
                    "make the npm registry reachable");
        }
        Path script = dir.resolve("footnote-client.mjs");
        try (var in = OpenAiClientsIT.class.getResourceAsStream("/footnote-client.mjs")) {
            Files.write(script, in.readAllBytes());
        }

        // when
        Result r = run(dir, List.of("node", script.toString(), baseUrl(), QUESTION));

        // then
        assertThat(r.exit).as(r.output).isZero();
        JsonNode out = server.json.readTree(r.output.lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(out.get("models").get(0).asText()).isEqualTo("footnote");
        assertThat(out.get("content").asText()).contains("summit").contains("Sources:\n[1] ");
        assertThat(out.get("footnote").get("citations").get(0).get("quote").asText()).contains("summit");
        assertThat(out.get("streamed").asText()).isEqualTo(out.get("content").asText());
        assertThat(out.get("streamFootnote").get("citations").size()).isPositive();
        assertThat(out.get("finish").asText()).isEqualTo("stop");
    }

    private static boolean has(String command) {
        try {
            return run(Path.of("."), List.of(command, "--version")).exit == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), out.join());
    }
}
