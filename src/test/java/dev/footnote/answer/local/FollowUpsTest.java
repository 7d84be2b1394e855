package dev.footnote.answer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.ChatTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
    private static final List<ChatTurn> HISTORY = List.of(new ChatTurn("user", "Who did Blinken meet in Geneva?"),
            new ChatTurn("assistant", "Lavrov [1]."));

    @Test
    void should_search_a_question_that_stands_alone_as_asked() {
        for (String q : List.of("What is the capital of France?", "Who is Zelensky?", "How many Russian troops are at the border?",
                "When did the US announce the aid to Ukraine?")) {
            assertThat(FollowUps.rewrite(q, HISTORY)).as(q).isEqualTo(q);
        }
    }

    @Test
    void should_carry_the_previous_questions_key_words_into_a_question_that_leans_on_it() {
        for (String q : List.of("And in Kiev?", "What about Kiev?", "Who will he meet in Kiev?", "What did they agree?", "Why?",
                "When was that?")) {
            assertThat(FollowUps.rewrite(q, HISTORY)).as(q).startsWith(q).contains("Blinken").contains("Geneva");
        }
    }

    @Test
    void should_name_the_words_a_rewrite_carried_over_and_none_for_a_question_as_asked() {
        assertThat(FollowUps.carried(FollowUps.rewrite("Who will he meet in Kiev?", HISTORY))).contains("Blinken").doesNotContain("Kiev");
        assertThat(FollowUps.carried("What is the capital of France?")).isEmpty();
    }

    @Test
    void should_leave_a_first_question_alone() {
        assertThat(FollowUps.rewrite("And in Kiev?", List.of())).isEqualTo("And in Kiev?");
    }
}
