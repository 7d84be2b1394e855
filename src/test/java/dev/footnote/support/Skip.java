package dev.footnote.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * Skips a test with its reason printed on the build console, or fails it under {@code CI}, where everything a test
 * needs is installed and a skip would hide a broken promise.
 */
public final class Skip {
    /*
     * Surefire and Failsafe redirect a test's System.out and System.err to report files (redirectTestOutputToFile) and
     * print only "skipped" for a skipped test. The forked JVM's native stderr, though, is copied to the console
     * as it is, so the reason is written there.
     */
    private static final PrintStream CONSOLE =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private Skip() {
    }

    /** True when the {@code CI} environment variable is set (as {@code .ci/run} does). */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Prints {@code SKIPPED what: reason} on the console. */
    public static void print(String what, String reason) {
        CONSOLE.println("[SKIPPED] " + what + ": " + reason);
    }

    /** Prints the reason and aborts the running test, which JUnit then reports as skipped. */
    public static TestAbortedException because(String what, String reason) {
        print(what, reason);
        throw new TestAbortedException(reason);
    }

    /**
     * Does nothing when {@code available}; otherwise fails under {@code CI} or skips with the reason printed.
     *
     * @param hint what to install or set so that the test runs
     */
    public static void unless(boolean available, String what, String reason, String hint) {
        if (available) return;
        if (underCi()) Assertions.fail(what + ": " + reason + ", and CI is set (" + hint + ")");
        because(what, reason + " (" + hint + ")");
    }
}
