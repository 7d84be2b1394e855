package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.llm.StubLlmServer;
import dev.footnote.config.ServerSettings;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Event streams that stream: a stub model sends its first token and then waits until the test has received the
 * first event carrying it, so arrival order is proven without timing. A client that leaves cancels the model call.
 */
@Tag("integration")
class StreamingIT {
    private static final String QUESTION = "{\"question\":\"What tea did the Pemberton lighthouse keepers brew?\"}";
    /** The stub gives up waiting for the test after this long; a buffered server only answers after it. */
    private static final Duration GATE_TIMEOUT = Duration.ofSeconds(20);

    static StubLlmServer stub;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        stub = StubLlmServer.start();
        server = TestServer.start(ServerSettings.open(), stub.openAiSettings(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        server.close();
        stub.close();
    }

    @Test
    void should_deliver_the_first_delta_of_api_ask_while_the_model_is_still_answering() throws Exception {
        // given
        StubLlmServer.Gate gate = new StubLlmServer.Gate(List.of("The keepers brewed "),
                List.of("smoked lapsang tea every evening [1]."), 0, GATE_TIMEOUT);
        stub.respondWith(gate);

        // when
        HttpResponse<InputStream> r = server.http.send(server.builder("/api/ask", "Content-Type", "application/json",
                "Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(QUESTION)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> events = new ArrayList<>();
        String firstDelta = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event: ")) event = line.substring(7);
                if (line.startsWith("data: ") && "delta".equals(event) && firstDelta == null) {
                    firstDelta = line;
                    assertThat(gate.open().getCount()).as("the model is still waiting").isEqualTo(1);
                    gate.open().countDown();
                }
                if (event != null && line.isEmpty()) {
                    events.add(event);
                    event = null;
                }
            }
        }

        // then
        assertThat(gate.opened().get()).as("the test received the first delta before the model went on").isTrue();
        assertThat(firstDelta).contains("keepers brewed");
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(events).startsWith("retrieval", "delta").endsWith("done");
    }

    @Test
    void should_send_the_headers_and_role_chunk_of_a_chat_completion_stream_at_once() throws Exception {
        // given
        StubLlmServer.Gate gate = new StubLlmServer.Gate(List.of("The keepers brewed "),
                List.of("smoked lapsang tea every evening [1]."), 0, GATE_TIMEOUT);
        stub.respondWith(gate);
        String body = "{\"model\":\"footnote\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"What tea did the Pemberton lighthouse keepers brew?\"}]}";

        // when
        HttpResponse<InputStream> r = server.http.send(server.builder("/v1/chat/completions", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> data = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("data: ")) continue;
                if (data.isEmpty()) {
                    assertThat(gate.open().getCount()).as("the model is still waiting").isEqualTo(1);
                    gate.open().countDown();
                }
                data.add(line.substring(6));
            }
        }

        // then
        assertThat(gate.opened().get()).as("the role chunk arrived before the model went on").isTrue();
        assertThat(data.get(0)).contains("\"role\":\"assistant\"");
        assertThat(data).last().isEqualTo("[DONE]");
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
    }

    @Test
    void should_cancel_the_model_call_when_the_client_goes_away() throws Exception {
        // given: a model that would stream for 20 s more
        List<String> many = Collections.nCopies(400, "tea ");
        StubLlmServer.Gate gate = new StubLlmServer.Gate(List.of("The keepers brewed "), many, 50, GATE_TIMEOUT);
        gate.open().countDown();
        stub.respondWith(gate);

        // when: the client reads the first delta and hangs up
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.web.port())) {
            byte[] body = QUESTION.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("event: delta")) break;
            }
        }

        // then: the model's stream is cut long before its 400 tokens are out
        assertThat(gate.cut().await(15, TimeUnit.SECONDS)).as("the model call was cancelled").isTrue();
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
}
