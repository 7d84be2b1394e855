package dev.footnote.cite;

import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.Citation;
import java.util.List;

/** Generated text after citation resolution: renumbered text, judged sentences, the citations they use. */
public record Resolution(String text, List<AnswerSentence> sentences, List<Citation> citations, int droppedMarkers) {
    public Resolution {
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
    }

    public long supportedCount() {
        return sentences.stream().filter(s -> s.support() == dev.footnote.cite.Support.SUPPORTED).count();
    }
}
