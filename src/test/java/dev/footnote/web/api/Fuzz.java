package dev.footnote.web.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Random and mutated raw HTTP/1.1 requests for Footnote's routes, reproducible from the {@link Random}'s seed. */
final class Fuzz {
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD");
    private static final List<String> ROUTES = List.of("/api/ask", "/api/search", "/api/documents", "/api/documents/{id}",
            "/api/passages/{id}", "/api/reindex", "/v1/chat/completions", "/v1/models", "/health", "/ready", "/metrics",
            "/openapi.json", "/", "/index.html", "/app.js", "/nope");
    private static final List<String> IDS = List.of(TestServer.SEED, TestServer.EXTRA, TestServer.SEED + "#0", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fpom.xml", "%00", "a%00b", "..", "%2e%2e", "..%5C..%5Cwin.ini", "%C0%AE%C0%AE%2F", "%ZZ", "%",
            "%E2%80%AE", "%F0%9F%92%A9", "x".repeat(3000), "tea.md%3Fstart=0", ";jsessionid=1", "CON", "tea.md/../tea.md");
    private static final List<String> TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/problem+json", "text/plain", "multipart/form-data; boundary=fuzz", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "", "*/*", "application/");
    private static final List<String> SEED_BODIES = List.of(
            "{\"question\":\"Is the United States open to holding a summit?\"}",
            "{\"question\":\"Who brewed tea at the lighthouse?\",\"topK\":3}",
            "{\"question\":\"And then?\",\"history\":[{\"role\":\"user\",\"content\":\"Tell me about the summit\"},"
                    + "{\"role\":\"assistant\",\"content\":\"It was discussed [1].\"}]}",
            "{\"model\":\"footnote\",\"messages\":[{\"role\":\"user\",\"content\":\"What did Blinken say?\"}],\"stream\":false}",
            "{\"model\":\"footnote\",\"messages\":[{\"role\":\"user\",\"content\":\"summit\"}],\"stream\":true}");
    private static final String ALPHABET = "{}[]\",:0123456789.eE+-truefalsnl \\/u\t\n";

    private final Random random;

    Fuzz(Random random) {
        this.random = random;
    }

    /** One whole request, with {@code Connection: close} and a Content-Length that matches its body. */
    byte[] request() {
        String route = pick(ROUTES);
        boolean bodyRoute = route.equals("/api/ask") || route.equals("/v1/chat/completions") || route.equals("/api/documents");
        String method = bodyRoute && random.nextInt(4) > 0 ? "POST" : pick(METHODS);
        String target = route.replace("{id}", pick(IDS)) + query();
        // a mutated target stays one token, so the request line stays HTTP/1.1 (a space or control makes it HTTP/0.9)
        if (random.nextInt(25) == 0) target = tokenSafe(mutate(target));
        byte[] body = method.equals("GET") || method.equals("HEAD") ? new byte[0] : body();
        StringBuilder h = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (body.length > 0 || random.nextBoolean()) h.append("Content-Type: ").append(pick(TYPES)).append("\r\n");
        if (random.nextInt(3) == 0) h.append("Accept: ").append(random.nextBoolean() ? "text/event-stream" : pick(TYPES)).append("\r\n");
        if (random.nextInt(4) == 0) h.append("Authorization: ").append(authorization()).append("\r\n");
        for (int i = random.nextInt(4); i > 0; i--) h.append(headerName()).append(": ").append(headerValue()).append("\r\n");
        h.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        // a head over the limit is answered 431 and its connection closed with bytes unread, which Linux turns into a
        // reset that can overtake the 431 (HostileInputIT.should_answer_431_to_oversized_headers covers those)
        if (h.length() > WebServer.MAX_HEADER_BYTES - 1024) return request();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private String query() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "?q=" + percent(randomText(random.nextInt(40))) + "&k=" + number();
            case 2 -> "?start=" + number() + "&end=" + number();
            case 3 -> "?q=" + "%41".repeat(random.nextInt(3000));
            case 4 -> "?" + percent(randomText(random.nextInt(60)));
            case 5 -> "?q=summit&k=5&q=tea&start=&end=";
            case 6 -> "?q=%00%ff%fe&k=%00";
            default -> "?q=lighthouse";
        };
    }

    private String number() {
        return pick(List.of("0", "1", "-1", "5", "999999999999", "2147483648", "1e3", "0x10", "", " 3", "NaN", "7"));
    }

    private byte[] body() {
        String s = switch (random.nextInt(7)) {
            case 0, 1 -> mutate(pick(SEED_BODIES));
            case 2 -> "{\"question\":" + randomJson(0) + ",\"topK\":" + randomJson(0) + ",\"history\":" + randomJson(0) + "}";
            case 3 -> deep(random.nextInt(3) == 0 ? 100_000 : 1 + random.nextInt(2_000));
            case 4 -> "{\"question\":\"" + jsonEscape(randomText(random.nextInt(5_000))) + "\"}";
            case 5 -> randomJson(0);
            default -> pick(SEED_BODIES);
        };
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0) {
            byte[] raw = new byte[random.nextInt(512)];
            random.nextBytes(raw);
            return raw;
        }
        return bytes;
    }

    private String randomJson(int depth) {
        return switch (depth > 4 ? random.nextInt(5) : random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> pick(List.of("0", "-0", "1e309", "-1", "2.5", "123456789012345678901234567890", "1E-400", "50", "8"));
            case 3, 4 -> "\"" + jsonEscape(randomText(random.nextInt(80))) + "\"";
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = random.nextInt(5); i > 0; i--) sb.append(randomJson(depth + 1)).append(i > 1 ? "," : "");
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                for (int i = random.nextInt(5); i > 0; i--) {
                    String key = pick(List.of("question", "topK", "history", "role", "content", "messages", "stream", "model",
                            "__proto__", "", "question"));
                    sb.append('"').append(key).append("\":").append(randomJson(depth + 1)).append(i > 1 ? "," : "");
                }
                yield sb.append('}').toString();
            }
        };
    }

    private String deep(int levels) {
        String open = random.nextBoolean() ? "[" : "{\"question\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(levels) + "\"x\"" + close.repeat(levels);
    }

    /** Deletes, duplicates, replaces or inserts a few characters. */
    private String mutate(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int n = 1 + random.nextInt(4); n > 0 && sb.length() > 0; n--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, sb.charAt(at));
                case 2 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> sb.insert(at, randomText(1 + random.nextInt(4)));
            }
        }
        return sb.toString();
    }

    /** Random code points, including controls, right-to-left marks, emoji and lone surrogates. */
    private String randomText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xA0 + random.nextInt(0x2F00);
                case 3 -> 0x1F300 + random.nextInt(0x300);
                case 4 -> 0xD800 + random.nextInt(0x800);
                default -> pick(List.of(0x202E, 0xFEFF, 0x0, 0xFFFD, 0x10FFFF, (int) '"', (int) '\\'));
            });
        }
        return sb.toString();
    }

    private static String tokenSafe(String target) {
        StringBuilder sb = new StringBuilder();
        for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append('%').append(String.format("%02X", c));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    private static String percent(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) sb.append('%').append(String.format("%02X", b & 0xff));
        return sb.toString();
    }

    private String authorization() {
        return switch (random.nextInt(5)) {
            case 0 -> "Bearer fuzz-admin-token";
            case 1 -> "Bearer " + "A".repeat(random.nextInt(4000));
            case 2 -> "Basic Zm9vOmJhcg==";
            case 3 -> "Bearer";
            default -> "bearer FUZZ-ADMIN-TOKEN";
        };
    }

    private String headerName() {
        return pick(List.of("X-Forwarded-For", "X-Real-IP", "Cookie", "Range", "If-None-Match", "Transfer-Encoding-X", "Origin",
                "Accept-Encoding", "Accept-Language", "X-" + Integer.toHexString(random.nextInt()), "Expect-X", "Referer"));
    }

    private String headerValue() {
        return switch (random.nextInt(6)) {
            case 0 -> "a".repeat(random.nextInt(12_000));
            case 1 -> "bytes=" + number() + "-" + number();
            case 2 -> new String(randomText(random.nextInt(30)).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                    .replaceAll("[\r\n\u0000]", "?");
            case 3 -> "1.2.3.4, " + random.nextInt(256) + ".0.0.1";
            case 4 -> "gzip, deflate, br";
            default -> "*";
        };
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
