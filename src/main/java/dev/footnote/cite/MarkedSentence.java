package dev.footnote.cite;

import java.util.List;

/**
 * A sentence of a draft answer and the passages it cites ({@code markers}: 1-based positions in the passage list).
 * An extractive sentence also says which sentence of its one cited passage it is ({@code quotedSentence}, 0-based), so
 * its span is known rather than searched for; it is null for sentences a model wrote.
 */
public record MarkedSentence(String text, List<Integer> markers, Integer quotedSentence) {
    public MarkedSentence {
        markers = List.copyOf(markers);
        if (quotedSentence != null && markers.size() != 1) throw new IllegalArgumentException("a quote cites one passage");
    }

    /** A sentence a model wrote, with the passage numbers its markers named. */
    public MarkedSentence(String text, List<Integer> markers) {
        this(text, markers, null);
    }

    /** Sentence {@code sentence} of passage {@code passage} (1-based), quoted exactly. */
    public static MarkedSentence quote(int passage, int sentence, String text) {
        return new MarkedSentence(text, List.of(passage), sentence);
    }
}
