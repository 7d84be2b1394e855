package dev.footnote.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AskRequest;
import dev.footnote.answer.ChatTurn;
import dev.footnote.cite.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates between OpenAI chat-completion shapes and Footnote's questions and answers. */
final class OpenAiFormat {
    static final String MODEL = "footnote";

    private OpenAiFormat() {
    }

    /** The last user message is the question; earlier user and assistant turns (at most 50) are the history. */
    static AskRequest request(JsonNode body) {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("messages", "messages must be a non-empty array");
        }
        List<ChatTurn> turns = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject() || !m.path("role").isTextual()) throw ApiException.badRequest(at + ".role", at + ".role must be a string");
            String role = m.get("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) continue; // system, developer and tool turns are not asked about
            String text = text(m.get("content"), at + ".content");
            if (text.isBlank()) continue;
            turns.add(new ChatTurn(role, text));
            if (role.equals("user")) last = turns.size() - 1;
        }
        if (last < 0) throw ApiException.badRequest("messages", "messages must contain a user message");
        String question = AskRequests.question(turns.get(last).content(), "messages");
        List<ChatTurn> history = turns.subList(Math.max(0, last - AskRequests.MAX_HISTORY), last);
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) throw ApiException.badRequest("stream", "stream must be a boolean");
        return new AskRequest(question, history, null);
    }

    /** Message content: a string, or an array of parts whose {@code text} parts are joined. */
    private static String text(JsonNode content, String field) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        if (!content.isArray()) throw ApiException.badRequest(field, field + " must be a string or an array of parts");
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("text") && part.path("text").isTextual()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(part.get("text").asText());
            }
        }
        return sb.toString();
    }

    /** The footnotes as text appended to the message: "Sources:" (or "Nearest passages:" on abstention). */
    static String sources(Answer a) {
        if (a.citations().isEmpty()) return "";
        StringBuilder sb = new StringBuilder(a.abstained() ? "\n\nNearest passages:" : "\n\nSources:");
        for (Citation c : a.citations()) {
            sb.append("\n[").append(c.id()).append("] ").append(c.title());
            if (c.date() != null) sb.append(" (").append(c.date()).append(')');
            if (c.where() != null) sb.append(", ").append(c.where());
            sb.append(": \"").append(c.quote().replaceAll("\\s+", " ").strip()).append('"');
        }
        return sb.toString();
    }

    /** Splits text after each sentence end or marker, keeping every character, so the pieces join back exactly. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=[.!?\\]])\\s+").matcher(text);
        int at = 0;
        while (m.find()) {
            out.add(text.substring(at, m.end()));
            at = m.end();
        }
        if (at < text.length()) out.add(text.substring(at));
        return out;
    }

    static Footnote footnote(Answer a) {
        return new Footnote(a.citations(), a.sentences(), a.removed(), a.abstained(), a.generator(), a.fallbackReason(), a.shortAnswer());
    }

    static Usage usage(AskRequest request, String content) {
        int prompt = tokens(request.question()) + request.history().stream().mapToInt(t -> tokens(t.content())).sum();
        int completion = tokens(content);
        return new Usage(prompt, completion, prompt + completion);
    }

    /** A rough count (4 characters a token); Footnote's local answerer has no tokenizer. */
    private static int tokens(String s) {
        return (s.length() + 3) / 4;
    }

    static Completion completion(String id, long created, String content, AskRequest request, Answer a) {
        return new Completion(id, "chat.completion", created, MODEL,
                List.of(new Choice(0, Map.of("role", "assistant", "content", content), null, "stop")),
                usage(request, content), footnote(a));
    }

    static Chunk chunk(String id, long created, Map<String, String> delta, String finish, Footnote footnote) {
        return new Chunk(id, "chat.completion.chunk", created, MODEL, List.of(new Choice(0, null, delta, finish)), null, footnote);
    }

    static Chunk usageChunk(String id, long created, Usage usage) {
        return new Chunk(id, "chat.completion.chunk", created, MODEL, List.of(), usage, null);
    }

    /**
     * Footnote's structured citations, carried in an extra top-level field that OpenAI clients ignore: the citations,
     * each sentence of the content with its citation ids, {@code support} and {@code reason}, and the sentences the
     * grounding policy removed, and the short answer.
     */
    record Footnote(List<Citation> citations, List<dev.footnote.cite.AnswerSentence> sentences,
                    List<dev.footnote.cite.Grounding.Removed> removed, boolean abstained, String generator, String fallbackReason,
                    dev.footnote.answer.ShortAnswer shortAnswer) {
    }

    record Usage(int prompt_tokens, int completion_tokens, int total_tokens) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Choice(int index, Map<String, String> message, Map<String, String> delta,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String finish_reason) {
    }

    record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                      Footnote footnote) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(String id, String object, long created, String model, List<Choice> choices, Usage usage, Footnote footnote) {
    }
}
