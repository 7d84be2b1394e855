package dev.footnote.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Raw key lookup: the process environment first, then a {@code .env} file, then nothing (defaults live in {@link Settings}). */
public final class ConfigSource {
    private final Map<String, String> env;
    private final Map<String, String> dotenv;

    public ConfigSource(Map<String, String> env, Map<String, String> dotenv) {
        this.env = Map.copyOf(env);
        this.dotenv = Map.copyOf(dotenv);
    }

    /** The real environment plus {@code .env} in the working directory, if present. */
    public static ConfigSource system() {
        return new ConfigSource(System.getenv(), readDotenv(Path.of(".env")));
    }

    public static ConfigSource of(Map<String, String> values) {
        return new ConfigSource(values, Map.of());
    }

    public Optional<String> get(String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) v = dotenv.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Parses KEY=VALUE lines; '#' comments, optional 'export ', optional quotes. */
    public static Map<String, String> readDotenv(Path file) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring(7).strip();
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int hash = value.indexOf(" #");
                if (hash >= 0) value = value.substring(0, hash).strip();
            }
            out.put(key, value);
        }
        return out;
    }
}
