package dev.footnote.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent event stream on a response, flushed after every event. A client that goes away stops the writes
 * but not the caller, so the answer still completes and is counted.
 */
final class SseStream {
    private final OutputStream out;
    private final ObjectMapper json;
    private boolean closed;

    SseStream(Context ctx, ObjectMapper json) {
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        this.out = ctx.outputStream();
        this.json = json;
    }

    static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    /** Writes {@code event: name} with {@code data} as JSON. */
    synchronized void event(String name, Object data) {
        write("event: " + name + "\ndata: " + toJson(data) + "\n\n");
    }

    /** Writes a bare {@code data:} line (the OpenAI streaming format). */
    synchronized void data(String raw) {
        write("data: " + raw + "\n\n");
    }

    String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean closed() {
        return closed;
    }

    private void write(String frame) {
        if (closed) return;
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            closed = true; // the client went away; finish the answer quietly
        }
    }
}
