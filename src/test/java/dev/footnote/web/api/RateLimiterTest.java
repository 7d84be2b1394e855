package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void should_allow_the_limit_per_client_per_minute_then_say_when_to_retry() {
        // given
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(2, now::get);

        // when / then
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("b")).isZero();
        now.set(20_000_000_000L);
        assertThat(limiter.acquire("a")).isEqualTo(40);
        now.set(60_000_000_000L);
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void should_never_limit_when_the_limit_is_zero() {
        RateLimiter limiter = new RateLimiter(0, System::nanoTime);
        for (int i = 0; i < 1000; i++) assertThat(limiter.acquire("a")).isZero();
    }
}
