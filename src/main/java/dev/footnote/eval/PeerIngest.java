package dev.footnote.eval;

import dev.footnote.ingest.SourceDocument;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer for ingest speed: LangChain4j as a Java developer sets it up for RAG (what Easy RAG picks, without its
 * document parser): the recursive 300-token splitter with 30 tokens of overlap, bge-small-en-v1.5-q in process,
 * an in-memory store, each document as title, line break, text.
 */
public final class PeerIngest {
    private final EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();

    /** What one ingest did and how long it took. */
    public record Result(int documents, int segments, double seconds) {
        public double docsPerSecond() {
            return documents / seconds;
        }
    }

    /** Loads the model and runs it once, so that the timed ingest measures ingesting. */
    public PeerIngest warmUp() {
        model.embed("warm up the model");
        return this;
    }

    public Result ingest(List<SourceDocument> docs) {
        AtomicInteger segments = new AtomicInteger();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(300, 30, new HuggingFaceTokenCountEstimator()))
                .embeddingModel(model)
                .embeddingStore(store)
                .textSegmentTransformer(s -> {
                    segments.incrementAndGet();
                    return s;
                })
                .build();
        List<Document> documents = docs.stream().map(d -> Document.from(d.title() + "\n" + d.text())).toList();
        long t = System.nanoTime();
        ingestor.ingest(documents);
        double seconds = (System.nanoTime() - t) / 1e9;
        return new Result(docs.size(), segments.get(), seconds);
    }
}
