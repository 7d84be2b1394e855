package dev.footnote.support;

import dev.footnote.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code footnote} command line in a child JVM over an index and seeds folder, with no other {@code FOOTNOTE_}
 * settings from this process's environment and no language model; stdout and stderr are kept apart.
 *
 * @param index {@code FOOTNOTE_INDEX_DIR}
 * @param seeds {@code FOOTNOTE_SEEDS_DIR}
 */
public record CliProcess(Path index, Path seeds) {
    /** How the command exited ({@code -1} if it had to be killed) and what it printed where. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs {@code footnote args...}, its output going to new files in {@code outDir}; kills it after
     * {@code timeoutSeconds}.
     */
    public Result run(Path outDir, int timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(outDir, "out", ".txt");
        Path err = Files.createTempFile(outDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(NodeClient.javaCommand(Main.class.getName(), args))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("FOOTNOTE_"));
        env.put("FOOTNOTE_INDEX_DIR", index.toString());
        env.put("FOOTNOTE_SEEDS_DIR", seeds.toString());
        env.put("FOOTNOTE_LLM_PROVIDER", "none");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new Result(p.isAlive() ? -1 : p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
