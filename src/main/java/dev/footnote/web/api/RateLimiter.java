package dev.footnote.web.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** At most {@code perMinute} requests per client in each fixed one-minute window; 0 means unlimited. */
final class RateLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private final int perMinute;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.clock = nanoClock;
    }

    /** Counts one request; returns 0 if allowed, else the whole seconds until the client's window resets. */
    long acquire(String client) {
        if (perMinute <= 0) return 0;
        long now = clock.getAsLong();
        if (windows.size() > 100_000) windows.values().removeIf(w -> now - w.start >= WINDOW_NANOS);
        Window w = windows.compute(client, (k, old) -> old == null || now - old.start >= WINDOW_NANOS ? new Window(now) : old);
        if (w.count.incrementAndGet() <= perMinute) return 0;
        return w.secondsLeft(now);
    }

    /** Without counting: 0 if the client may still make a request in this window, else the seconds until it may. */
    long exhausted(String client) {
        if (perMinute <= 0) return 0;
        long now = clock.getAsLong();
        Window w = windows.get(client);
        if (w == null || now - w.start >= WINDOW_NANOS || w.count.get() < perMinute) return 0;
        return w.secondsLeft(now);
    }

    private static final class Window {
        final long start;
        final AtomicLong count = new AtomicLong();

        Window(long start) {
            this.start = start;
        }

        /** The whole seconds, at least one, until this window ends. */
        long secondsLeft(long now) {
            return Math.max(1, (start + WINDOW_NANOS - now + 999_999_999L) / 1_000_000_000L);
        }
    }
}
