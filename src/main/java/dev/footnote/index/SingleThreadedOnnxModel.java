package dev.footnote.index;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A LangChain4j in-process ONNX model whose every inference runs on one thread, with bulk work spread over one worker
 * per core. ONNX Runtime's default uses all cores inside each call, which over-subscribes the CPU as soon as two
 * calls overlap (concurrent questions, parallel bulk embedding); one thread per call was ~30% faster for bulk
 * embedding on this machine and keeps question latency flat under load. The same session also serves the
 * late-chunking encoder, which needs the token states LangChain4j pools away.
 */
final class SingleThreadedOnnxModel extends AbstractInProcessEmbeddingModel {
    /**
     * Padded tokens per model call when passages are embedded with their sentences. One passage per call (0) used the
     * least CPU: padding similar lengths together to 2,048 tokens cost ~20% more, and the quantized model scales its
     * activations per call, so batching also moved the vectors (cosine 0.997 to the unbatched ones).
     */
    static final int BATCH_TOKENS = Integer.getInteger("footnote.embed.batchTokens", 0);
    private final OnnxBertBiEncoder encoder;
    private final LateChunkingEncoder lateChunking;
    private final ExecutorService workers;

    private SingleThreadedOnnxModel(OnnxBertBiEncoder encoder, LateChunkingEncoder lateChunking, ExecutorService workers) {
        super(workers);
        this.encoder = encoder;
        this.lateChunking = lateChunking;
        this.workers = workers;
    }

    /** Stops the worker threads once the calls already queued have run. */
    void close() {
        workers.shutdown();
    }

    /**
     * Loads {@code modelResource} and {@code tokenizerResource} from the classpath (the LangChain4j model jars).
     *
     * @param lateChunking whether to set up the {@link LateChunkingEncoder} too (its own tokenizer, a few hundred ms
     *                     at start-up), for the {@code -late} model variants only
     */
    static SingleThreadedOnnxModel load(String modelResource, String tokenizerResource, PoolingMode pooling,
                                        boolean lateChunking) {
        try (InputStream model = resource(modelResource); InputStream tokenizer = resource(tokenizerResource)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService executor = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "footnote-embed");
                t.setDaemon(true);
                return t;
            });
            byte[] tokenizerJson = tokenizer.readAllBytes();
            LateChunkingEncoder late = null;
            if (lateChunking) {
                // the same options LangChain4j's encoder uses, so both read a text as the same tokens
                HuggingFaceTokenizer tokens = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                        Map.of("padding", "false"));
                late = new LateChunkingEncoder(env, session, tokens, pooling, 384, BATCH_TOKENS, executor);
            }
            return new SingleThreadedOnnxModel(new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(tokenizerJson), pooling),
                    late, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding model " + modelResource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + modelResource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SingleThreadedOnnxModel.class.getResourceAsStream("/" + name);
        if (in == null) throw new IOException("missing resource " + name);
        return in;
    }

    /** The late-chunking encoder, or null when the model was loaded without it. */
    LateChunkingEncoder lateChunking() {
        return lateChunking;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
