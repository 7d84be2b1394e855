package dev.footnote.answer;

import java.util.List;
import java.util.Map;

/** Writes an answer from numbered passages, each sentence naming the passages it cites. */
public interface AnswerGenerator extends AutoCloseable {
    /** Short name reported as the answer's {@code generator}: {@code local}, {@code openai}, {@code anthropic}, … */
    String name();

    /**
     * Generates a draft, streaming text to {@code sink} as it arrives. Must not block longer than the generator's
     * configured timeout; failures are reported as {@link GenerationException} with a reason.
     */
    Draft generate(GenerationRequest request, TokenSink sink) throws GenerationException;

    /**
     * Rewrites a follow-up question into a standalone one using the history; returns the question unchanged when
     * there is nothing to rewrite.
     */
    String rewrite(String question, List<ChatTurn> history) throws GenerationException;

    /** Point-in-time figures for {@code /metrics}, such as whether a provider's circuit is open; none by default. */
    default Map<String, Long> gauges() {
        return Map.of();
    }

    /** Stops the generator's threads, if it has any. */
    @Override
    default void close() {
    }

    /**
     * The words of the answer's first cited quote that answer the question, or null; any generator's answer can be
     * read this way, so the service asks the local answerer for every answer.
     */
    default ShortAnswer shortAnswer(String question, java.util.List<dev.footnote.cite.AnswerSentence> sentences,
                                    java.util.List<dev.footnote.cite.Citation> citations) {
        return null;
    }
}
