package dev.footnote.answer;

/** A generator's raw answer: text whose sentences end in {@code [n]} markers, or an abstention. */
public record Draft(String text, boolean abstained) {
    public static Draft abstain(String text) {
        return new Draft(text, true);
    }
}
