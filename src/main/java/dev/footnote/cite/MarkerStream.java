package dev.footnote.cite;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A model's text as it streams in, passed on with its markers renumbered: holds back a trailing partial marker such as
 * "[1" until it is complete, and renumbers complete markers from passage numbers to citation numbers in order of first
 * use (as the final answer numbers them), dropping markers that name no retrieved passage.
 */
public final class MarkerStream {
    private final Consumer<String> out;
    private final int passages;
    private final Map<Integer, Integer> numbering = new HashMap<>();
    private final StringBuilder pending = new StringBuilder();
    private boolean emitted;

    /** @param passages how many passages the model was given; markers beyond them are dropped */
    public MarkerStream(Consumer<String> out, int passages) {
        this.out = out;
        this.passages = passages;
    }

    private String renumber(String text) {
        return Markers.rewrite(text, p -> p < 1 || p > passages ? 0 : numbering.computeIfAbsent(p, x -> numbering.size() + 1));
    }

    public synchronized void accept(String delta) {
        if (delta == null || delta.isEmpty()) return;
        pending.append(delta);
        int safe = Markers.safePrefixLength(pending.toString());
        if (safe > 0) {
            out.accept(renumber(pending.substring(0, safe)));
            pending.delete(0, safe);
            emitted = true;
        }
    }

    /** Passes on whatever was held back: the stream has ended. */
    public synchronized void flush() {
        if (pending.length() > 0) {
            out.accept(renumber(pending.toString()));
            pending.setLength(0);
            emitted = true;
        }
    }

    /** Whether any text has been passed on. */
    public synchronized boolean emitted() {
        return emitted;
    }
}
