package dev.footnote.answer;

import dev.footnote.cite.Citation;
import dev.footnote.retrieve.Hit;
import java.util.List;

/**
 * Follows one answer as it is made, in this order: the retrieved passages, text deltas (never a half {@code [n}
 * marker), a reset if the text streamed so far was discarded (the model failed and the local answer follows), each
 * verified citation. The final {@link Answer} is returned by {@link AnswerService#answer}.
 */
public interface AnswerListener {
    AnswerListener NONE = new AnswerListener() { };

    default void onRetrieval(List<Hit> hits) {
    }

    default void onDelta(String text) {
    }

    default void onReset(String reason) {
    }

    default void onCitation(Citation citation) {
    }
}
