package dev.footnote.mcp;

import java.util.List;
import java.util.Map;

/** The JSON Schemas of the tools' arguments, with descriptions an agent can act on. */
final class Schemas {
    private Schemas() {
    }

    static final Map<String, Object> ASK = object(Map.of(
            "question", Map.of("type", "string", "minLength", 1, "maxLength", FootnoteTools.MAX_QUESTION_CHARS,
                    "description", "The question, in natural language, e.g. 'Who did Blinken meet in Geneva?'"),
            "history", Map.of("type", "array", "maxItems", FootnoteTools.MAX_HISTORY,
                    "description", "Earlier turns of the conversation, oldest first, so a follow-up question can be "
                            + "understood ('And who will he meet in Kiev?'). Omit for a standalone question.",
                    "items", Map.of("type", "object", "required", List.of("role", "content"),
                            "properties", Map.of(
                                    "role", Map.of("type", "string", "enum", List.of("user", "assistant"),
                                            "description", "who said it"),
                                    "content", Map.of("type", "string", "description", "what was said")))),
            "topK", Map.of("type", "integer", "minimum", 1, "maximum", FootnoteTools.MAX_TOP_K,
                    "description", "How many passages to retrieve before answering (default: the server's setting, 8).")),
            List.of("question"));

    static final Map<String, Object> SEARCH = object(Map.of(
            "query", Map.of("type", "string", "minLength", 1, "description", "What to look for: words or a question."),
            "k", Map.of("type", "integer", "minimum", 1, "maximum", FootnoteTools.MAX_K, "default", 5,
                    "description", "How many passages to return, best first (default 5).")),
            List.of("query"));

    static final Map<String, Object> SPAN = object(Map.of(
            "docId", Map.of("type", "string", "minLength", 1,
                    "description", "The document id, as in a citation's or a passage's docId."),
            "start", Map.of("type", "integer", "minimum", 0,
                    "description", "First character of the span (0-based, inclusive), as in a citation's start."),
            "end", Map.of("type", "integer", "minimum", 1,
                    "description", "Character after the span (exclusive), as in a citation's end; greater than start.")),
            List.of("docId", "start", "end"));

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required, "additionalProperties", false);
    }
}
