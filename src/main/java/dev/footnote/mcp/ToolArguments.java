package dev.footnote.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** Reads a tool call's arguments, refusing a missing or mistyped one with an MCP invalid-params error naming it. */
final class ToolArguments {
    private final Map<String, Object> args;

    ToolArguments(Map<String, Object> args) {
        this.args = args == null ? Map.of() : args;
    }

    String text(String name, int maxChars) {
        Object v = args.get(name);
        if (!(v instanceof String s) || s.isBlank()) throw invalid(name + " is required and must be a non-empty string");
        if (s.length() > maxChars) throw invalid(name + " must be at most " + maxChars + " characters");
        return s;
    }

    int integer(String name, int min, int max, Integer fallback) {
        Object v = args.get(name);
        if (v == null && fallback != null) return fallback;
        // JSON numbers arrive as Integer, Long or Double; 3.0 is accepted as 3, 3.5 is not an integer
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw invalid(name + " is required and must be an integer");
        }
        double d = n.doubleValue();
        if (d < min || d > max) throw invalid(name + " must be an integer from " + min + " to " + max);
        return (int) d;
    }

    /** A list of JSON objects, or an empty list when absent. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String name, int maxItems) {
        Object v = args.get(name);
        if (v == null) return List.of();
        if (!(v instanceof List<?> list)) throw invalid(name + " must be an array");
        if (list.size() > maxItems) throw invalid(name + " must have at most " + maxItems + " items");
        for (Object o : list) if (!(o instanceof Map)) throw invalid(name + " must be an array of objects");
        return (List<Map<String, Object>>) list;
    }

    static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
