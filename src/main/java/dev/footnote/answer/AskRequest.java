package dev.footnote.answer;

import java.util.List;
import java.util.Objects;

/** A question with optional history and passage count ({@code topK} null means the configured default). */
public record AskRequest(String question, List<ChatTurn> history, Integer topK) {
    public AskRequest {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) throw new IllegalArgumentException("question is blank");
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static AskRequest of(String question) {
        return new AskRequest(question, List.of(), null);
    }
}
