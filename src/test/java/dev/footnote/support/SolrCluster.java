package dev.footnote.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real SolrCloud per test JVM, run by {@code solr-cluster/} in a JVM of its own: 2 nodes and an embedded ZooKeeper on
 * loopback ephemeral ports. It exits when this JVM does (its stdin closes) or after 30 minutes at the latest.
 */
public final class SolrCluster {
    private static final int NODES = 2;
    private static final int MINUTES = 30;
    private static SolrCluster shared;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> urls = new ArrayList<>();
    private String zk;

    private SolrCluster(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    public static synchronized SolrCluster get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static SolrCluster start() {
        try {
            Path dir = Path.of(System.getProperty("footnote.solr.cluster", "solr-cluster"));
            Path cp = dir.resolve("target/classpath.txt");
            if (!Files.isRegularFile(cp)) throw new IllegalStateException(cp + " is missing: run with mvn -Psolr");
            String classpath = dir.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(cp).strip();
            Path log = Files.createTempFile("solr-cluster", ".log");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", classpath, "dev.footnote.solrcluster.SolrClusterMain", Integer.toString(NODES), Integer.toString(MINUTES))
                    .redirectError(log.toFile()).start();
            SolrCluster c = new SolrCluster(p);
            c.awaitReady(log);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ZK ")) zk = line.substring(3);
            else if (line.startsWith("NODE ")) urls.add(line.split(" ")[2]);
            else if (line.equals("READY")) return;
        }
        throw new IllegalStateException("the Solr cluster exited before it was ready; see " + log);
    }

    public List<String> urls() {
        return List.copyOf(urls);
    }

    public String urlsCsv() {
        return String.join(",", urls);
    }

    public String zk() {
        return zk;
    }

    /** Stops node {@code i} (its cores go down with it) and waits until it has. */
    public synchronized void stopNode(int i) {
        command("stop " + i, "STOPPED " + i);
    }

    public synchronized void startNode(int i) {
        command("start " + i, "STARTED " + i);
    }

    private void command(String cmd, String done) {
        try {
            in.write(cmd + "\n");
            in.flush();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(done)) return;
                if (line.startsWith("ERROR")) throw new IllegalStateException(cmd + ": " + line);
            }
            throw new IllegalStateException("the Solr cluster exited during '" + cmd + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            in.write("exit\n");
            in.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
