package dev.footnote.answer;

import dev.footnote.retrieve.Passage;
import java.util.List;

/** What a generator answers from: the (standalone) question, the conversation so far, and numbered passages ([1] is passages.get(0)). */
public record GenerationRequest(String question, List<ChatTurn> history, List<Passage> passages, float[] questionVector) {
    public GenerationRequest {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }
}
