package dev.footnote.cite;

import java.util.List;

/** A sentence of generated text with the {@code [n]} markers it carried, markers removed from the text. */
public record MarkedSentence(String text, List<Integer> markers) {
    public MarkedSentence {
        markers = List.copyOf(markers);
    }
}
