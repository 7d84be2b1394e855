package dev.footnote.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** All of Footnote's settings, loaded once by {@link #load(ConfigSource)}; secrets are kept out of {@code toString()}. */
public record Settings(
        int port,
        Path seedsDir,
        Path indexDir,
        String embeddingModel,
        int topK,
        long maxFileBytes,
        LlmSettings llm,
        ServerSettings server,
        BackendSettings backend) {

    public static final Set<String> EMBEDDING_MODELS = Set.of("bge-small-en-v15-q", "bge-small-en-v15-q-late", "all-minilm-l6-v2-q");

    public static Settings load(ConfigSource src) {
        Reader r = new Reader(src);
        int port = r.intIn("FOOTNOTE_PORT", 7070, 0, 65535);
        Path seeds = Path.of(r.str("FOOTNOTE_SEEDS_DIR", "seeds"));
        Path index = Path.of(r.str("FOOTNOTE_INDEX_DIR", "data/index"));
        String model = r.str("FOOTNOTE_EMBEDDING_MODEL", "bge-small-en-v15-q").toLowerCase(Locale.ROOT);
        if (!EMBEDDING_MODELS.contains(model)) {
            throw new ConfigException("FOOTNOTE_EMBEDDING_MODEL must be one of " + EMBEDDING_MODELS + ", got '" + model + "'");
        }
        int topK = r.intIn("FOOTNOTE_TOP_K", 8, 1, 50);
        long maxFile = (long) r.intIn("FOOTNOTE_MAX_FILE_MB", 50, 1, 4096) * 1024 * 1024;
        return new Settings(port, seeds, index, model, topK, maxFile, LlmSettings.load(r), ServerSettings.load(r),
                BackendSettings.load(r));
    }

    public static Settings defaults() {
        return load(ConfigSource.of(java.util.Map.of()));
    }

    public Settings withPort(int p) {
        return new Settings(p, seedsDir, indexDir, embeddingModel, topK, maxFileBytes, llm, server, backend);
    }

    public Settings withDirs(Path seeds, Path index) {
        return new Settings(port, seeds, index, embeddingModel, topK, maxFileBytes, llm, server, backend);
    }

    public Settings withLlm(LlmSettings l) {
        return new Settings(port, seedsDir, indexDir, embeddingModel, topK, maxFileBytes, l, server, backend);
    }

    public Settings withServer(ServerSettings s) {
        return new Settings(port, seedsDir, indexDir, embeddingModel, topK, maxFileBytes, llm, s, backend);
    }

    public Settings withBackend(BackendSettings b) {
        return new Settings(port, seedsDir, indexDir, embeddingModel, topK, maxFileBytes, llm, server, b);
    }

    /** Another embedding model, checked against {@link #EMBEDDING_MODELS}. */
    public Settings withEmbeddingModel(String model) {
        if (!EMBEDDING_MODELS.contains(model)) throw new ConfigException("the embedding model must be one of " + EMBEDDING_MODELS + ", got '" + model + "'");
        return new Settings(port, seedsDir, indexDir, model, topK, maxFileBytes, llm, server, backend);
    }

    public Settings withTopK(int k) {
        return new Settings(port, seedsDir, indexDir, embeddingModel, k, maxFileBytes, llm, server, backend);
    }

    /** Typed reads that name the key when a value is malformed. */
    static final class Reader {
        private final ConfigSource src;

        Reader(ConfigSource src) {
            this.src = src;
        }

        String str(String key, String def) {
            return src.get(key).orElse(def);
        }

        String strOrNull(String key) {
            return src.get(key).orElse(null);
        }

        int intIn(String key, int def, int min, int max) {
            String v = src.get(key).orElse(null);
            if (v == null) return def;
            int n;
            try {
                n = Integer.parseInt(v.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be an integer, got '" + v + "'");
            }
            if (n < min || n > max) throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + n);
            return n;
        }

        boolean bool(String key, boolean def) {
            String v = src.get(key).orElse(null);
            if (v == null) return def;
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigException(key + " must be true or false, got '" + v + "'");
            };
        }
    }
}
