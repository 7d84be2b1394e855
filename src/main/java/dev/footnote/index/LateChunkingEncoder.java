package dev.footnote.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.footnote.ingest.Span;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Embeds a passage and its sentences with one forward pass of the model ("late chunking"): the passage vector is the
 * model's own pooling of the pass (as LangChain4j computes it), and each sentence vector is the mean of the token
 * states that fall inside that sentence, so a sentence is read in the context of its passage. This replaces one model
 * call per sentence, which cost as much as the passages themselves.
 */
final class LateChunkingEncoder {
    /** BERT reads 512 positions; two go to [CLS] and [SEP]. Longer passages are read in windows, as LangChain4j does. */
    static final int MAX_CONTENT_TOKENS = 510;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final PoolingMode pooling;
    private final boolean wantsTypeIds;
    private final int dimension;
    private final int batchTokens;
    private final Executor executor;

    /**
     * @param batchTokens passages of similar length are run together up to this many (padded) tokens per call
     * @param executor    runs the calls; with one intra-op thread per session, one worker per core
     */
    LateChunkingEncoder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, PoolingMode pooling,
                        int dimension, int batchTokens, Executor executor) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
        this.dimension = dimension;
        this.batchTokens = batchTokens;
        this.executor = executor;
    }

    List<PassageVectors> encode(List<PassageText> passages) {
        return encode(passages, true);
    }

    /** @param readMissingAlone whether a sentence without tokens of its own is read alone (else it gets the passage's vector) */
    private List<PassageVectors> encode(List<PassageText> passages, boolean readMissingAlone) {
        List<Tokens> tokens = new ArrayList<>(passages.size());
        List<Window> windows = new ArrayList<>();
        for (PassageText p : passages) {
            Tokens t = tokenize(p.text().isBlank() ? "." : p.text());
            tokens.add(t);
            windows.addAll(t.windows());
        }
        run(windows);
        List<float[]> passageVectors = new ArrayList<>(passages.size());
        List<List<float[]>> sentenceVectors = new ArrayList<>(passages.size());
        List<int[]> missing = new ArrayList<>(); // {passage, sentence} with no token of their own (text cut off)
        for (int i = 0; i < passages.size(); i++) {
            PassageText p = passages.get(i);
            Tokens t = tokens.get(i);
            List<float[]> sentences = new ArrayList<>(p.sentences().size());
            for (int s = 0; s < p.sentences().size(); s++) {
                float[] v = t.meanOver(p.sentences().get(s));
                if (v == null && readMissingAlone) missing.add(new int[] {i, s});
                if (v == null && !readMissingAlone) v = t.passageVector();
                sentences.add(v);
            }
            passageVectors.add(t.passageVector());
            sentenceVectors.add(sentences);
        }
        if (!missing.isEmpty()) fillMissing(passages, sentenceVectors, missing);
        List<PassageVectors> out = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) out.add(new PassageVectors(passageVectors.get(i), sentenceVectors.get(i)));
        return out;
    }

    /** A sentence the tokenizer cut off (past 512 tokens) is read on its own, pooled the same way. */
    private void fillMissing(List<PassageText> passages, List<List<float[]>> sentenceVectors, List<int[]> missing) {
        List<PassageText> alone = new ArrayList<>();
        for (int[] m : missing) {
            String text = passages.get(m[0]).sentences().get(m[1]).of(passages.get(m[0]).text());
            alone.add(new PassageText(text, List.of(new Span(0, text.length()))));
        }
        List<PassageVectors> vs = encode(alone, false);
        for (int k = 0; k < missing.size(); k++) {
            int[] m = missing.get(k);
            sentenceVectors.get(m[0]).set(m[1], vs.get(k).sentences().get(0));
        }
    }

    private Tokens tokenize(String text) {
        Encoding e = tokenizer.encode(text, true, false);
        return new Tokens(e.getIds(), e.getTokens(), e.getCharTokenSpans());
    }

    /** Runs every window through the model, similar lengths together, the batches spread over the executor. */
    private void run(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingInt(w -> w.ids.length));
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            // windows are sorted by length, so the last one added sets the padded length of the batch
            while (j < sorted.size() && (long) (j - i + 1) * sorted.get(j).ids.length <= batchTokens) j++;
            List<Window> batch = sorted.subList(i, j);
            calls.add(CompletableFuture.runAsync(() -> forward(batch), executor));
            i = j;
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private void forward(List<Window> batch) {
        int b = batch.size();
        int len = batch.get(b - 1).ids.length;
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        for (int k = 0; k < b; k++) {
            long[] w = batch.get(k).ids;
            System.arraycopy(w, 0, ids, k * len, w.length);
            Arrays.fill(mask, k * len, k * len + w.length, 1L);
        }
        long[] shape = {b, len};
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * len]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsT);
            inputs.put("attention_mask", maskT);
            if (wantsTypeIds) inputs.put("token_type_ids", typesT);
            try (OrtSession.Result r = session.run(inputs)) {
                FloatBuffer states = ((OnnxTensor) r.get(0)).getFloatBuffer();
                for (int k = 0; k < b; k++) {
                    Window w = batch.get(k);
                    float[] own = new float[w.ids.length * dimension];
                    states.position(k * len * dimension);
                    states.get(own);
                    w.states = own;
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding model failed: " + e.getMessage(), e);
        }
    }

    /** One passage's tokens and the windows they are read in. */
    private final class Tokens {
        private final long[] ids;
        private final CharSpan[] spans;
        /** For content token t (1-based, after [CLS]): its window and position there. */
        private final Window[] windowOf;
        private final int[] positionIn;
        private final List<Window> windows = new ArrayList<>();

        Tokens(long[] ids, String[] strings, CharSpan[] spans) {
            this.ids = ids;
            this.spans = spans;
            this.windowOf = new Window[ids.length];
            this.positionIn = new int[ids.length];
            int end = ids.length - 1; // [SEP]
            int from = 1;
            if (end <= from) {
                windows.add(window(1, 1));
            }
            while (from < end) {
                int to = Math.min(end, from + MAX_CONTENT_TOKENS);
                // do not split a word across windows (as LangChain4j partitions)
                while (to < end && to > from + 1 && strings[to].startsWith("##")) to--;
                windows.add(window(from, to));
                from = to;
            }
        }

        private Window window(int from, int to) {
            long[] w = new long[to - from + 2];
            w[0] = ids[0];
            System.arraycopy(ids, from, w, 1, to - from);
            w[w.length - 1] = ids[ids.length - 1];
            Window win = new Window(w, to - from);
            for (int t = from; t < to; t++) {
                windowOf[t] = win;
                positionIn[t] = t - from + 1;
            }
            return win;
        }

        List<Window> windows() {
            return windows;
        }

        /** The passage vector: CLS or mean pooling per window, windows weighted by their length (as LangChain4j). */
        float[] passageVector() {
            float[] sum = new float[dimension];
            double weights = 0;
            for (Window w : windows) {
                int n = w.ids.length;
                for (int d = 0; d < dimension; d++) {
                    float x;
                    if (pooling == PoolingMode.CLS) {
                        x = w.states[d];
                    } else {
                        float s = 0;
                        for (int p = 0; p < n; p++) s += w.states[p * dimension + d];
                        x = s / n;
                    }
                    sum[d] += x * Math.max(1, w.contentTokens);
                }
                weights += Math.max(1, w.contentTokens);
            }
            for (int d = 0; d < dimension; d++) sum[d] /= (float) weights;
            return OnnxEmbedder.normalize(sum);
        }

        /** The mean of the states of the tokens overlapping {@code s}, unit length; null when no token does. */
        float[] meanOver(Span s) {
            float[] sum = new float[dimension];
            int n = 0;
            for (int t = 1; t < ids.length - 1; t++) {
                CharSpan c = spans[t];
                if (c == null || windowOf[t] == null || c.getEnd() <= s.start() || c.getStart() >= s.end()) continue;
                float[] st = windowOf[t].states;
                int base = positionIn[t] * dimension;
                for (int d = 0; d < dimension; d++) sum[d] += st[base + d];
                n++;
            }
            return n == 0 ? null : OnnxEmbedder.normalize(sum);
        }
    }

    /** Token ids of one model call's row ([CLS] ... [SEP]), and the token states the call produced. */
    private static final class Window {
        final long[] ids;
        final int contentTokens;
        float[] states;

        Window(long[] ids, int contentTokens) {
            this.ids = ids;
            this.contentTokens = contentTokens;
        }
    }
}
