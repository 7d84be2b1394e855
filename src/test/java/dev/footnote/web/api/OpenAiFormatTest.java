package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.AskRequest;
import org.junit.jupiter.api.Test;

class OpenAiFormatTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void should_split_streamed_text_into_pieces_that_join_back_exactly() {
        // given
        String text = "Talks were held in Geneva [1]. Both sides agreed to meet again [2][3].\n\nSources:\n[1] A: \"q\"";

        // when / then
        assertThat(String.join("", OpenAiFormat.pieces(text))).isEqualTo(text);
        assertThat(OpenAiFormat.pieces(text)).first().isEqualTo("Talks were held in Geneva [1]. ");
    }

    @Test
    void should_take_the_last_user_message_as_the_question_and_earlier_turns_as_history() throws Exception {
        // given
        String body = """
                {"messages":[{"role":"system","content":"Be brief."},
                  {"role":"user","content":"Who met in Geneva?"},
                  {"role":"assistant","content":"Blinken and Lavrov [1]."},
                  {"role":"user","content":[{"type":"text","text":"When?"}]}]}""";

        // when
        AskRequest r = OpenAiFormat.request(json.readTree(body));

        // then
        assertThat(r.question()).isEqualTo("When?");
        assertThat(r.history()).extracting(t -> t.role() + ":" + t.content())
                .containsExactly("user:Who met in Geneva?", "assistant:Blinken and Lavrov [1].");
    }

    @Test
    void should_name_the_messages_field_when_there_is_no_user_message() throws Exception {
        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenAiFormat.request(json.readTree("{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}")))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).problem().field()).isEqualTo("messages");
    }
}
