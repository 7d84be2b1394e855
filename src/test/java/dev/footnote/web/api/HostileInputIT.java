package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over raw sockets, from a fixed seed: random and mutated JSON bodies, headers, query strings and paths
 * (traversal, NUL, invalid escapes, huge values) get only 2xx or 4xx, never 5xx; the server stays up and its heap stays
 * bounded, and every request gets a response (no silent close, no redirect); oversized headers get 431; a client that
 * stops half-way through a request body gets 408 when the idle timeout cuts it off (half-way through its headers, the
 * connection is closed).
 */
@Tag("integration")
class HostileInputIT {
    private static final long SEED = 20_240_601L;
    private static final int REQUESTS = 2_400;
    private static final int IDLE_TIMEOUT_MS = 1_500;
    private static final int HANG_GUARD_MS = 30_000;
    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;
    private static final String ADMIN = "fuzz-admin-token";

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ServerSettings(ADMIN, null, 1, 0), IDLE_TIMEOUT_MS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_answer_thousands_of_hostile_requests_with_2xx_or_4xx_and_stay_up_with_bounded_heap() throws Exception {
        // given
        Random random = new Random(SEED);
        Fuzz fuzz = new Fuzz(random);
        for (int i = 0; i < 20; i++) send(fuzz.request()); // warm up before the heap baseline
        long heapBefore = heapAfterGc();
        List<String> serverErrors = new ArrayList<>();
        int[] byClass = new int[6];
        List<String> unanswered = new ArrayList<>();

        // when
        for (int i = 0; i < REQUESTS; i++) {
            byte[] request = fuzz.request();
            int status = send(request);
            byClass[Math.max(0, status / 100)]++;
            if (status >= 500 && serverErrors.size() < 10) serverErrors.add(status + " <- " + head(request));
            // a dropped connection or a redirect is neither a 2xx nor a named 4xx
            if ((status < 200 || status / 100 == 3) && unanswered.size() < 10) unanswered.add(status + " <- " + head(request));
        }
        long heapAfter = heapAfterGc();

        // then
        System.out.printf("hostile requests: %d; 2xx %d, 3xx %d, 4xx %d, 5xx %d, no response %d; heap after GC %d -> %d MB%n",
                REQUESTS, byClass[2], byClass[3], byClass[4], byClass[5], byClass[0], heapBefore >> 20, heapAfter >> 20);
        assertThat(serverErrors).as("requests answered with 5xx").isEmpty();
        assertThat(byClass[5]).isZero();
        assertThat(unanswered).as("requests closed without a response (0) or redirected (3xx)").isEmpty();
        assertThat(byClass[4]).as("the fuzz reaches the validators").isGreaterThan(REQUESTS / 4);
        assertThat(byClass[2]).as("and gets past them too").isGreaterThan(REQUESTS / 20);
        assertThat(send(get("/health"))).isEqualTo(200);
        assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(MAX_HEAP_GROWTH);
        try (var files = Files.list(server.root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("seeds", "index");
        }
    }

    @Test
    void should_refuse_traversal_through_document_and_passage_ids() throws Exception {
        for (String path : List.of("/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/..%2f..%2f..%2fpom.xml",
                "/api/documents/%2e%2e%2f%2e%2e%2fpom.xml?start=0&end=5", "/api/documents/%00", "/api/documents/a%00b",
                "/api/passages/..%2F..%2Fetc%2Fpasswd", "/api/documents/..%5C..%5Cpom.xml", "/../../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd", "/..%2F..%2Fpom.xml", "/api/documents/%C0%AE%C0%AE%2Fpom.xml")) {
            byte[] response = exchange(get(path));
            int status = status(response);
            assertThat(status).as(path).isBetween(400, 499);
            assertThat(new String(response, StandardCharsets.ISO_8859_1)).as(path).doesNotContain("root:").doesNotContain("<project");
        }
    }

    @Test
    void should_answer_431_to_oversized_headers() throws Exception {
        // when
        int one = send(("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(WebServer.MAX_HEADER_BYTES + 1)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder many = new StringBuilder("GET /api/documents HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 2_000; i++) many.append("X-H").append(i).append(": v\r\n");
        int count = send(many.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));

        // then
        assertThat(one).isEqualTo(431);
        assertThat(count).isEqualTo(431);
        assertThat(send(get("/health"))).isEqualTo(200);
    }

    @Test
    void should_answer_408_to_a_client_that_stops_half_way_through_its_request_body() throws Exception {
        for (String half : List.of(
                "POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"quest",
                "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 500\r\n\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n\r\nsome te")) {
            // when the client goes quiet, the server answers 408 and closes the connection
            byte[] rest = halfSent(half);

            // then
            assertThat(status(rest)).as(half.lines().findFirst().orElse("") + " -> " + new String(rest, StandardCharsets.ISO_8859_1))
                    .isEqualTo(408);
        }
        assertThat(send(get("/health"))).isEqualTo(200);
    }

    @Test
    void should_close_the_connection_of_a_client_that_stops_half_way_through_its_headers() throws Exception {
        // when: Jetty has no request to answer yet, so the idle timeout closes the connection (a 408 would do too)
        byte[] rest = halfSent("GET /health HTTP/1.1\r\nHost: localhost\r\n");

        // then
        assertThat(status(rest)).as(new String(rest, StandardCharsets.ISO_8859_1)).isIn(0, 408);
        assertThat(send(get("/health"))).isEqualTo(200);
    }

    /** What the server sends after {@code half} before closing; fails if it neither answers nor closes in time. */
    private static byte[] halfSent(String half) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.web.port())) {
            // only a guard against a server that never cuts the client off: the 408 shows the idle timeout did
            s.setSoTimeout(IDLE_TIMEOUT_MS + HANG_GUARD_MS);
            s.getOutputStream().write(half.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readToEnd(s.getInputStream());
        }
    }

    @Test
    void should_refuse_a_body_that_ends_before_its_content_length_with_a_4xx() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.web.port())) {
            // given
            s.setSoTimeout(IDLE_TIMEOUT_MS + HANG_GUARD_MS);
            s.getOutputStream().write(("POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"question\":").getBytes(StandardCharsets.US_ASCII));

            // when the client closes its side half-way through the body
            s.shutdownOutput();
            byte[] response = readToEnd(s.getInputStream());

            // then
            int status = status(response);
            assertThat(status / 100).as(new String(response, StandardCharsets.ISO_8859_1)).isEqualTo(4);
        }
        assertThat(send(get("/health"))).isEqualTo(200);
    }

    // ---- requests over raw sockets

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The status of the response to {@code request} on a fresh connection, or 0 if the server closed it silently. */
    private static int send(byte[] request) throws IOException {
        return status(exchange(request));
    }

    private static byte[] exchange(byte[] request) throws IOException {
        return RawHttp.exchange(server.web.port(), request, 30_000);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        return RawHttp.readToEnd(in);
    }

    private static int status(byte[] response) {
        String head = new String(response, 0, Math.min(response.length, 12), StandardCharsets.ISO_8859_1);
        return head.matches("HTTP/1\\.[01] \\d{3}") ? Integer.parseInt(head.substring(9, 12)) : 0;
    }

    private static String head(byte[] request) {
        String s = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return s.replace("\r\n", " | ");
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
