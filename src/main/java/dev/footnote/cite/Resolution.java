package dev.footnote.cite;

import java.util.List;

/** A draft after citation resolution: its judged sentences and the citations they use, numbered in order of first use. */
public record Resolution(List<AnswerSentence> sentences, List<Citation> citations, int droppedMarkers) {
    public Resolution {
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
    }

    /** The answer text with its footnote markers. */
    public String text() {
        return Markers.render(sentences);
    }

    public long supportedCount() {
        return sentences.stream().filter(s -> s.support() == Support.SUPPORTED).count();
    }
}
