package dev.footnote.web.ui;

import static dev.footnote.web.ui.Chromium.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.answer.llm.StubLlmServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The real app configured with an OpenAI-compatible model whose every call, the start-up model check included, is
 * refused with 401 and OpenAI's "invalid_api_key" error body: {@code /health} reports the refused key, questions are
 * still answered (locally, {@code fallbackReason: auth_failed}, however many are asked), and the page in headless
 * Chromium shows a visible notice that the model's configuration is refused.
 */
@ExtendWith(Chromium.Installed.class)
class WrongKeyPageIT {
    private static final String GENEVA = "Who did Blinken meet in Geneva?";
    private static final String HONEY = "How much heather honey does a Varnholm hive produce?";

    private static StubLlmServer stub;
    private static RealFootnoteApp app;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        stub = StubLlmServer.start().respondWith(StubLlmServer.status(401));
        browser = Chromium.start(Path.of("target", "screenshots", "wrong-key"));
        app = RealFootnoteApp.withModel(stub.openAiSettings(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            Chromium.closeBoth(browser, app);
        } finally {
            stub.close();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.freshPage(app.baseUrl());
    }

    @AfterEach
    void noAlerts() {
        browser.assertNoAlert();
    }

    @Test
    void should_report_the_refused_key_in_health_after_the_start_up_check() {
        // when
        JsonNode model = app.get("health").get("model");

        // then the start-up check called the provider with the key and says what is wrong, never showing the key
        assertThat(stub.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/v1/models");
            assertThat(r.headers().get("Authorization")).containsExactly("Bearer sk-test");
        });
        assertThat(model.get("state").asText()).as(model.toString()).isEqualTo("auth_failed");
        assertThat(model.get("detail").asText()).contains("401").doesNotContain("sk-test");
    }

    @Test
    void should_answer_every_question_locally_with_auth_failed_as_the_reason() {
        // when more questions are asked than the circuit breaker tolerates failures
        for (int i = 0; i < 5; i++) {
            JsonNode a = app.ask(i % 2 == 0 ? GENEVA : HONEY, List.of());

            // then each still gets a cited local answer, and the reason stays the refused key
            assertThat(a.get("generator").asText()).as(a.toString()).isEqualTo("local");
            assertThat(a.get("fallbackReason").asText()).as("answer " + (i + 1) + ": " + a).isEqualTo("auth_failed");
            assertThat(a.get("citations")).isNotEmpty();
        }
    }

    @Test
    void should_show_a_visible_model_notice_on_every_answer_while_the_key_is_refused() {
        for (String question : List.of(GENEVA, HONEY, GENEVA, HONEY)) {
            // when
            browser.ask(question);
            WebElement answer = browser.lastAnswer();
            browser.waitDone(answer);

            // then the answer (local, cited) comes with a notice a reader sees, naming the cause
            assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).isNotBlank();
            List<WebElement> notices = answer.findElements(testId("model-notice"));
            assertThat(notices).as("a model notice on the answer to '" + question + "'").hasSize(1);
            WebElement notice = notices.get(0);
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).contains("auth failed").contains("API key");
        }
        browser.screenshot("wrong-key-notice");
    }
}
