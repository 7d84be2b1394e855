package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.footnote.support.TestEmbedders;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
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
}
