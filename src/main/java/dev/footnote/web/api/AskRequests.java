package dev.footnote.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.answer.AskRequest;
import dev.footnote.answer.ChatTurn;
import java.util.ArrayList;
import java.util.List;

/** Validates an ask body field by field, naming the offending field, and builds the {@link AskRequest}. */
final class AskRequests {
    static final int MAX_QUESTION = 4000;
    static final int MAX_HISTORY = 50;
    static final int MAX_TOP_K = 50;

    private AskRequests() {
    }

    static AskRequest from(JsonNode body) {
        String question = question(body.get("question"), "question");
        List<ChatTurn> history = history(body.get("history"));
        return new AskRequest(question, history, topK(body.get("topK"), "topK"));
    }

    static String question(JsonNode q, String field) {
        if (q == null || q.isNull()) throw ApiException.badRequest(field, field + " is required");
        if (!q.isTextual()) throw ApiException.badRequest(field, field + " must be a string");
        return question(q.asText(), field);
    }

    static String question(String q, String field) {
        if (q.isBlank()) throw ApiException.badRequest(field, field + " must not be blank");
        if (q.length() > MAX_QUESTION) throw ApiException.badRequest(field, field + " must be at most " + MAX_QUESTION + " characters");
        return q;
    }

    static Integer topK(JsonNode k, String field) {
        if (k == null || k.isNull()) return null;
        if (!k.isIntegralNumber() || !k.canConvertToInt() || k.asInt() < 1 || k.asInt() > MAX_TOP_K) {
            throw ApiException.badRequest(field, field + " must be an integer from 1 to " + MAX_TOP_K);
        }
        return k.asInt();
    }

    private static List<ChatTurn> history(JsonNode h) {
        if (h == null || h.isNull()) return List.of();
        if (!h.isArray()) throw ApiException.badRequest("history", "history must be an array of {role, content}");
        if (h.size() > MAX_HISTORY) throw ApiException.badRequest("history", "history must have at most " + MAX_HISTORY + " turns");
        List<ChatTurn> turns = new ArrayList<>(h.size());
        for (int i = 0; i < h.size(); i++) {
            JsonNode t = h.get(i);
            String at = "history[" + i + "]";
            if (!t.isObject()) throw ApiException.badRequest(at, at + " must be an object with role and content");
            JsonNode role = t.get("role");
            if (role == null || !role.isTextual() || !(role.asText().equals("user") || role.asText().equals("assistant"))) {
                throw ApiException.badRequest(at + ".role", at + ".role must be \"user\" or \"assistant\"");
            }
            JsonNode content = t.get("content");
            if (content == null || !content.isTextual()) throw ApiException.badRequest(at + ".content", at + ".content must be a string");
            if (content.asText().length() > MAX_QUESTION * 4) {
                throw ApiException.badRequest(at + ".content", at + ".content must be at most " + MAX_QUESTION * 4 + " characters");
            }
            turns.add(new ChatTurn(role.asText(), content.asText()));
        }
        return turns;
    }
}
