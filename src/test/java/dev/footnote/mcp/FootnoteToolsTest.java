package dev.footnote.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.cite.Citation;
import dev.footnote.library.Library;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FootnoteToolsTest {
    private final AnswerService answers = mock(AnswerService.class);
    private final FootnoteTools tools = new FootnoteTools(answers, mock(Library.class));

    private static Answer answer(String question, int start) {
        Citation c = new Citation(1, "doc.txt", "Doc", null, "doc.txt#0", "Some passage text.", 0, 18, start, start + 4, "Some".substring(0, 4));
        return new Answer(question, null, "Some. [1]", false, "local", null, List.of(), List.of(c), Map.of(), false);
    }

    @Test
    void should_describe_every_argument_of_every_tool() {
        assertThat(tools.definitions()).extracting(d -> d.tool().name()).containsExactly("ask", "search", "get_document_span");
        for (FootnoteTools.Definition d : tools.definitions()) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) d.tool().inputSchema().get("properties");
            assertThat(props).isNotEmpty();
            props.forEach((name, p) -> assertThat((String) p.get("description")).as(d.tool().name() + "." + name).isNotBlank());
        }
    }

    @Test
    void should_refuse_missing_or_mistyped_arguments_as_invalid_params_naming_them() {
        Map<String, Object> badK = new HashMap<>(Map.of("query", "x", "k", 2.5));
        Map<String, Object> badHistory = new HashMap<>(Map.of("question", "q", "history", List.of(Map.of("role", "system", "content", "x"))));
        Object[][] cases = {
                {"ask", Map.of(), "question"},
                {"ask", Map.of("question", "   "), "question"},
                {"ask", badHistory, "history[].role"},
                {"ask", Map.of("question", "q".repeat(4001)), "question"},
                {"search", badK, "k"},
                {"search", Map.of("query", "x", "k", 51), "k"},
                {"get_document_span", Map.of("docId", "d", "start", 1), "end"},
        };
        for (Object[] c : cases) {
            FootnoteTools.Definition d = tools.definitions().stream().filter(x -> x.tool().name().equals(c[0])).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> args = (Map<String, Object>) c[1];
            assertThatThrownBy(() -> d.handler().apply(args)).as(c[0] + " " + c[2]).isInstanceOf(McpError.class)
                    .hasMessageContaining((String) c[2])
                    .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
        }
    }

    @Test
    void should_report_an_unexpected_failure_without_its_details() {
        when(answers.answer(any(AskRequest.class))).thenThrow(new IllegalStateException("secret internals at dev.footnote.X"));

        assertThatThrownBy(() -> tools.ask(Map.of("question", "q"))).isInstanceOf(McpError.class)
                .hasMessage("ask failed; the server log has the details");
    }

    @Test
    void should_return_the_answer_with_its_stable_id_as_structured_content() {
        when(answers.answer(any(AskRequest.class))).thenReturn(answer("q", 0));

        McpSchema.CallToolResult r = tools.ask(Map.of("question", "q"));

        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s.get("id")).isEqualTo(answer("q", 0).id());
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("\"quote\":\"Some\"");
    }

    @Test
    void should_give_the_same_answer_the_same_id_and_a_different_one_another() {
        assertThat(answer("q", 0).id()).matches("a_[0-9a-f]{24}").isEqualTo(answer("q", 0).id());
        assertThat(answer("q", 1).id()).isNotEqualTo(answer("q", 0).id());
        assertThat(answer("other", 0).id()).isNotEqualTo(answer("q", 0).id());
    }
}
