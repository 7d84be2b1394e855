package dev.footnote.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.ModelStatus;
import dev.footnote.config.LlmSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One cheap authenticated call to the configured provider at start-up: list its models (no tokens spent). Tells a
 * wrong key, an unknown model and an unreachable server apart, so {@code serve} can warn before the first question.
 */
public final class ModelProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ModelProbe() {
    }

    public static ModelStatus check(LlmSettings s) {
        if (!s.enabled()) return ModelStatus.NONE;
        String model = s.model() == null || s.model().isBlank() ? ChatModels.defaultModel(s.provider()) : s.model();
        String key = s.apiKey() == null ? "" : s.apiKey();
        HttpRequest.Builder req = switch (s.provider()) {
            case "openai" -> HttpRequest.newBuilder(uri(base(s.baseUrl(), "https://api.openai.com/v1"), "/models"))
                    .header("Authorization", "Bearer " + (key.isEmpty() ? ChatModels.NO_KEY : key));
            case "anthropic" -> HttpRequest.newBuilder(uri(base(s.baseUrl(), "https://api.anthropic.com/v1"), "/models"))
                    .header("x-api-key", key).header("anthropic-version", "2023-06-01");
            case "ollama" -> HttpRequest.newBuilder(uri(base(s.baseUrl(), ChatModels.OLLAMA_URL), "/api/tags"));
            case "gemini" -> HttpRequest.newBuilder(uri(base(s.baseUrl(), "https://generativelanguage.googleapis.com/v1beta"),
                    "/models?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
            default -> null;
        };
        if (req == null) return new ModelStatus(s.provider(), model, "error", "unknown provider");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> r = client.send(req.timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            int code = r.statusCode();
            if (code == 401 || code == 403) {
                return new ModelStatus(s.provider(), model, "auth_failed", "the provider refused the API key (HTTP " + code + ")");
            }
            if (code / 100 != 2) return new ModelStatus(s.provider(), model, "error", "the provider answered HTTP " + code);
            if (listed(r.body(), model) == Boolean.FALSE) {
                return new ModelStatus(s.provider(), model, "unknown_model", "the provider does not list model '" + model + "'");
            }
            return new ModelStatus(s.provider(), model, "ok", "the provider accepted the key");
        } catch (IOException e) {
            return new ModelStatus(s.provider(), model, "unreachable", "cannot reach " + req.build().uri().getHost() + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ModelStatus(s.provider(), model, "unreachable", "interrupted");
        } catch (IllegalArgumentException e) {
            return new ModelStatus(s.provider(), model, "error", "bad base URL: " + e.getMessage());
        }
    }

    /** Whether a model list names {@code model}; null when the body is not a list we can read. */
    private static Boolean listed(String body, String model) {
        try {
            JsonNode n = new ObjectMapper().readTree(body);
            JsonNode list = n.has("data") ? n.get("data") : n.has("models") ? n.get("models") : null;
            if (list == null || !list.isArray() || list.isEmpty()) return null;
            for (JsonNode m : list) {
                String id = m.path("id").asText(m.path("name").asText(""));
                if (id.equals(model) || id.equals("models/" + model) || id.startsWith(model + ":") || id.startsWith(model + "-")) return true;
            }
            return false;
        } catch (IOException e) {
            return null;
        }
    }

    private static String base(String configured, String fallback) {
        String b = configured == null || configured.isBlank() ? fallback : configured;
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static URI uri(String base, String path) {
        return URI.create(base + path);
    }
}
