package dev.footnote.index;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of a long job: a redrawn bar on a terminal, a log line every few seconds otherwise. */
public final class Progress {
    private final String label;
    private long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private long done;

    public Progress(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    public static Progress console(String label, long total) {
        return new Progress(label, total, System.err, System.console() != null);
    }

    public static Progress silent() {
        return new Progress("", 0, null, false);
    }

    /** Sets the amount of work once it is known. */
    public synchronized void total(long n) {
        total = n;
    }

    public synchronized void advance(long n) {
        done += n;
        if (out == null) return;
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastPrint < interval && done < total) return;
        lastPrint = now;
        double secs = (now - startNanos) / 1e9;
        double pct = total == 0 ? 100 : 100.0 * done / total;
        if (terminal) {
            int width = 30;
            int filled = (int) (width * pct / 100);
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d (%.0f%%) %.0f s", label, "#".repeat(filled),
                    " ".repeat(width - filled), done, total, pct, secs);
            if (done >= total) out.println();
        } else {
            out.printf(Locale.ROOT, "%s: %d/%d (%.0f%%) after %.0f s%n", label, done, total, pct, secs);
        }
        out.flush();
    }
}
