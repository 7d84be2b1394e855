package dev.footnote.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.answer.GenerationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void should_stay_closed_below_the_failure_threshold() throws GenerationException {
        // given
        fail(2);

        // when / then
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.state()).isEqualTo("closed");
        assertThatCode(breaker::acquire).doesNotThrowAnyException();
    }

    @Test
    void should_open_after_consecutive_failures_and_refuse_calls() throws GenerationException {
        // given
        fail(3);

        // when / then
        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.state()).isEqualTo("open");
        assertThatThrownBy(breaker::acquire).isInstanceOf(GenerationException.class)
                .extracting(e -> ((GenerationException) e).reason()).isEqualTo("circuit_open");
    }

    @Test
    void should_reset_the_count_on_success() throws GenerationException {
        // given
        fail(2);
        breaker.acquire();
        breaker.onSuccess();

        // when
        fail(2);

        // then
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void should_let_one_trial_through_after_the_cool_down_and_close_on_success() throws GenerationException {
        // given
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.state()).isEqualTo("half_open");

        // when
        breaker.acquire();

        // then
        assertThatThrownBy(breaker::acquire).isInstanceOf(GenerationException.class);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo("closed");
        assertThatCode(breaker::acquire).doesNotThrowAnyException();
    }

    @Test
    void should_reopen_when_the_trial_fails() throws GenerationException {
        // given
        fail(3);
        clock.advance(Duration.ofSeconds(31));
        breaker.acquire();

        // when
        breaker.onFailure();

        // then
        assertThat(breaker.isOpen()).isTrue();
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(breaker::acquire).isInstanceOf(GenerationException.class);
    }

    @Test
    void should_keep_naming_a_refused_key_while_the_circuit_it_opened_is_open() throws GenerationException {
        // given three calls refused for their key
        for (int i = 0; i < 3; i++) {
            breaker.acquire();
            breaker.onFailure("auth_failed");
        }

        // then the open circuit reports the key, so answers keep saying what to fix
        assertThat(breaker.isOpen()).isTrue();
        assertThatThrownBy(breaker::acquire).isInstanceOfSatisfying(GenerationException.class,
                e -> assertThat(e.reason()).isEqualTo("auth_failed"));
    }

    @Test
    void should_report_circuit_open_when_a_passing_fault_opened_it() throws GenerationException {
        // given
        for (int i = 0; i < 3; i++) {
            breaker.acquire();
            breaker.onFailure("http_500");
        }

        // then
        assertThatThrownBy(breaker::acquire).isInstanceOfSatisfying(GenerationException.class,
                e -> assertThat(e.reason()).isEqualTo("circuit_open"));
    }

    private void fail(int times) throws GenerationException {
        for (int i = 0; i < times; i++) {
            breaker.acquire();
            breaker.onFailure();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
