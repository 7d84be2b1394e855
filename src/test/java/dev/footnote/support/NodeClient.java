package dev.footnote.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Node.js script from the test resources with npm packages installed in {@code target/node} (as .ci/run does).
 * Skips the test, with a printed reason, where Node or the package cannot be had, unless {@code CI} is set: there a
 * missing client fails the test, so a green CI run means the client really ran.
 */
public final class NodeClient {
    public static final Path DIR = Path.of("target", "node").toAbsolutePath();

    /** What the script printed (stdout and stderr) and how it exited. */
    public record Result(int exit, String output) {
        /** The last line printed: the scripts print their findings as one JSON line at the end. */
        public String lastLine() {
            return output.lines().reduce((a, b) -> b).orElse("");
        }
    }

    private NodeClient() {
    }

    /** Makes sure {@code module} (such as {@code @modelcontextprotocol/sdk}) is installed, installing {@code spec} if not. */
    public static void require(String testName, String module, String spec) throws IOException, InterruptedException {
        availableOrSkip(testName, has("node"), "node is not installed");
        Files.createDirectories(DIR);
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve(module))) {
            availableOrSkip(testName, has("npm"), "npm is not installed");
            int code = run(DIR, List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", DIR.toString(), spec), 300).exit;
            availableOrSkip(testName, code == 0, "npm install " + spec + " failed (offline?)");
        }
    }

    /** Copies the script from the test resources next to the installed packages and runs it with node. */
    public static Result runScript(String resource, List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        Path script = DIR.resolve(resource);
        try (InputStream in = NodeClient.class.getResourceAsStream("/" + resource)) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(args);
        return run(DIR, command, timeoutSeconds);
    }

    /** This JVM's java binary and class path, with {@code mainClass} and its arguments: a child process of the project. */
    public static List<String> javaCommand(String mainClass, String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        c.addAll(List.of(args));
        return c;
    }

    public static Result run(Path dir, List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + out.getNow(""));
        }
        return new Result(p.exitValue(), out.join());
    }

    private static void availableOrSkip(String testName, boolean ok, String reason) {
        if (ok) return;
        if (System.getenv("CI") != null) throw new AssertionError(testName + ": " + reason + " (required when CI is set)");
        System.out.println("SKIPPED " + testName + ": " + reason);
        Assumptions.assumeTrue(false, reason);
    }

    private static boolean has(String command) {
        try {
            return run(Path.of("."), List.of(command, "--version"), 60).exit == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
