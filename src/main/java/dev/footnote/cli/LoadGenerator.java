package dev.footnote.cli;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A bounded load generator: a fixed number of clients (one java.net.http client each, HTTP/1.1 keep-alive) send
 * requests back to back for a fixed time; latency is recorded per endpoint. Closed loop, so it never overloads.
 */
final class LoadGenerator {
    /** One kind of request: how to build the n-th one, and what counts as success. */
    record Endpoint(String name, java.util.function.LongFunction<HttpRequest> request, Predicate<HttpResponse<String>> ok) {
    }

    /** Figures for one endpoint over the measured period. */
    record Stats(String name, long requests, long errors, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-24s %9d %9.1f %9.2f %9.2f %7d", name, requests, perSecond(), p50Ms, p99Ms, errors);
        }

        static String header() {
            return String.format(Locale.ROOT, "%-24s %9s %9s %9s %9s %7s", "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "errors");
        }
    }

    private LoadGenerator() {
    }

    /** Runs {@code clients} workers for {@code seconds}, each cycling through {@code endpoints}; returns stats per endpoint. */
    static List<Stats> run(List<Endpoint> endpoints, int clients, double seconds) throws Exception {
        AtomicLong counter = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Worker>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> new Worker(endpoints).loop(counter, deadline)));
        }
        List<Worker> workers = new ArrayList<>();
        for (Future<Worker> f : futures) workers.add(f.get());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Stats> out = new ArrayList<>();
        for (int e = 0; e < endpoints.size(); e++) {
            List<Long> all = new ArrayList<>();
            long errors = 0;
            for (Worker w : workers) {
                all.addAll(w.latencies.get(e));
                errors += w.errors[e];
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            out.add(new Stats(endpoints.get(e).name(), sorted.length, errors, elapsed,
                    percentile(sorted, 0.50), percentile(sorted, 0.99)));
        }
        return out;
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    private static final class Worker {
        final List<Endpoint> endpoints;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        final List<List<Long>> latencies = new ArrayList<>();
        final long[] errors;

        Worker(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
            for (int i = 0; i < endpoints.size(); i++) latencies.add(new ArrayList<>());
            this.errors = new long[endpoints.size()];
        }

        Worker loop(AtomicLong counter, long deadline) {
            while (System.nanoTime() < deadline) {
                long n = counter.getAndIncrement();
                int e = (int) (n % endpoints.size());
                Endpoint ep = endpoints.get(e);
                long t = System.nanoTime();
                boolean ok;
                try {
                    HttpResponse<String> r = http.send(ep.request().apply(n / endpoints.size()), HttpResponse.BodyHandlers.ofString());
                    ok = ep.ok().test(r);
                } catch (Exception ex) {
                    ok = false;
                }
                latencies.get(e).add(System.nanoTime() - t);
                if (!ok) errors[e]++;
            }
            return this;
        }
    }
}
