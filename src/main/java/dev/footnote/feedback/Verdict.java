package dev.footnote.feedback;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reader said: about one footnote ({@code supports}, {@code does_not_support}) or a whole answer ({@code up}, {@code down}). */
public enum Verdict {
    SUPPORTS(true), DOES_NOT_SUPPORT(true), UP(false), DOWN(false);

    private final boolean aboutCitation;

    Verdict(boolean aboutCitation) {
        this.aboutCitation = aboutCitation;
    }

    /** True for a verdict on one citation, which needs a citation id; false for one on the whole answer. */
    public boolean aboutCitation() {
        return aboutCitation;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Verdict> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(s)).findFirst();
    }
}
