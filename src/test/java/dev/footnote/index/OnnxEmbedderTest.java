package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.footnote.ingest.Span;
import dev.footnote.support.TestEmbedders;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
    private static Embedder late;

    private static synchronized Embedder late() {
        if (late == null) late = OnnxEmbedder.named("bge-small-en-v15-q-late");
        return late;
    }
    @Test
    void the_single_threaded_model_embeds_exactly_like_the_stock_langchain4j_model() {
        var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        List<String> texts = List.of("Blinken met Lavrov in Geneva.", "Arabica beans contain about 1.2% caffeine.");
        List<float[]> ours = TestEmbedders.real().embedPassages(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = OnnxEmbedder.normalize(stock.embed(texts.get(i)).content().vector());
            assertThat(Embedder.dot(ours.get(i), theirs)).isGreaterThan(0.9999f);
        }
    }

    @Test
    void vectors_are_unit_length_and_queries_carry_bge_instruction() {
        float[] q = TestEmbedders.real().embedQuery("who met in Geneva");
        float[] p = TestEmbedders.real().embedPassages(List.of("who met in Geneva")).get(0);
        assertThat(Embedder.dot(q, q)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Embedder.dot(q, p)).isLessThan(0.999f);
    }

    @Test
    void should_give_each_chunk_read_late_exactly_the_vector_langchain4j_gives_its_text() {
        // given: a chunk with its title, and its two sentences
        var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        String text = "Geneva talks\nBlinken met Lavrov in Geneva. Both sides agreed to hold consultations.";
        PassageText p = new PassageText(text, List.of(new Span(13, 42), new Span(43, text.length())));

        // when
        PassageVectors v = late().embedWithSentences(List.of(p)).get(0);

        // then
        float[] theirs = OnnxEmbedder.normalize(stock.embed(text).content().vector());
        assertThat(Embedder.dot(v.passage(), theirs)).isGreaterThan(0.9999f);
        assertThat(v.sentences()).hasSize(2);
        for (float[] s : v.sentences()) assertThat(Embedder.dot(s, s)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void should_pool_each_late_sentence_from_its_own_tokens() {
        // given: two unrelated sentences in one passage
        String text = "Arabica beans contain about 1.2% caffeine. The lighthouse was built in 1871 from granite.";
        PassageText p = new PassageText(text, List.of(new Span(0, 42), new Span(43, text.length())));

        // when
        PassageVectors v = late().embedWithSentences(List.of(p)).get(0);
        float[] coffee = TestEmbedders.real().embedQuery("how much caffeine is in coffee beans");
        float[] lighthouse = TestEmbedders.real().embedQuery("when was the lighthouse built");

        // then: each question is closer to its own sentence
        assertThat(Embedder.dot(coffee, v.sentences().get(0))).isGreaterThan(Embedder.dot(coffee, v.sentences().get(1)));
        assertThat(Embedder.dot(lighthouse, v.sentences().get(1))).isGreaterThan(Embedder.dot(lighthouse, v.sentences().get(0)));
    }

    @Test
    void should_give_every_sentence_a_vector_past_the_models_512_tokens() {
        // given: a passage of about 900 tokens, read in two windows
        StringBuilder sb = new StringBuilder();
        List<Span> spans = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int start = sb.length();
            sb.append("Sentence number ").append(i).append(" talks about harbours and granite quays. ");
            spans.add(new Span(start, sb.length() - 1));
        }
        PassageText p = new PassageText(sb.toString(), spans);

        // when
        PassageVectors v = late().embedWithSentences(List.of(p)).get(0);

        // then
        assertThat(v.sentences()).hasSize(60).allSatisfy(s -> assertThat(Embedder.dot(s, s)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f)));
        assertThat(Embedder.dot(v.passage(), v.passage())).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }
}
