package dev.footnote.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * In-process LangChain4j ONNX embedding models; bge gets its query instruction, vectors are unit length. The
 * {@code -late} variant of bge reads each chunk once and pools its sentence vectors from that pass ("late chunking",
 * ~2× faster ingest); its sentence vectors differ from those of the sentences read alone, so the local answerer's
 * calibration must be re-fitted for it before it can be the default (see README, Performance).
 */
public final class OnnxEmbedder implements Embedder {
    private static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
    private final String name;
    private final SingleThreadedOnnxModel model;
    private final String queryPrefix;

    private OnnxEmbedder(String name, SingleThreadedOnnxModel model, String queryPrefix) {
        this.name = name;
        this.model = model;
        this.queryPrefix = queryPrefix;
    }

    public static OnnxEmbedder named(String name) {
        return switch (name) {
            case "bge-small-en-v15-q", "bge-small-en-v15-q-late" -> new OnnxEmbedder(name, SingleThreadedOnnxModel.load(
                    "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, name.endsWith("-late")),
                    BGE_QUERY_PREFIX);
            case "all-minilm-l6-v2-q" -> new OnnxEmbedder(name, SingleThreadedOnnxModel.load("all-minilm-l6-v2-q.onnx",
                    "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, false), "");
            default -> throw new IllegalArgumentException("unknown embedding model: " + name);
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embedQuery(String query) {
        String q = query.length() > 2000 ? query.substring(0, 2000) : query;
        return normalize(model.embed(queryPrefix + q).content().vector());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        // sort by length so each parallel batch pads little, then restore the order
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (Integer i : order) segments.add(TextSegment.from(texts.get(i).isBlank() ? "." : texts.get(i)));
        List<Embedding> embedded = model.embedAll(segments).content();
        float[][] out = new float[texts.size()][];
        for (int k = 0; k < order.length; k++) out[order[k]] = normalize(embedded.get(k).vector());
        return List.of(out);
    }

    /**
     * The late variant: one forward pass per passage, its sentences pooled from that pass (see
     * {@link LateChunkingEncoder}); otherwise each passage and each sentence embedded on its own.
     */
    @Override
    public List<PassageVectors> embedWithSentences(List<PassageText> passages) {
        if (passages.isEmpty()) return List.of();
        LateChunkingEncoder late = model.lateChunking();
        return late != null ? late.encode(passages) : Embedder.super.embedWithSentences(passages);
    }

    /** Stops the model's worker pool; embedding afterwards fails. */
    @Override
    public void close() {
        model.close();
    }

    static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        if (n == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
        return out;
    }
}
