package dev.footnote.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.support.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleQuestionsTest {
    @Test
    void should_ask_about_the_seeds_most_quoted_people_and_its_repeated_topic() throws Exception {
        String seed = Files.readString(Fixtures.seedDocument());
        List<String> questions = ExampleQuestions.of(List.of(seed), 3);
        assertThat(questions).containsExactly("What did Blinken say?", "Who is Sergei Lavrov?",
                "What do the documents say about military aid?");
    }

    @Test
    void should_offer_nothing_for_text_without_people_or_repeated_topics() {
        assertThat(ExampleQuestions.of(List.of("a b c"), 3)).isEmpty();
        assertThat(ExampleQuestions.of(List.of(), 3)).isEmpty();
    }
}
