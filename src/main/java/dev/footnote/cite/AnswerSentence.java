package dev.footnote.cite;

import java.util.List;

/** A sentence of an answer, the citation ids it carries, and the verdict on how well they support it. */
public record AnswerSentence(String text, List<Integer> citations, Support support, String reason) {
    public AnswerSentence {
        citations = List.copyOf(citations);
    }
}
