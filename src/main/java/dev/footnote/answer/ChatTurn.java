package dev.footnote.answer;

import java.util.Objects;

/** One earlier turn of a conversation: {@code role} is {@code user} or {@code assistant}. */
public record ChatTurn(String role, String content) {
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (!role.equals("user") && !role.equals("assistant")) throw new IllegalArgumentException("role must be user or assistant");
    }
}
