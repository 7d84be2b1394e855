package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.ServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Slow clients are cut off, fast ones are served: 300 loopback connections that each send a request body one byte at a
 * time hold no worker thread, {@code /health} answers within a second meanwhile, and the trickling bodies get 408.
 */
@Tag("integration")
class TrickleIT {
    private static final int CONNECTIONS = 300;

    @Test
    void should_keep_answering_while_hundreds_of_clients_trickle_request_bodies() throws Exception {
        try (TestServer server = TestServer.start(ServerSettings.open())) {
            List<Socket> tricklers = new ArrayList<>();
            try {
                // given: a warm client and server, then the trickling connections
                assertThat(server.get("/health").statusCode()).isEqualTo(200);
                for (int i = 0; i < CONNECTIONS; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.web.port());
                    s.getOutputStream().write(("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                    tricklers.add(s);
                }
                for (Socket s : tricklers) s.getOutputStream().write(' '); // one more byte each, still far from done

                // when
                HttpResponse<String> health = server.http.send(server.builder("/health").timeout(Duration.ofSeconds(1)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> ask = server.http.send(server.builder("/api/ask", "Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"lighthouse tea\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                // then
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(ask.statusCode()).isEqualTo(200);
                Socket first = tricklers.get(0);
                first.setSoTimeout(30_000);
                RawHttp.Response cut = RawHttp.read(first.getInputStream());
                assertThat(cut.status()).isEqualTo(408);
                assertThat(cut.header("Content-Type")).startsWith("application/problem+json");
            } finally {
                for (Socket s : tricklers) closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
