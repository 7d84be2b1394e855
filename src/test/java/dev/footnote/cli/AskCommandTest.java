package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Answer;
import dev.footnote.cite.Citation;
import dev.footnote.ingest.Layout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AskCommandTest {
    private static Citation citation(int id, Layout.Location where) {
        String quote = "The bridge opens in March.";
        return new Citation(id, "report.pdf", "Harbour report", null, "report.pdf#2", quote, 100, 126, 100, 126, quote).at(where);
    }

    @Test
    void should_print_where_each_quote_is_in_the_original_file() {
        // given
        Answer a = new Answer("When?", null, "The bridge opens in March. [1][2][3]", false, "local", null, List.of(),
                List.of(citation(1, new Layout.Location(3, null, null, "Opening")), citation(2, new Layout.Location(2, 3, null, null)),
                        citation(3, new Layout.Location(null, null, 4, "Budget"))), Map.of(), false);

        // when
        String out = AskCommand.render(a);

        // then
        assertThat(out).contains("[1] Harbour report (report.pdf, p. 3, Opening, chars 100-126)")
                .contains("[2] Harbour report (report.pdf, pp. 2\u20133, chars 100-126)")
                .contains("[3] Harbour report (report.pdf, slide 4, Budget, chars 100-126)");
    }

    @Test
    void should_print_offsets_only_for_formats_without_pages() {
        String quote = "Tea at six.";
        Citation plain = new Citation(1, "tea.md", "Tea", null, "tea.md#0", quote, 0, 11, 0, 11, quote);
        String out = AskCommand.render(new Answer("When?", null, "Tea at six. [1]", false, "local", null, List.of(), List.of(plain),
                Map.of(), false));
        assertThat(out).contains("[1] Tea (tea.md, chars 0-11)");
    }
}
