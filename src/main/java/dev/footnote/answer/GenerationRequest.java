package dev.footnote.answer;

import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.Passage;
import java.util.List;

/**
 * What a generator answers from: the (standalone) question, the conversation so far, numbered passages ([1] is
 * passages.get(0)), the question's embedding, and the retrieval scores of the passages (fused score and vector
 * similarity, NaN where unknown).
 */
public record GenerationRequest(String question, List<ChatTurn> history, List<Passage> passages, float[] questionVector,
                                double[] scores, double[] vectorScores) {
    public GenerationRequest {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
        if (scores == null) scores = new double[passages.size()];
        if (vectorScores == null) vectorScores = new double[passages.size()];
    }

    public GenerationRequest(String question, List<ChatTurn> history, List<Passage> passages, float[] questionVector) {
        this(question, history, passages, questionVector, null, null);
    }

    /** A request over retrieval hits, keeping their scores. */
    public static GenerationRequest fromHits(String question, List<ChatTurn> history, List<Hit> hits, float[] questionVector) {
        double[] scores = new double[hits.size()];
        double[] vector = new double[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            scores[i] = hits.get(i).score();
            vector[i] = hits.get(i).vector() == null ? 0 : hits.get(i).vector();
        }
        return new GenerationRequest(question, history, hits.stream().map(Hit::passage).toList(), questionVector, scores, vector);
    }
}
