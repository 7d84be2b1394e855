package dev.footnote.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A throwaway SolrCloud (MiniSolrCloudCluster: embedded ZooKeeper plus N Solr nodes on loopback ephemeral ports) for
 * Footnote's integration tests, run in its own JVM. It prints {@code ZK <address>}, {@code NODE <i> <url>} and
 * {@code READY}, then obeys {@code stop <i>}, {@code start <i>} and {@code exit} on stdin. It shuts down when stdin
 * closes (its test JVM died) or after the given number of minutes, whichever comes first.
 *
 * <p>Usage: {@code SolrClusterMain [nodes=2] [minutes=20]}
 */
public final class SolrClusterMain {
    private SolrClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 20;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.MINUTES.sleep(minutes);
                out.println("WATCHDOG " + minutes + " minutes: exiting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
                // shut down normally
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.setProperty("host", "127.0.0.1");
        System.setProperty("solr.log.dir", System.getProperty("java.io.tmpdir"));
        Path base = Files.createTempDirectory("footnote-solrcloud");
        MiniSolrCloudCluster cluster = null;
        try {
            cluster = new MiniSolrCloudCluster.Builder(nodes, base).withMetrics(false).build();
            out.println("ZK " + cluster.getZkServer().getZkAddress());
            for (int i = 0; i < cluster.getJettySolrRunners().size(); i++) {
                out.println("NODE " + i + " " + cluster.getJettySolrRunner(i).getBaseUrl());
            }
            out.println("READY");
            obey(cluster, out);
        } finally {
            halt(cluster, base);
        }
    }

    private static void obey(MiniSolrCloudCluster cluster, PrintStream out) throws Exception {
        JettySolrRunner[] runners = cluster.getJettySolrRunners().toArray(JettySolrRunner[]::new);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.strip().split("\\s+");
            try {
                switch (cmd[0]) {
                    case "stop" -> {
                        int i = Integer.parseInt(cmd[1]);
                        cluster.stopJettySolrRunner(runners[i]);
                        out.println("STOPPED " + i);
                    }
                    case "start" -> {
                        int i = Integer.parseInt(cmd[1]);
                        runners[i] = cluster.startJettySolrRunner(runners[i], true);
                        out.println("STARTED " + i + " " + runners[i].getBaseUrl());
                    }
                    case "exit" -> {
                        return;
                    }
                    default -> out.println("ERROR unknown command " + line);
                }
            } catch (Exception e) {
                out.println("ERROR " + e);
            }
        }
    }

    private static void halt(MiniSolrCloudCluster cluster, Path base) {
        Thread killer = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(60);
            } catch (InterruptedException ignored) {
                return;
            }
            Runtime.getRuntime().halt(4); // a shutdown that hangs must not outlive the tests
        });
        killer.setDaemon(true);
        killer.start();
        try {
            if (cluster != null) cluster.shutdown();
        } catch (Exception e) {
            System.err.println("shutdown: " + e);
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp folder left behind is harmless
        }
        Runtime.getRuntime().halt(0);
    }
}
