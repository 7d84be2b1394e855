package dev.footnote.answer;

import dev.footnote.cite.MarkedSentence;
import dev.footnote.cite.Markers;
import java.util.List;

/**
 * A generator's answer before its citations are checked: the sentences with the passages each cites, or an
 * abstention. {@code text} is what the generator streamed (a model's raw text, markers included).
 */
public record Draft(String text, List<MarkedSentence> sentences, boolean abstained) {
    /** What an answer says when the passages do not answer the question. */
    public static final String NO_ANSWER = "The documents don't answer this.";

    public Draft {
        sentences = List.copyOf(sentences);
    }

    /** A model's text, read once here: its {@code [n]} markers become the passages each sentence cites. */
    public static Draft fromModel(String text, boolean abstained) {
        return new Draft(text, Markers.parse(text), abstained);
    }

    /** Sentences quoted from the passages, each naming the passage sentence it is; the text is their prose. */
    public static Draft quotes(List<MarkedSentence> quotes) {
        return new Draft(String.join(" ", quotes.stream().map(MarkedSentence::text).toList()), quotes, false);
    }

    public static Draft abstain(String text) {
        return new Draft(text, List.of(), true);
    }
}
