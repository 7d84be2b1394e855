package dev.footnote.answer;

/** Receives answer text as it is generated. */
@FunctionalInterface
public interface TokenSink {
    TokenSink NONE = t -> { };

    void accept(String delta);
}
