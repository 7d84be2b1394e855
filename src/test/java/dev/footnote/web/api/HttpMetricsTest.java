package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    @Test
    void should_not_count_ready_answering_503_during_start_up_as_a_server_error() {
        // given
        HttpMetrics metrics = new HttpMetrics();

        // when: a probe polls /ready while the index opens, then the app serves
        metrics.record("GET", "/ready", 503, 1);
        metrics.record("GET", "/ready", 503, 1);
        metrics.record("GET", "/ready", 200, 1);

        // then
        assertThat(metrics.totals()).containsExactly(3, 0, 0);
    }

    @Test
    void should_count_5xx_of_other_routes_and_4xx_as_errors() {
        // given
        HttpMetrics metrics = new HttpMetrics();

        // when
        metrics.record("POST", "/api/ask", 503, 1);
        metrics.record("GET", "/ready", 500, 1);
        metrics.record("GET", "/api/search", 400, 1);

        // then
        assertThat(metrics.totals()).containsExactly(3, 1, 2);
    }
}
