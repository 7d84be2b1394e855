package dev.footnote.answer.llm;

import dev.footnote.answer.GenerationRequest;
import dev.footnote.ingest.Span;
import dev.footnote.retrieve.Passage;
import java.util.List;

/** Passages and requests shared by the adapter's tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Passage passage(String docId, String title, String date, String text) {
        return new Passage(docId + "#0", docId, title, date, new Span(0, text.length()), text,
                List.of(new Span(0, text.length())), new float[][] {new float[] {1f}}, null);
    }

    static final Passage TOWER = passage("eiffel", "Eiffel Tower", "2024-03-01",
            "The Eiffel Tower is 330 metres tall.");
    static final Passage BRIDGE = passage("bridge", "Golden Gate Bridge", null,
            "The Golden Gate Bridge opened in 1937.");

    static GenerationRequest question(String q) {
        return new GenerationRequest(q, List.of(), List.of(TOWER, BRIDGE), null);
    }
}
