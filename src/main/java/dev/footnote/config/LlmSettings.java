package dev.footnote.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Which language model answers, how to reach it, and where its prompt templates live. The API key never appears in
 * {@code toString()}.
 */
public record LlmSettings(String provider, String model, String baseUrl, String apiKey, Duration timeout,
                          Path promptsDir, String grounding) {

    public static final Set<String> PROVIDERS = Set.of("none", "openai", "anthropic", "ollama", "gemini");
    public static final Path DEFAULT_PROMPTS_DIR = Path.of("prompts");
    /** {@code strict}: unsupported sentences of a model answer are removed; {@code mark}: kept and marked. */
    public static final Set<String> GROUNDING = Set.of("strict", "mark");

    public LlmSettings {
        if (promptsDir == null) promptsDir = DEFAULT_PROMPTS_DIR;
        if (grounding == null) grounding = "strict";
        if (!GROUNDING.contains(grounding)) throw new ConfigException("FOOTNOTE_GROUNDING must be strict or mark, got '" + grounding + "'");
    }

    /** Settings with the default prompts directory and strict grounding. */
    public LlmSettings(String provider, String model, String baseUrl, String apiKey, Duration timeout) {
        this(provider, model, baseUrl, apiKey, timeout, DEFAULT_PROMPTS_DIR, "strict");
    }

    public static LlmSettings none() {
        return new LlmSettings("none", null, null, null, Duration.ofSeconds(20));
    }

    static LlmSettings load(Settings.Reader r) {
        String provider = r.str("FOOTNOTE_LLM_PROVIDER", "none").toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new ConfigException("FOOTNOTE_LLM_PROVIDER must be one of " + PROVIDERS + ", got '" + provider + "'");
        }
        String key = r.strOrNull("FOOTNOTE_LLM_API_KEY");
        if (key == null) {
            key = switch (provider) {
                case "openai" -> r.strOrNull("OPENAI_API_KEY");
                case "anthropic" -> r.strOrNull("ANTHROPIC_API_KEY");
                case "gemini" -> r.strOrNull("GOOGLE_AI_API_KEY");
                default -> null;
            };
        }
        int timeout = r.intIn("FOOTNOTE_LLM_TIMEOUT_SECONDS", 20, 1, 600);
        return new LlmSettings(provider, r.strOrNull("FOOTNOTE_LLM_MODEL"), r.strOrNull("FOOTNOTE_LLM_BASE_URL"), key,
                Duration.ofSeconds(timeout), Path.of(r.str("FOOTNOTE_PROMPTS_DIR", DEFAULT_PROMPTS_DIR.toString())),
                r.str("FOOTNOTE_GROUNDING", "strict").strip().toLowerCase(Locale.ROOT));
    }

    public boolean enabled() {
        return !"none".equals(provider);
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", timeout=" + timeout + ", promptsDir=" + promptsDir + ", grounding=" + grounding + "]";
    }
}
