package dev.footnote.web.ui;

import static dev.footnote.web.ui.Chromium.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.support.NodeClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reader, by keyboard, says footnote 1 does not support its sentence and gives the answer a thumbs down with a
 * comment; then {@code footnote feedback export --format cases}, run as its own process beside the live server,
 * writes that report as a citation case (claim, passage, label unsupported).
 */
@org.junit.jupiter.api.extension.ExtendWith(Chromium.Installed.class)
class FeedbackPageIT {
    private static final String GENEVA = "Who did Blinken meet in Geneva?";
    private static RealFootnoteApp app;
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(Path.of("target", "screenshots", "feedback"));
        app = RealFootnoteApp.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.closeBoth(browser, app);
    }

    @Test
    void should_turn_a_does_not_support_click_into_an_exported_citation_case() throws Exception {
        // given: an answer on the page, and footnote 1 open in the side panel
        JsonNode expected = app.ask(GENEVA, List.of());
        JsonNode c1 = expected.path("citations").get(0);
        browser.freshPage(app.baseUrl());
        browser.ask(GENEVA);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        answer.findElements(testId("citation-marker")).get(0).sendKeys(Keys.ENTER);
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        WebElement no = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("feedback-no")));
        assertThat(panel.getText()).contains("Supports this sentence?");

        // when: "No", by keyboard
        no.sendKeys(Keys.ENTER);
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(testId("feedback-status"), "does not support"));
        assertThat(no.getDomAttribute("aria-pressed")).isEqualTo("true");
        browser.screenshot("01-footnote-does-not-support");

        // and a thumbs down on the answer, with a comment, by keyboard
        answer.findElement(testId("answer-down")).sendKeys(Keys.ENTER);
        WebElement comment = browser.waitFor().until(ExpectedConditions.visibilityOf(answer.findElement(testId("feedback-comment"))));
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(comment);
        comment.sendKeys("Footnote 1 is about Friday's talks, not the meeting.");
        answer.findElement(testId("feedback-send")).sendKeys(Keys.ENTER);
        browser.waitFor().until(ExpectedConditions.textToBePresentInElement(answer.findElement(testId("answer-feedback-status")), "Thanks"));
        browser.screenshot("02-answer-thumbs-down");
        browser.assertNoAlert();

        // then: the export, a separate process reading the same embedded database, holds the case
        Path out = Files.createTempFile("footnote-cases", ".jsonl");
        NodeClient.Result r = NodeClient.run(Path.of("."), NodeClient.javaCommand("dev.footnote.cli.Main", "feedback", "export",
                "--format", "cases", "--out", out.toString(), "--index", app.indexDir().toString()), 120);
        assertThat(r.exit()).as(r.output()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).as("thumbs on a whole answer are not citation cases").hasSize(1);
        JsonNode kase = new ObjectMapper().readTree(lines.get(0));
        assertThat(kase.path("label").asText()).isEqualTo("unsupported");
        assertThat(kase.path("claim").asText()).isEqualTo(expected.path("sentences").get(0).path("text").asText());
        assertThat(kase.path("passage").path("id").asText()).isEqualTo(c1.path("chunkId").asText());
        assertThat(kase.path("passage").path("text").asText()).isEqualTo(c1.path("passage").asText()).contains(c1.path("quote").asText());
        assertThat(kase.path("source").path("quote").asText()).isEqualTo(c1.path("quote").asText());
        assertThat(r.output()).contains("exported 1 case");
    }
}
