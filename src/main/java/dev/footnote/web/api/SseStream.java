package dev.footnote.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent event stream on a response: headers go out at once, each event is flushed as it is written, and a
 * comment line every second finds out whether the client is still there. Once a write fails, the next event throws
 * {@link ClientGone}, which stops the answer (and cancels the model call) instead of finishing it for nobody.
 */
final class SseStream implements AutoCloseable {
    static final long HEARTBEAT_MS = 1_000;
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "footnote-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final OutputStream out;
    private final ObjectMapper json;
    private final ScheduledFuture<?> heartbeat;
    private boolean closed;

    SseStream(Context ctx, ObjectMapper json) {
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        this.json = json;
        try {
            // the servlet stream itself: Javalin's ctx.outputStream() wraps it in a stream whose flush() does nothing
            this.out = ctx.res().getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(": stream open\n\n"); // commits the headers now, without a Content-Length
        this.heartbeat = HEARTBEATS.scheduleWithFixedDelay(this::ping, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    }

    static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    /** Writes {@code event: name} with {@code data} as JSON; throws {@link ClientGone} once the client has left. */
    synchronized void event(String name, Object data) {
        ensureOpen();
        write("event: " + name + "\ndata: " + toJson(data) + "\n\n");
    }

    /** Writes a bare {@code data:} line (the OpenAI streaming format). */
    synchronized void data(String raw) {
        ensureOpen();
        write("data: " + raw + "\n\n");
    }

    /** Throws {@link ClientGone} if a write has failed: the answer's remaining work would be for nobody. */
    synchronized void ensureOpen() {
        if (closed) throw new ClientGone();
    }

    String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void ping() {
        write(": keep-alive\n\n");
    }

    private void write(String frame) {
        if (closed) return;
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            closed = true; // the client went away
        }
    }

    @Override
    public void close() {
        heartbeat.cancel(false);
        synchronized (this) {
            closed = true;
        }
    }

    /** The client closed the connection; thrown through the answer to stop it. */
    static final class ClientGone extends CancellationException {
        ClientGone() {
            super("the client closed the event stream");
        }
    }
}
