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
    /** Failure reasons that come from the model's configuration (key, model name, address), not a passing fault. */
    public static final java.util.Set<String> CONFIGURATION_FAULTS = java.util.Set.of("auth_failed", "unknown_model", "http_404",
            "http_400");

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;
    /** The reason of the failure that (re)opened the circuit, when it names the configuration rather than a fault. */
    private String configurationFault;

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
        onFailure(null);
    }

    /**
     * Counts a failure for {@code reason}. While a refused key or an unknown model ({@link #CONFIGURATION_FAULTS}) keeps
     * the circuit open, calls fail with that reason rather than {@code circuit_open}: the reader's answers keep naming
     * the configuration to fix, not the breaker that stopped repeating the call.
     */
    public synchronized void onFailure(String reason) {
        configurationFault = reason != null && CONFIGURATION_FAULTS.contains(reason) ? reason : null;
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
        return new GenerationException(configurationFault != null ? configurationFault : "circuit_open", "the language model failed " + failures
                + " times in a row; not calling it until " + openedAt.plus(coolDown));
    }
}
