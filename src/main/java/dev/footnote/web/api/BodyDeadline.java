package dev.footnote.web.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads small request bodies (JSON questions, not multipart uploads) without a thread: the bytes are gathered as they
 * arrive and the request is handed on only once its body is complete. A body that arrives slower than
 * {@code minBytesPerSecond} after a grace period gets 408 and its connection is closed, so hundreds of clients
 * trickling a byte at a time hold neither worker threads nor sockets for long, and {@code /health} keeps answering.
 * A multipart upload is read by its route as it arrives (it may be large), held to the same minimum rate: one that
 * falls behind has its body failed, which its route answers with 408.
 */
final class BodyDeadline extends Handler.Wrapper {
    private final long maxBytes;
    private final long graceNanos;
    private final long minBytesPerSecond;
    /** A declared body up to this many times the largest is read and dropped before its 413; a larger one is not read. */
    private static final long DRAIN_FACTOR = 16;

    BodyDeadline(long maxBytes, long graceMillis, long minBytesPerSecond, Handler next) {
        super(next);
        this.maxBytes = maxBytes;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (length == 0 || (length < 0 && !chunked)) return super.handle(request, response, callback);
        // uploads are admin-only, checked before their body is read, and read by their route at the minimum rate
        // (every route that reads a body checks its media type first, so a multipart header cannot smuggle a large body
        // past the gathering below into a JSON route: those answer 415 unread; DELETE and reindex never read theirs)
        if (multipart) {
            Metered metered = new Metered(request, request.getComponents().getScheduler());
            try {
                boolean handled = super.handle(metered, response, Callback.from(metered::stop, callback));
                if (!handled) metered.stop();
                return handled;
            } catch (Throwable t) {
                metered.stop();
                throw t;
            }
        }
        if (length > maxBytes * DRAIN_FACTOR) {
            JettyProblems.write(response, callback, tooLarge());
            return true;
        }
        // no route takes a larger body: read it (at the same minimum rate) and drop it, so the client can read the 413
        new Gathering(request, response, callback, request.getComponents().getScheduler(), length > maxBytes).start();
        return true;
    }

    /** How many bytes a body must have delivered {@code elapsedNanos} after it began: none within the grace period. */
    private long required(long elapsedNanos) {
        return elapsedNanos <= graceNanos ? 0 : minBytesPerSecond * (elapsedNanos - graceNanos) / 1_000_000_000L;
    }

    private String tooSlow() {
        return "the request body arrived slower than " + minBytesPerSecond + " bytes per second";
    }

    /**
     * A request whose body its route reads as it arrives (a multipart upload): from the route's first read, checked
     * each second until the body has arrived or the exchange is over, and failed with a {@link TimeoutException} once
     * behind the minimum rate, which wakes the reader (the route maps it to 408, as for a body that went quiet). The
     * clock starts at the first read, so a route that answers without reading (401, 415) or works before it reads is
     * never charged to the client.
     */
    private final class Metered extends Request.Wrapper {
        private final Scheduler scheduler;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile long start; // System.nanoTime() of the first read or demand, 0 before
        private volatile long arrived;
        private volatile Scheduler.Task timer;

        Metered(Request request, Scheduler scheduler) {
            super(request);
            this.scheduler = scheduler;
        }

        @Override
        public Content.Chunk read() {
            started();
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                arrived += chunk.remaining();
                if (chunk.isLast()) stop();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            started();
            super.demand(demandCallback);
        }

        /** Starts the clock and the checks at the route's first read (reads come from one thread at a time). */
        private void started() {
            if (start != 0 || stopped.get()) return;
            start = System.nanoTime();
            schedule();
        }

        private synchronized void schedule() {
            if (!stopped.get()) timer = scheduler.schedule(this::checkRate, 1, TimeUnit.SECONDS);
        }

        private void checkRate() {
            if (stopped.get()) return;
            if (arrived < required(System.nanoTime() - start)) {
                if (stop()) fail(new TimeoutException(tooSlow())); // only if the body had not ended meanwhile
            } else {
                schedule();
            }
        }

        /** Stops the checks; true for the one call that stopped them. */
        synchronized boolean stop() {
            if (!stopped.compareAndSet(false, true)) return false;
            if (timer != null) timer.cancel();
            return true;
        }
    }

    private Problem tooLarge() {
        return JettyProblems.byStatus(413, "Content too large", "the request body is larger than " + maxBytes + " bytes");
    }

    /** One body being gathered; exactly one of "complete", "too slow" or "failed" wins. */
    private final class Gathering implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Scheduler scheduler;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean finished = new AtomicBoolean();
        private final boolean tooLarge;
        private final long start = System.nanoTime();
        private volatile long arrived;
        private volatile Scheduler.Task timer;

        Gathering(Request request, Response response, Callback callback, Scheduler scheduler, boolean tooLarge) {
            this.tooLarge = tooLarge;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.scheduler = scheduler;
        }

        void start() {
            timer = scheduler.schedule(this::checkRate, 1, TimeUnit.SECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // the same mapping as a body broken under a route: went quiet (idle timeout) 408, cut off 400, never 500
                    ApiException broken = Problems.fromBrokenBody(chunk.getFailure());
                    fail(broken != null ? broken.problem()
                            : JettyProblems.byStatus(400, "Bad request", "the request body could not be read"));
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if (tooLarge) { // dropped as it arrives
                    arrived += n;
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (!last) continue;
                    fail(tooLarge());
                    return;
                }
                synchronized (body) {
                    if (body.size() + n > maxBytes) {
                        chunk.release();
                        fail(tooLarge());
                        return;
                    }
                    byte[] bytes = new byte[n];
                    b.get(bytes);
                    body.write(bytes, 0, n);
                }
                arrived += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    complete();
                    return;
                }
            }
        }

        private void checkRate() {
            if (finished.get()) return;
            if (arrived < required(System.nanoTime() - start)) {
                fail(JettyProblems.byStatus(408, "Request timeout", tooSlow()));
            } else {
                timer = scheduler.schedule(this::checkRate, 1, TimeUnit.SECONDS);
            }
        }

        private void fail(Problem problem) {
            if (!finished.compareAndSet(false, true)) return;
            timer.cancel();
            JettyProblems.write(response, callback, problem);
        }

        private void complete() {
            if (!finished.compareAndSet(false, true)) return;
            timer.cancel();
            byte[] bytes;
            synchronized (body) {
                bytes = body.toByteArray();
            }
            Request whole = new Request.Wrapper(request) {
                private boolean read;

                @Override
                public Content.Chunk read() {
                    if (read) return Content.Chunk.EOF;
                    read = true;
                    return Content.Chunk.from(ByteBuffer.wrap(bytes), true);
                }

                @Override
                public void demand(Runnable demandCallback) {
                    demandCallback.run();
                }
            };
            try {
                if (!BodyDeadline.super.handle(whole, response, callback)) Response.writeError(whole, response, callback, 404);
            } catch (Throwable t) {
                Response.writeError(whole, response, callback, t);
            }
        }
    }
}
