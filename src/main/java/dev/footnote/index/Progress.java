package dev.footnote.index;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long ingest: one line redrawn in place on a terminal, a plain line every few seconds otherwise
 * (documents done of the total, chunks per second, time left); readable at any moment as a {@link Snapshot}.
 */
public final class Progress {
    private final String label;
    private long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private long done;
    private long chunks;
    private int lineWidth;

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

    public void advance(long documents) {
        advance(documents, 0);
    }

    /** Records {@code documents} more documents done, which made {@code chunks} chunks. */
    public synchronized void advance(long documents, long chunks) {
        done += documents;
        this.chunks += chunks;
        if (out == null) return;
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastPrint < interval && done < total) return;
        lastPrint = now;
        String line = snapshot().line(label);
        if (terminal) {
            // redraw in place; pad over a longer previous line
            out.print("\r" + line + " ".repeat(Math.max(0, lineWidth - line.length())));
            lineWidth = line.length();
            if (done >= total) out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(done, total, chunks, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Where an ingest stands: documents done of the total, chunks written, seconds since it started. */
    public record Snapshot(long done, long total, long chunks, double seconds) {
        public double documentsPerSecond() {
            return seconds <= 0 ? 0 : done / seconds;
        }

        public double chunksPerSecond() {
            return seconds <= 0 ? 0 : chunks / seconds;
        }

        /** Seconds left at the rate so far, or -1 before there is a rate. */
        public long etaSeconds() {
            if (done >= total) return 0;
            if (done == 0) return -1;
            return Math.round((total - done) / documentsPerSecond());
        }

        public String line(String label) {
            String eta = etaSeconds() < 0 ? "" : done >= total ? ", done in " + duration(Math.round(seconds))
                    : ", about " + duration(etaSeconds()) + " left";
            return String.format(Locale.ROOT, "%s: %,d / %,d documents, %.1f chunks/s%s", label, done, total, chunksPerSecond(), eta);
        }

        static String duration(long s) {
            if (s < 60) return s + " s";
            if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
    }
}
