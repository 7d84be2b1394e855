package dev.footnote.web.api;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Request counts and a latency histogram per method, route and status, written in Prometheus text format. */
final class HttpMetrics {
    static final String READY_ROUTE = "/ready";
    static final double[] BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();

    void record(String method, String route, int status, double millis) {
        String key = "method=\"" + method + "\",route=\"" + escape(route) + "\",status=\"" + status + "\"";
        series.computeIfAbsent(key, k -> new Series()).add(millis / 1000);
        total.increment();
        if (notReadyYet(route, status)) return;
        if (status >= 500) serverErrors.increment();
        else if (status >= 400) clientErrors.increment();
    }

    /** A 503 from {@code /ready} says "still starting" to a probe that polls until start-up ends: not a failure. */
    private static boolean notReadyYet(String route, int status) {
        return status == 503 && READY_ROUTE.equals(route);
    }

    /** Totals since start: requests, 4xx, 5xx. */
    long[] totals() {
        return new long[] {total.sum(), clientErrors.sum(), serverErrors.sum()};
    }

    void write(StringBuilder out) {
        Map<String, Series> sorted = new TreeMap<>(series);
        out.append("# HELP footnote_http_requests_total HTTP requests by method, route and status.\n");
        out.append("# TYPE footnote_http_requests_total counter\n");
        sorted.forEach((k, s) -> out.append("footnote_http_requests_total{").append(k).append("} ").append(s.count.sum()).append('\n'));
        out.append("# HELP footnote_http_request_duration_seconds HTTP request latency.\n");
        out.append("# TYPE footnote_http_request_duration_seconds histogram\n");
        sorted.forEach((k, s) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
                cumulative += s.buckets[i].sum();
                out.append("footnote_http_request_duration_seconds_bucket{").append(k).append(",le=\"")
                        .append(BUCKETS_SECONDS[i]).append("\"} ").append(cumulative).append('\n');
            }
            out.append("footnote_http_request_duration_seconds_bucket{").append(k).append(",le=\"+Inf\"} ").append(s.count.sum()).append('\n');
            out.append("footnote_http_request_duration_seconds_sum{").append(k).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", s.seconds.sum())).append('\n');
            out.append("footnote_http_request_duration_seconds_count{").append(k).append("} ").append(s.count.sum()).append('\n');
        });
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Series {
        final LongAdder count = new LongAdder();
        final DoubleAdder seconds = new DoubleAdder();
        final LongAdder[] buckets = new LongAdder[BUCKETS_SECONDS.length];

        Series() {
            for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
        }

        void add(double s) {
            count.increment();
            seconds.add(s);
            for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
                if (s <= BUCKETS_SECONDS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
        }
    }
}
