package dev.footnote.answer.llm;

import dev.footnote.answer.GenerationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a failing model: after {@code threshold} consecutive failures it opens for {@code coolDown}, failing
 * calls at once with {@code circuit_open}; then it lets one trial call through (half-open), which closes it on
 * success or reopens it on failure.
 */
public final class CircuitBreaker {
    public static final int DEFAULT_THRESHOLD = 3;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(30);

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        if (threshold < 1) throw new IllegalArgumentException("threshold must be at least 1");
        if (coolDown.isNegative()) throw new IllegalArgumentException("coolDown must not be negative");
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    public static CircuitBreaker withDefaults() {
        return new CircuitBreaker(DEFAULT_THRESHOLD, DEFAULT_COOL_DOWN, Clock.systemUTC());
    }

    /** Admits a call, or throws {@code circuit_open} while open (or while the half-open trial is still running). */
    public synchronized void acquire() throws GenerationException {
        if (state == State.OPEN) {
            if (coolingDown()) throw open();
            state = State.HALF_OPEN;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) throw open();
            trialInFlight = true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    /** True while calls are being refused without reaching the model. */
    public synchronized boolean isOpen() {
        return state == State.OPEN && coolingDown();
    }

    /** {@code closed}, {@code open} or {@code half_open}, for metrics. */
    public synchronized String state() {
        if (state == State.OPEN && !coolingDown()) return "half_open";
        return switch (state) {
            case CLOSED -> "closed";
            case OPEN -> "open";
            case HALF_OPEN -> "half_open";
        };
    }

    private boolean coolingDown() {
        return clock.instant().isBefore(openedAt.plus(coolDown));
    }

    private GenerationException open() {
        return new GenerationException("circuit_open", "the language model failed " + failures
                + " times in a row; not calling it until " + openedAt.plus(coolDown));
    }
}
