package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.footnote.support.CliProcess;
import dev.footnote.support.CliProcess.Result;
import dev.footnote.support.Skip;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code footnote serve} in a child JVM over an index directory it cannot use: it exits non-zero with one line that
 * names the path, not a stack trace. Read-only and full-disk cases need a read-only directory (any user but root) or a
 * tmpfs mount (root); where neither is possible the case is skipped with the reason.
 */
@Tag("integration")
class IndexFaultsIT {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path tmp;
    Path seeds;

    @BeforeEach
    void seeds() throws IOException {
        seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("note.txt"), "The index faults test has one small seed document.");
    }

    @Test
    void should_name_an_index_path_that_lies_under_a_regular_file() throws Exception {
        // given
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "a file");
        Path index = file.resolve("index");

        // when
        Result r = serve(index);

        // then
        assertCleanStartUpError(r, index);
    }

    @Test
    void should_name_a_read_only_index_directory() throws Exception {
        // given
        Path index = Files.createDirectories(tmp.resolve("index"));
        Path mount = null;
        if (ROOT) {
            // root ignores permission bits; only a read-only file system stops it
            mount = index;
            assumeTrue(mountTmpfs(mount, "ro,size=64k"), () -> skip("root ignores permissions and tmpfs cannot be mounted here"));
        } else {
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            // when
            Result r = serve(index);

            // then
            assertCleanStartUpError(r, index);
            assertThat(r.stderr()).containsAnyOf("not writable", "Read-only");
        } finally {
            if (mount != null) unmount(mount);
            else Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void should_name_an_index_directory_on_a_full_disk() throws Exception {
        // given a 256 KB file system, filled up
        Path mount = Files.createDirectories(tmp.resolve("disk"));
        assumeTrue(ROOT, () -> skip("a full disk is simulated with a tiny tmpfs, which only root can mount"));
        assumeTrue(mountTmpfs(mount, "size=256k"), () -> skip("tmpfs cannot be mounted here"));
        try {
            Path index = Files.createDirectories(mount.resolve("index"));
            fill(mount.resolve("filler"));

            // when
            Result r = serve(index);

            // then
            assertCleanStartUpError(r, index);
            assertThat(r.stderr()).contains("No space left on device");
        } finally {
            unmount(mount);
        }
    }

    private static void assertCleanStartUpError(Result r, Path index) {
        assertThat(r.exitCode()).as(r.stderr()).isNotZero();
        assertThat(r.stderr()).as("stderr names the index path").contains(index.toAbsolutePath().toString());
        assertThat(r.stderr()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(r.stdout()).doesNotContain("Footnote is ready");
    }

    private Result serve(Path index) throws Exception {
        return new CliProcess(index, seeds).run(tmp, 60, "serve", "--port", "0");
    }

    private static boolean mountTmpfs(Path dir, String options) throws InterruptedException {
        return run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
    }

    private static void unmount(Path dir) throws InterruptedException {
        run(List.of("umount", dir.toString()));
    }

    private static boolean run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok) System.out.println(String.join(" ", command) + " failed: " + out.strip());
            return ok;
        } catch (IOException e) {
            System.out.println(String.join(" ", command) + " failed: " + e.getMessage());
            return false;
        }
    }

    /** Writes until the file system is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 1024; i++) out.write(block);
            out.flush();
            throw new IllegalStateException("the tmpfs should have filled up before 4 MB");
        } catch (IOException expected) {
            // No space left on device
        }
    }

    private static String skip(String reason) {
        Skip.print("IndexFaultsIT case", reason);
        return reason;
    }
}
