package dev.footnote.web.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed request line, a URI or headers too long, an unknown HTTP version, a path with bad
 * bytes) as {@code application/problem+json}, like every other error, instead of Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
    static final String CONTENT_TYPE = Problem.CONTENT_TYPE + "; charset=utf-8";

    /** Every method gets its problem body: Jetty's default answers only GET, POST and HEAD, a DELETE got a bare 400. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        SecurityHeaders.addTo(fields);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        SecurityHeaders.addTo(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body(status, message)), callback);
    }

    /** A problem body naming the status; Jetty's reason text is kept when it says something (it never holds input). */
    static byte[] body(int status, String reason) {
        String title = HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() ? title : reason;
        return json(byStatus(status, title, detail));
    }

    /** A problem typed by its status alone ({@code /problems/http-421}), for refusals made before any routing. */
    static Problem byStatus(int status, String title, String detail) {
        return new Problem("/problems/http-" + status, title, status, detail, null);
    }

    /** The problem as JSON, written by hand: Jetty's error paths run outside Javalin and its JSON mapper. */
    static byte[] json(Problem p) {
        String json = "{\"type\":" + quote(p.type()) + ",\"title\":" + quote(p.title()) + ",\"status\":" + p.status()
                + ",\"detail\":" + quote(p.detail()) + (p.field() == null ? "" : ",\"field\":" + quote(p.field())) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Writes a problem response straight from a Jetty handler, before any routing, and closes the connection. */
    static void write(Response response, Callback callback, Problem problem) {
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(new HttpField(HttpHeader.CONNECTION, "close"));
        response.write(true, ByteBuffer.wrap(json(problem)), callback);
    }
}
