package dev.footnote.answer;

import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.Passage;
import java.util.List;

/**
 * What a generator answers from: the (standalone) question, the conversation so far, numbered passages ([1] is
 * passages.get(0)), the question's embedding, and the retrieval scores of the passages (fused score and vector
 * similarity, NaN where unknown), and, when the standalone question was rewritten from the conversation, the embedding
 * of the question as the reader asked it ({@code askedVector}, else null): the sentence that answers is judged against
 * the reader's own words, the rewrite only finds the passages.
 */
public record GenerationRequest(String question, List<ChatTurn> history, List<Passage> passages, float[] questionVector,
                                double[] scores, double[] vectorScores, float[] askedVector) {
    public GenerationRequest {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
        if (scores == null) scores = new double[passages.size()];
        if (vectorScores == null) vectorScores = new double[passages.size()];
    }

    public GenerationRequest(String question, List<ChatTurn> history, List<Passage> passages, float[] questionVector,
                             double[] scores, double[] vectorScores) {
        this(question, history, passages, questionVector, scores, vectorScores, null);
    }

    public GenerationRequest(String question, List<ChatTurn> history, List<Passage> passages, float[] questionVector) {
        this(question, history, passages, questionVector, null, null);
    }

    /** This request, with the embedding of the question as the reader asked it before it was rewritten. */
    public GenerationRequest withAskedVector(float[] asked) {
        return new GenerationRequest(question, history, passages, questionVector, scores, vectorScores, asked);
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
