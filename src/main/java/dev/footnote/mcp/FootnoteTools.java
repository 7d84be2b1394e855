package dev.footnote.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.answer.ChatTurn;
import dev.footnote.library.Excerpt;
import dev.footnote.library.Library;
import dev.footnote.library.RejectedInputException;
import dev.footnote.library.SearchHit;
import dev.footnote.retrieve.Passage;
import dev.footnote.retrieve.SearchQuery;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three tools an agent gets: {@code ask} (a checked, footnoted answer), {@code search} (passages with offsets and
 * scores) and {@code get_document_span} (the document text at a citation's offsets, to check a quote). Bad arguments
 * are MCP invalid-params errors naming the argument; anything unexpected is an internal error with no detail.
 */
public final class FootnoteTools {
    private static final Logger log = LoggerFactory.getLogger(FootnoteTools.class);
    static final int MAX_QUESTION_CHARS = 4_000;
    static final int MAX_HISTORY = 50;
    static final int MAX_K = 50;
    static final int MAX_TOP_K = 50;

    /** One tool: its description for the client and what it does with the arguments. */
    public record Definition(Tool tool, Function<Map<String, Object>, CallToolResult> handler) {
    }

    private final AnswerService answers;
    private final Library library;
    private final ObjectMapper json = JsonMapper.builder().build();

    public FootnoteTools(AnswerService answers, Library library) {
        this.answers = answers;
        this.library = library;
    }

    /** The tools, in the order a client lists them. */
    public List<Definition> definitions() {
        return List.of(
                new Definition(tool("ask", "Ask the indexed documents",
                        "Answers a question from the indexed documents only. Every answer sentence cites passages; each "
                                + "citation gives docId and the exact character span [start, end) of the document that "
                                + "supports it, and quote is exactly that text. sentences[].support says how well the "
                                + "citations support each sentence (supported, partial, unsupported). abstained is true "
                                + "when the documents do not answer the question: then do not use the answer as fact.",
                        Schemas.ASK), this::ask),
                new Definition(tool("search", "Search passages",
                        "Finds the passages of the indexed documents that best match a query (hybrid BM25 and vector "
                                + "search), best first, each with docId, its character offsets [start, end) in the "
                                + "document, its text and scores. Use it to explore what the documents say.",
                        Schemas.SEARCH), this::search),
                new Definition(tool("get_document_span", "Read a span of a document",
                        "Returns the text of document docId from character start (inclusive) to end (exclusive), with "
                                + "up to " + Library.CONTEXT_CHARS + " characters of context before and after. Use it "
                                + "to check that a citation's quote is what the document says at its offsets.",
                        Schemas.SPAN), this::span));
    }

    private static Tool tool(String name, String title, String description, Map<String, Object> schema) {
        return Tool.builder(name, schema).title(title).description(description).build();
    }

    CallToolResult ask(Map<String, Object> arguments) {
        ToolArguments a = new ToolArguments(arguments);
        String question = a.text("question", MAX_QUESTION_CHARS);
        List<ChatTurn> history = a.objects("history", MAX_HISTORY).stream().map(FootnoteTools::turn).toList();
        Integer topK = arguments != null && arguments.get("topK") != null ? a.integer("topK", 1, MAX_TOP_K, null) : null;
        return guarded("ask", () -> {
            Answer answer = answers.answer(new AskRequest(question, history, topK));
            return result(answer);
        });
    }

    CallToolResult search(Map<String, Object> arguments) {
        ToolArguments a = new ToolArguments(arguments);
        String query = a.text("query", SearchQuery.MAX_CHARS);
        int k = a.integer("k", 1, MAX_K, 5);
        return guarded("search", () -> {
            List<Map<String, Object>> passages = library.search(query, k).stream().map(FootnoteTools::passage).toList();
            return result(Map.of("query", query, "passages", passages));
        });
    }

    CallToolResult span(Map<String, Object> arguments) {
        ToolArguments a = new ToolArguments(arguments);
        String docId = a.text("docId", 1_000);
        int start = a.integer("start", 0, Integer.MAX_VALUE, null);
        int end = a.integer("end", 0, Integer.MAX_VALUE, null);
        return guarded("get_document_span", () -> {
            Excerpt e;
            try {
                e = library.excerpt(docId, start, end).orElseThrow(() -> ToolArguments.invalid("no document with docId '" + docId + "'"));
            } catch (RejectedInputException r) {
                throw ToolArguments.invalid(r.getMessage());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("docId", e.id());
            out.put("start", e.start());
            out.put("end", e.end());
            out.put("text", e.text());
            out.put("before", e.before());
            out.put("after", e.after());
            return result(out);
        });
    }

    private static ChatTurn turn(Map<String, Object> t) {
        Object role = t.get("role");
        Object content = t.get("content");
        if (!"user".equals(role) && !"assistant".equals(role)) throw ToolArguments.invalid("history[].role must be user or assistant");
        if (!(content instanceof String s)) throw ToolArguments.invalid("history[].content must be a string");
        if (s.length() > MAX_QUESTION_CHARS * 4) throw ToolArguments.invalid("history[].content is too long");
        return new ChatTurn((String) role, s);
    }

    private static Map<String, Object> passage(SearchHit sh) {
        Passage p = sh.hit().passage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunkId", p.chunkId());
        m.put("docId", p.docId());
        m.put("title", p.title());
        m.put("date", p.date());
        m.put("start", p.span().start());
        m.put("end", p.span().end());
        m.put("text", p.text());
        m.put("score", sh.hit().score());
        m.put("bm25", sh.hit().bm25());
        m.put("vector", sh.hit().vector());
        return m;
    }

    /** The value as structured content, and the same JSON as text for clients that read only text. */
    @SuppressWarnings("unchecked")
    private CallToolResult result(Object value) {
        Map<String, Object> structured = json.convertValue(value, Map.class);
        try {
            String text = json.writeValueAsString(structured);
            return CallToolResult.builder().addContent(new McpSchema.TextContent(text)).structuredContent(structured).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a tool body: an MCP error passes through, anything else is logged here and reported without detail. */
    private static CallToolResult guarded(String tool, Supplier<CallToolResult> work) {
        try {
            return work.get();
        } catch (McpError e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("MCP tool {} failed", tool, e);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(tool + " failed; the server log has the details").build();
        }
    }
}
