package dev.footnote.cite;

import static org.assertj.core.api.Assertions.assertThat;


import dev.footnote.index.Analyzers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
    private static final List<String> PASSAGE = List.of(
            "Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland.",
            "The game was played on February 7, 2016, at Levi's Stadium in the San Francisco Bay Area at Santa Clara, California.",
            "Water polluted with plant nutrients such as nitrates or phosphates may stimulate growth of algae by a process called eutrophication.");
    private static final Map<String, Double> IDF = Map.of(ClaimCheck.UNSEEN, 7.1, "held", 3.0, "stadium", 3.0, "match", 3.0);

    private Verdict judge(String claim) {
        ClaimCheck.Source source = new ClaimCheck.Source(PASSAGE,
                PASSAGE.stream().map(s -> Analyzers.terms(s)).toList(), "", new boolean[PASSAGE.size()]);
        return new ClaimCheck().judge(claim, Analyzers.terms(claim), source, IDF, null).verdict();
    }

    @Test
    void should_support_a_close_paraphrase_of_one_sentence() {
        assertThat(judge("Blinken held talks with Russian Foreign Minister Sergei Lavrov in Geneva.").support()).isEqualTo(Support.SUPPORTED);
    }

    @Test
    void should_support_a_restated_question_whose_answer_the_passage_gives() {
        assertThat(judge("What venue did the game take place in: Levi's Stadium.").support()).isNotEqualTo(Support.UNSUPPORTED);
    }

    @Test
    void should_reject_a_number_the_passage_never_gives() {
        Verdict v = judge("The game was played on February 7, 2011, at Levi's Stadium.");
        assertThat(v.support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(v.reason()).contains("2011");
    }

    @Test
    void should_reject_a_name_swapped_for_one_the_passage_never_mentions() {
        Verdict v = judge("The game was played on February 7, 2016, at Start Here in the San Francisco Bay Area at Santa Clara, California.");
        assertThat(v.support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(v.reason()).contains("Start");
    }

    @Test
    void should_reject_a_phrase_swapped_inside_an_otherwise_quoted_sentence() {
        Verdict v = judge("Water polluted with plant nutrients such as nitrates or phosphates may stimulate growth of holy priesthood by a process called eutrophication.");
        assertThat(v.support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(v.reason()).contains("\"holy priesthood\" where it says \"algae\"");
    }

    @Test
    void should_call_a_claim_that_adds_an_unmentioned_detail_partial() {
        Verdict v = judge("The game was played at Levi's Stadium in front of a record crowd.");
        assertThat(v.support()).isEqualTo(Support.PARTIAL);
    }

    @Test
    void should_reject_a_quotation_with_one_word_swapped_for_a_rare_one_the_passage_never_uses() {
        Verdict v = judge("Water polluted with plant nutrients such as nitrates or phosphates may stimulate growth of orchids by a process called eutrophication.");
        assertThat(v.support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(v.reason()).contains("\"orchids\" where it says \"algae\"");
    }

    @Test
    void should_call_a_quotation_with_a_common_word_swapped_partial_not_unsupported() {
        assertThat(judge("The match was played on February 7, 2016, at Levi's Stadium in the San Francisco Bay Area at Santa Clara, California.")
                .support()).isEqualTo(Support.PARTIAL);
    }

    @Test
    void should_keep_a_question_that_introduces_a_quotation_of_the_sentence_end() {
        Verdict v = judge("When was the contest played: February 7, 2016, at Levi's Stadium in the San Francisco Bay Area at Santa Clara, California.");
        assertThat(v.support()).as(v.reason()).isNotEqualTo(Support.UNSUPPORTED);
    }

    @Test
    void should_reject_a_stated_value_after_a_colon_that_the_passage_never_gives() {
        Verdict v = judge("Where was the game played: a riverside meadow.");
        assertThat(v.support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(v.reason()).contains("riverside meadow");
    }

    @Test
    void should_call_a_stated_value_the_passage_gives_partial_when_its_lead_in_adds_a_detail() {
        Verdict v = judge("Where was the 2017 game played: Levi's Stadium.");
        assertThat(v.support()).isEqualTo(Support.PARTIAL);
        assertThat(v.reason()).contains("gives the stated value").contains("2017");
    }

    @Test
    void should_reject_a_stated_value_that_holds_a_number_the_passage_never_gives() {
        Verdict v = judge("Where was the game played: Levi's Stadium in 2017.");
        assertThat(v.support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(v.reason()).contains("2017");
    }
}
