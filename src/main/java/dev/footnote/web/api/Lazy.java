package dev.footnote.web.api;

import java.util.function.Supplier;

/** A value built on first use and kept; a failed build is retried on the next use. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> build;
    private T value;

    private Lazy(Supplier<T> build) {
        this.build = build;
    }

    static <T> Lazy<T> of(Supplier<T> build) {
        return new Lazy<>(build);
    }

    @Override
    public synchronized T get() {
        if (value == null) value = build.get();
        return value;
    }
}
