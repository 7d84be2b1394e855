package dev.footnote.answer;

/**
 * What is known about the configured language model: {@code state} is {@code none} (no model configured),
 * {@code unchecked}, {@code ok}, {@code auth_failed}, {@code unknown_model}, {@code unreachable} or {@code error};
 * {@code detail} says why in words (never the key).
 */
public record ModelStatus(String provider, String model, String state, String detail) {
    public static final ModelStatus NONE = new ModelStatus("none", null, "none", "no language model configured");
}
