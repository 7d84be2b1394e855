package dev.footnote.web.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 request over a raw socket, the request target sent exactly as given (no client normalisation). */
final class RawHttp {
    private RawHttp() {
    }

    /** A response: status, headers (lower-case names) and body bytes. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            s.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            return parse(s.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a trickled request got: the server's answer, or why there was none ({@link #trickle}). */
    record Trickled(Response response, String failure) {
        /** "status content-type body", or the failure. */
        String describe() {
            return failure != null ? failure : response.status() + " " + response.header("Content-Type") + " " + response.text();
        }
    }

    /**
     * Sends {@code head}, then {@code tail} a byte every 100 ms (as one-byte chunks when {@code chunked}) until the
     * server answers, and reads the answer. A tail sent whole means the server was still reading at its end: it held on
     * too long, which is a failure, as is a close without a response.
     */
    static Trickled trickle(int port, String head, String tail, boolean chunked, int timeoutMs) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(timeoutMs);
            java.io.OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int sent = 0;
            try {
                for (char c : tail.toCharArray()) {
                    if (in.available() > 0) break;
                    sent++;
                    out.write((chunked ? "1\r\n" + c + "\r\n" : String.valueOf(c)).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (java.net.SocketException e) {
                // the server answered and closed while the body was still coming
            }
            if (sent == tail.length() && sent > 0) return new Trickled(null, "still reading after " + sent + " trickled bytes");
            byte[] raw = readToEnd(in);
            if (raw.length == 0) return new Trickled(null, "0 (closed without a response)");
            return new Trickled(parse(raw), null);
        }
    }

    static Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) throw new IllegalStateException("no complete response: " + all);
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, c).strip().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).strip(), (a, b) -> a + ", " + b);
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) rest = dechunk(rest);
        return new Response(status, headers, rest);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int lineEnd = i;
            while (lineEnd + 1 < in.length && !(in[lineEnd] == '\r' && in[lineEnd + 1] == '\n')) lineEnd++;
            int size = Integer.parseInt(new String(in, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) break;
            out.write(in, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** Reads the response to a request already written on {@code in}'s socket. */
    static Response read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /**
     * Writes {@code request} as given on a fresh connection and reads until the server closes it. The server may answer
     * (413, 414, 431) and close before the whole request is written, and a reset after the response keeps what was read.
     */
    static byte[] exchange(int port, byte[] request, int timeoutMs) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(timeoutMs);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (java.net.SocketException e) {
                // answered and closed before the whole request was written: read the answer
            }
            return readToEnd(s.getInputStream());
        }
    }

    /** Everything the server sends until it closes; a silent hang past the socket timeout fails the test. */
    static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        try {
            for (int n; (n = in.read(b)) > 0; ) buf.write(b, 0, n);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection", e);
        } catch (java.net.SocketException e) {
            // reset after the response: what was read is the answer
        }
        return buf.toByteArray();
    }
}
