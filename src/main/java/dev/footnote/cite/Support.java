package dev.footnote.cite;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How well a cited span backs the sentence that cites it, judged from offline evidence. */
public enum Support {
    SUPPORTED, PARTIAL, UNSUPPORTED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
