package dev.footnote.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the web chat page in headless Debian Chromium against {@link FakeFootnoteApi}: the scenarios only a fake can
 * produce on demand (a slow stream to Stop, a 503 problem, a remote draft that is {@code reset} and replaced by the
 * local answer, a partially supported sentence, a model generator) and page features checked against canned answers
 * (copy, reload, recent conversations, passage search). {@link RealAppChatPageIT} runs the scenarios against
 * the real app.
 */
@ExtendWith(Chromium.Installed.class)
class FakeApiChatPageIT {
    private static final Path SEED = Path.of("seeds", "000_19ee0b4e2523900b.txt");
    private static final String QUESTION = "Is the United States open to a summit with Russia?";

    private static FakeFootnoteApi api;
    private static Chromium browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start(Path.of("target", "screenshots", "fake-api"));
        driver = browser.driver;
        api = new FakeFootnoteApi(SEED).start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        Chromium.closeBoth(browser, api);
    }

    static String baseUrl() {
        return api.baseUrl();
    }

    @BeforeEach
    void freshPage() {
        api.clearRequests();
        api.indexing(0, null);
        api.deltaDelayMs(40);
        browser.freshPage(baseUrl());
    }

    @AfterEach
    void noAlerts() {
        assertNoAlert();
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void should_show_a_quiet_indexing_line_while_the_server_indexes_and_hide_it_when_done() {
        // given: the server is indexing in the background
        api.indexing(1200, 5183L);
        browser.freshPage(baseUrl());

        // then: a quiet status line says how far
        WebElement line = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("indexing-status")));
        assertThat(line.getText()).isEqualTo("indexing 1,200 / 5,183 documents");
        screenshot("00-indexing-line");

        // when indexing finishes, the line goes away
        api.indexing(0, null);
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(testId("indexing-status")));
    }

    @Test
    void answerStreamsInAndFootnoteOpensHighlightedSourceAndDocument() {
        api.deltaDelayMs(90);
        WebElement box = byTestId("question-input");
        box.sendKeys(QUESTION);
        box.sendKeys(Keys.ENTER);

        WebElement answer = waitFor().until(d -> lastAnswer());
        // While streaming, partial text is visible before the final render.
        String partial = waitFor().until(d -> {
            String text = answer.findElements(By.cssSelector(".streaming-text")).stream()
                    .map(e -> e.getDomProperty("textContent")).findFirst().orElse("");
            return text.length() > 5 && "streaming".equals(answer.getDomAttribute("data-status")) ? text : null;
        });
        screenshot("01-streaming");
        waitDone(answer);
        String full = answer.findElement(By.cssSelector(".answer-text")).getDomProperty("textContent");
        assertThat(full).contains("Secretary Blinken said the United States is open to holding a summit");
        assertThat(full.length()).isGreaterThan(partial.length());
        assertThat(api.askAcceptHeaders()).first().asString().contains("text/event-stream");
        assertThat(api.askRequests().get(0).path("question").asText()).isEqualTo(QUESTION);
        assertThat(api.askRequests().get(0).path("history").size()).isZero();

        List<WebElement> markers = answer.findElements(testId("citation-marker"));
        assertThat(markers).extracting(WebElement::getText).containsExactly("1", "2", "3");
        assertThat(answer.findElements(testId("source-card"))).hasSize(3);
        assertThat(answer.findElement(testId("answer-generator")).getText()).contains("openai");

        // The partially supported sentence looks different and explains itself, focusably.
        WebElement partialSentence = answer.findElement(By.cssSelector(".sentence.support-partial"));
        assertThat(partialSentence.getDomAttribute("title")).contains("Wednesday");
        assertThat(partialSentence.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(partialSentence.getCssValue("text-decoration-style")).isEqualTo("dotted");
        screenshot("02-answer-done");

        // Copy answer puts the answer with its footnotes on the clipboard.
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", baseUrl().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        answer.findElement(testId("copy-answer")).click();
        waitFor().until(d -> answer.findElement(testId("copy-answer")).getText().equals("Copied"));
        Object clip = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERR ' + e));");
        // the expected quote is written out here, not read back from the fake that built the answer
        String quote = "the United States is open to the idea of holding a summit to resolve the conflict between the two European countries";
        assertThat((String) clip).contains("Secretary Blinken said").contains("[1]").contains("Sources:").contains(quote);
        String docText = api.documentText(FakeFootnoteApi.SEED_DOC_ID);

        markers.get(0).click();
        WebElement panel = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.getDomAttribute("role")).isEqualTo("dialog");
        WebElement highlight = panel.findElement(testId("source-highlight"));
        assertThat(highlight.getDomProperty("textContent")).isEqualTo(quote);
        assertThat(panel.getText()).contains("Blinken and Lavrov talks in Geneva");
        screenshot("03-source-panel");

        panel.findElement(testId("view-in-document")).click();
        WebElement docView = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("document-view")));
        WebElement docHighlight = waitFor().until(d -> docView.findElements(testId("document-highlight")).stream().findFirst().orElse(null));
        assertThat(docHighlight.getDomProperty("textContent")).isEqualTo(quote);
        assertThat(docView.findElement(By.id("document-text")).getDomProperty("textContent")).isEqualTo(docText);
        waitFor().until(d -> isInViewport(docHighlight));
        screenshot("04-document-view");

        // Keyboard: Escape closes the panel and returns focus to the marker that opened it.
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(testId("source-panel")));
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("citation-marker");
        // Enter on the focused marker reopens it.
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        screenshot("05-dark-mode");
    }

    @Test
    void abstentionSaysTheDocumentsDontSayAndOffersNearestPassages() {
        ask("What was the weather in Geneva during the talks?");
        WebElement answer = lastAnswer();
        waitDone(answer);
        WebElement abstention = answer.findElement(testId("abstention"));
        assertThat(abstention.getText()).contains("The documents don’t say").contains("do not say what the weather was");
        List<WebElement> nearest = answer.findElements(testId("nearest-passage"));
        assertThat(nearest).hasSize(2);
        assertThat(answer.findElement(By.cssSelector(".sources-title")).getText()).containsIgnoringCase("nearest passages");
        assertThat(answer.findElements(testId("citation-marker"))).isEmpty();
        screenshot("06-abstention");

        nearest.get(0).click();
        WebElement panel = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.findElement(testId("source-highlight")).getDomProperty("textContent"))
                .isEqualTo("Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland");
        screenshot("07-abstention-nearest");
    }

    @Test
    void followUpSendsHistoryAndConversationSurvivesReload() {
        ask(QUESTION);
        waitDone(lastAnswer());
        String firstAnswer = api.mainAnswer(QUESTION).path("answer").asText();

        ask("When will he meet Zelensky?");
        waitFor().until(d -> answers().size() == 2 && "done".equals(answers().get(1).getDomAttribute("data-status")));
        List<JsonNode> requests = api.askRequests();
        assertThat(requests).hasSize(2);
        JsonNode history = requests.get(1).path("history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("role").asText()).isEqualTo("user");
        assertThat(history.get(0).path("content").asText()).isEqualTo(QUESTION);
        assertThat(history.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(history.get(1).path("content").asText()).isEqualTo(firstAnswer);
        assertThat(requests.get(1).path("topK").asInt()).isEqualTo(8);

        WebElement second = answers().get(1);
        assertThat(second.getText()).doesNotContain(FakeFootnoteApi.DRAFT_MARKER).contains("Zelensky in Kyiv on Wednesday");
        String meta = second.findElement(testId("answer-generator")).getText();
        assertThat(meta).contains("local").contains("429");
        screenshot("08-follow-up");

        driver.navigate().refresh();
        waitFor().until(d -> answers().size() == 2);
        assertThat(answers().get(1).getText()).contains("Zelensky in Kyiv on Wednesday");
        assertThat(driver.findElements(testId("question"))).hasSize(2);
        answers().get(0).findElements(testId("citation-marker")).get(0).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-highlight")));
        screenshot("09-after-reload");

        byTestId("new-chat").click();
        waitFor().until(d -> answers().isEmpty());
        assertThat(driver.findElement(By.id("empty-state")).isDisplayed()).isTrue();
        WebElement recent = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("recent-conversation")));
        assertThat(recent.getText()).contains(QUESTION);
        screenshot("10-new-chat-recent");
        recent.click();
        waitFor().until(d -> answers().size() == 2);
    }

    @Test
    void serverProblemIsShownAsAnError() {
        ask("Is the index unavailable?");
        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("answer-error")));
        assertThat(error.getText()).contains("Index unavailable").contains("run the ingest command");
        assertThat(lastAnswer().getDomAttribute("data-status")).isEqualTo("error");
        assertThat(byTestId("send").isDisplayed()).isTrue();
        screenshot("11-error");
    }

    @Test
    void stopAbortsTheStream() {
        ask("A slow question about the summit");
        WebElement answer = lastAnswer();
        WebElement stop = waitFor().until(ExpectedConditions.elementToBeClickable(testId("stop")));
        stop.click();
        waitFor().until(d -> "stopped".equals(lastAnswer().getDomAttribute("data-status")));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("send")));
        assertThat(lastAnswer().getText()).contains("Stopped");
        assertThat(answer).isNotNull();
    }

    @Test
    void untrustedMarkupIsShownAsInertText() {
        driver.get(baseUrl() + "#documents");
        WebElement item = waitFor().until(d -> d.findElements(testId("document-item")).stream()
                .filter(e -> FakeFootnoteApi.EVIL_DOC_ID.equals(e.getDomAttribute("data-doc-id"))).findFirst().orElse(null));
        assertThat(item.getText()).contains(FakeFootnoteApi.EVIL_MARKUP);
        item.click();
        WebElement docView = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("document-view")));
        waitFor().until(d -> docView.getText().contains("end of payload"));
        assertThat(docView.getText()).contains(FakeFootnoteApi.EVIL_MARKUP);
        assertNoAlert();
        assertThat(driver.findElements(By.cssSelector("main img, aside img"))).isEmpty();
        assertThat(js("return Array.from(document.scripts).map(s => s.getAttribute('src'))")).isEqualTo(List.of("feedback.js", "app.js"));
        screenshot("12-untrusted-document");

        // Passage search opens the document at the hit.
        WebElement search = byTestId("search-input");
        search.sendKeys("Zhelensky Kiev");
        search.sendKeys(Keys.ENTER);
        WebElement hit = waitFor().until(d -> d.findElements(testId("search-hit")).stream().findFirst().orElse(null));
        assertThat(hit.getText()).contains("Zhelensky");
        hit.click();
        WebElement hl = waitFor().until(d -> d.findElements(testId("document-highlight")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(hl.getDomProperty("textContent")).contains("Blingen is expected to meet");
        screenshot("13-search");

        // An answer whose own text and cited passage carry markup.
        driver.get(baseUrl() + "#chat");
        ask("What markup does the untrusted page contain?");
        WebElement answer = lastAnswer();
        waitDone(answer);
        assertThat(answer.getText()).contains(FakeFootnoteApi.EVIL_MARKUP).contains("<img src=y onerror=alert(3)>");
        answer.findElement(testId("citation-marker")).click();
        WebElement highlight = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-highlight")));
        assertThat(highlight.getDomProperty("textContent")).contains(FakeFootnoteApi.EVIL_MARKUP);
        assertNoAlert();
        assertThat(driver.findElements(By.cssSelector("main img, aside img"))).isEmpty();
        screenshot("14-untrusted-answer");
    }

    @Test
    void usableAt375PixelsWide() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        driver.navigate().refresh();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("question-input")));
        assertThat(js("return window.innerWidth")).isEqualTo(375L);
        assertFitsWidth();
        screenshot("15-mobile-empty");

        ask(QUESTION);
        waitDone(lastAnswer());
        assertFitsWidth();
        assertThat(byTestId("question-input").isDisplayed()).isTrue();
        assertThat(byTestId("send").isDisplayed()).isTrue();
        assertThat(isInViewport(byTestId("send"))).isTrue();
        screenshot("16-mobile-answer");

        lastAnswer().findElements(testId("citation-marker")).get(0).click();
        WebElement panel = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.getRect().getWidth()).isLessThanOrEqualTo(375);
        assertFitsWidth();
        screenshot("17-mobile-source");
        panel.findElement(testId("view-in-document")).click();
        waitFor().until(d -> d.findElements(testId("document-highlight")).stream().anyMatch(WebElement::isDisplayed));
        assertFitsWidth();
        screenshot("18-mobile-document");

        driver.get(baseUrl() + "#documents");
        waitFor().until(d -> !d.findElements(testId("document-item")).isEmpty());
        assertFitsWidth();
        screenshot("19-mobile-documents");
    }

    // ------------------------------------------------------------------ helpers

    private static By testId(String id) {
        return Chromium.testId(id);
    }

    private static WebElement byTestId(String id) {
        return browser.byTestId(id);
    }

    private static WebDriverWait waitFor() {
        return browser.waitFor();
    }

    private static Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private static void ask(String question) {
        browser.ask(question);
    }

    private static List<WebElement> answers() {
        return browser.answers();
    }

    private static WebElement lastAnswer() {
        return browser.lastAnswer();
    }

    private static void waitDone(WebElement answer) {
        browser.waitDone(answer);
    }

    private static boolean isInViewport(WebElement e) {
        return browser.isInViewport(e);
    }

    private static void assertFitsWidth() {
        browser.assertFitsWidth(375);
    }

    private static void assertNoAlert() {
        browser.assertNoAlert();
    }

    private static void screenshot(String name) {
        browser.screenshot(name);
    }
}
