package dev.footnote.answer.llm;

import dev.footnote.config.ConfigException;
import dev.footnote.config.LlmSettings;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;

/**
 * The streaming and blocking LangChain4j clients for one provider. No retries: a failed call falls back to the
 * local answer instead. Request logging stays off so the API key never reaches the logs.
 */
record ChatModels(String provider, String modelName, StreamingChatModel streaming, ChatModel blocking) {
    static final String OLLAMA_URL = "http://localhost:11434";
    /** Sent to OpenAI-compatible local servers (vLLM, llama.cpp, LM Studio) that need no key. */
    static final String NO_KEY = "not-needed";

    static String defaultModel(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-haiku-4-5";
            case "ollama" -> "llama3.2";
            case "gemini" -> "gemini-2.5-flash";
            default -> throw new ConfigException("no language model for provider '" + provider + "'");
        };
    }

    static ChatModels of(LlmSettings s) {
        String model = s.model() == null || s.model().isBlank() ? defaultModel(s.provider()) : s.model();
        Duration timeout = s.timeout();
        return switch (s.provider()) {
            case "openai" -> openAi(model, s.baseUrl(), key(s, s.baseUrl() != null), timeout);
            case "anthropic" -> anthropic(model, s.baseUrl(), key(s, false), timeout);
            case "ollama" -> ollama(model, s.baseUrl() == null ? OLLAMA_URL : s.baseUrl(), timeout);
            case "gemini" -> gemini(model, s.baseUrl(), key(s, false), timeout);
            default -> throw new ConfigException("no language model for provider '" + s.provider() + "'");
        };
    }

    private static String key(LlmSettings s, boolean optional) {
        if (s.apiKey() != null && !s.apiKey().isBlank()) return s.apiKey();
        if (optional) return NO_KEY;
        throw new ConfigException("FOOTNOTE_LLM_API_KEY must be set for FOOTNOTE_LLM_PROVIDER=" + s.provider());
    }

    private static ChatModels openAi(String model, String baseUrl, String key, Duration timeout) {
        return new ChatModels("openai", model,
                OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout).build(),
                OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout).maxRetries(0).build());
    }

    private static ChatModels anthropic(String model, String baseUrl, String key, Duration timeout) {
        return new ChatModels("anthropic", model,
                AnthropicStreamingChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout)
                        .build(),
                AnthropicChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout).maxRetries(0)
                        .build());
    }

    private static ChatModels ollama(String model, String baseUrl, Duration timeout) {
        return new ChatModels("ollama", model,
                OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(model).timeout(timeout).build(),
                OllamaChatModel.builder().baseUrl(baseUrl).modelName(model).timeout(timeout).maxRetries(0).build());
    }

    private static ChatModels gemini(String model, String baseUrl, String key, Duration timeout) {
        return new ChatModels("gemini", model,
                GoogleAiGeminiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout)
                        .build(),
                GoogleAiGeminiChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout)
                        .maxRetries(0).build());
    }

    @Override
    public String toString() {
        return "ChatModels[provider=" + provider + ", model=" + modelName + "]";
    }
}
