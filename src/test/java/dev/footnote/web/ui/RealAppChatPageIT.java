package dev.footnote.web.ui;

import static dev.footnote.web.ui.Chromium.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web chat page in headless Debian Chromium against the real app ({@link RealFootnoteApp}: index, local answerer,
 * HTTP API and SSE stream) over the seed document and a hostile document. What each answer must contain is read from
 * the same app's {@code POST /api/ask} and {@code GET /api/documents/{docId}}, so the page is checked against the
 * API rather than against expectations of its own. Screenshots go to {@code target/screenshots/real-app/}.
 */
@ExtendWith(Chromium.Installed.class)
class RealAppChatPageIT {
    private static final String GENEVA = "Who did Blinken meet in Geneva?";
    private static final String KIEV = "Who will he meet in Kiev?";
    private static final String NITROGEN = "What is the boiling point of liquid nitrogen in kelvin?";
    private static final String HONEY = "How much heather honey does a Varnholm hive produce?";

    private static RealFootnoteApp app;
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(Path.of("target", "screenshots", "real-app"));
        app = RealFootnoteApp.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.closeBoth(browser, app);
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
    void answerStreamsInAndFootnoteOneHighlightsItsQuoteInPassageAndDocument() {
        JsonNode expected = app.ask(GENEVA, List.of());
        assertThat(expected.path("abstained").asBoolean()).isFalse();
        recordStreaming();

        browser.ask(GENEVA);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);

        // The page showed progress while the SSE stream came in: the retrieval status, then growing partial text.
        List<String> seen = seenWhileStreaming();
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("status:Read ").contains("passage"));
        List<String> deltas = seen.stream().filter(s -> s.startsWith("delta:")).map(s -> s.substring(6)).toList();
        assertThat(deltas).as("partial answers rendered while streaming").hasSizeGreaterThanOrEqualTo(2);
        assertThat(deltas.get(0)).contains("Lavrov");
        for (int i = 1; i < deltas.size(); i++) assertThat(deltas.get(i).length()).isGreaterThan(deltas.get(i - 1).length());

        String text = answer.findElement(By.cssSelector(".answer-text")).getDomProperty("textContent");
        assertThat(text).contains("Lavrov");
        for (JsonNode s : expected.path("sentences")) assertThat(text).contains(s.path("text").asText());
        List<WebElement> markers = answer.findElements(testId("citation-marker"));
        assertThat(markers).extracting(WebElement::getText).containsExactlyElementsOf(markerIds(expected));
        assertThat(answer.findElements(testId("source-card"))).hasSize(expected.path("citations").size());
        assertThat(answer.findElement(testId("answer-generator")).getText()).contains(expected.path("generator").asText());
        browser.screenshot("01-answer");

        JsonNode c1 = expected.path("citations").get(0);
        assertThat(c1.path("id").asInt()).isEqualTo(1);
        String quote = c1.path("quote").asText();
        markers.get(0).click();
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.findElement(testId("source-highlight")).getDomProperty("textContent")).isEqualTo(quote);
        assertThat(panel.getText()).contains(c1.path("title").asText());
        browser.screenshot("02-source-panel");

        assertDocumentViewHighlights(panel, c1);
        browser.screenshot("03-document-view");
    }

    @Test
    void shortAnswerIsBoldInTheAnswerAndInsideTheHighlightedQuote() {
        JsonNode expected = app.ask(GENEVA, List.of());
        JsonNode shortAnswer = expected.path("shortAnswer");
        assertThat(shortAnswer.isObject()).as("the API gives a short answer").isTrue();
        String words = shortAnswer.path("text").asText();
        int citationId = shortAnswer.path("citationId").asInt();

        browser.ask(GENEVA);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        List<WebElement> bold = answer.findElements(testId("answer-short"));
        assertThat(bold).hasSize(1);
        assertThat(bold.get(0).getTagName()).isEqualTo("strong");
        assertThat(bold.get(0).getDomProperty("textContent")).isEqualTo(words);

        JsonNode cited = null;
        for (JsonNode c : expected.path("citations")) if (c.path("id").asInt() == citationId) cited = c;
        assertThat(cited).isNotNull();
        String quote = cited.path("quote").asText();
        answer.findElements(testId("citation-marker")).stream().filter(m -> m.getText().equals(String.valueOf(citationId)))
                .findFirst().orElseThrow().click();
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        WebElement highlight = panel.findElement(testId("source-highlight"));
        assertThat(highlight.getDomProperty("textContent")).isEqualTo(quote);
        WebElement inside = highlight.findElement(testId("highlight-short"));
        assertThat(inside.getTagName()).isEqualTo("strong");
        assertThat(inside.getDomProperty("textContent")).isEqualTo(words);
        Object before = browser.js("const r = document.createRange(); r.setStart(arguments[0], 0); r.setEndBefore(arguments[1]);"
                + " return r.toString().length;", highlight, inside);
        assertThat(((Number) before).intValue()).as("bold words at their offset in the quote")
                .isEqualTo(shortAnswer.path("start").asInt() - cited.path("start").asInt());
        browser.screenshot("15-short-answer-bold");

        panel.findElement(testId("view-in-document")).click();
        WebElement docView = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("document-view")));
        WebElement docHighlight = browser.waitFor().until(d -> docView.findElements(testId("document-highlight")).stream().findFirst().orElse(null));
        assertThat(docHighlight.findElement(testId("highlight-short")).getDomProperty("textContent")).isEqualTo(words);
    }

    @Test
    void emptyPageOffersThreeExampleQuestionsFromTheDocumentsThatGetAnswered() {
        JsonNode examples = app.get("api/examples").path("questions");
        assertThat(examples.size()).isEqualTo(3);
        List<WebElement> offered = browser.waitFor().until(d -> {
            List<WebElement> found = d.findElements(testId("example-question"));
            return found.size() == 3 ? found : null;
        });
        for (int i = 0; i < 3; i++) assertThat(offered.get(i).getText()).isEqualTo(examples.get(i).asText());
        assertThat(String.join(" ", offered.stream().map(WebElement::getText).toList())).contains("Blinken");
        browser.screenshot("16-example-questions");

        offered.get(0).click();
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        assertThat(answer.findElements(testId("abstention"))).isEmpty();
        assertThat(answer.findElements(testId("citation-marker"))).isNotEmpty();
    }

    @Test
    void passageSearchHighlightsWholeWordsOnly() {
        browser.driver.get(app.baseUrl() + "#documents");
        WebElement search = browser.byTestId("search-input");
        // "aid" is inside "said" ("Blingen said Friday"): only the whole words may be marked
        search.sendKeys("Friday aid");
        search.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor().until(d -> !d.findElements(testId("search-hit")).isEmpty());
        String hits = String.join(" ", browser.driver.findElements(testId("search-hit")).stream().map(WebElement::getText).toList());
        assertThat(hits).as("a hit whose text says 'said'").containsIgnoringCase("said");
        @SuppressWarnings("unchecked")
        List<String> marked = (List<String>) browser.js("return Array.from(document.querySelectorAll('[data-testid=search-hit] mark.term'))"
                + ".map(m => (m.previousSibling ? m.previousSibling.textContent.slice(-1) : ' ') + '|' + m.textContent + '|'"
                + " + (m.nextSibling ? m.nextSibling.textContent.charAt(0) : ' '))");
        assertThat(marked).isNotEmpty().allSatisfy(m -> {
            String[] parts = m.split("\\|", -1);
            assertThat(parts[1].toLowerCase(java.util.Locale.ROOT)).isIn("friday", "aid");
            assertThat(parts[0]).doesNotMatch("[\\p{L}\\p{N}]");
            assertThat(parts[2]).doesNotMatch("[\\p{L}\\p{N}]");
        });
        browser.screenshot("17-search-whole-words");
    }

    @Test
    void abstentionSaysTheDocumentsDontSayAndOffersNearestPassages() {
        JsonNode expected = app.ask(NITROGEN, List.of());
        assertThat(expected.path("abstained").asBoolean()).isTrue();

        browser.ask(NITROGEN);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        WebElement abstention = answer.findElement(testId("abstention"));
        // the local answerer's text only repeats "the documents don't say": the page points to the nearest passages
        assertThat(abstention.getText()).contains("The documents don’t say").contains("The closest ones are below");
        assertThat(answer.findElements(testId("citation-marker"))).isEmpty();
        assertThat(answer.findElement(By.cssSelector(".sources-title")).getText()).containsIgnoringCase("nearest passages");
        List<WebElement> nearest = answer.findElements(testId("nearest-passage"));
        assertThat(nearest).isNotEmpty().hasSize(expected.path("citations").size());
        browser.screenshot("04-abstention");

        nearest.get(0).click();
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.findElement(testId("source-highlight")).getDomProperty("textContent"))
                .isEqualTo(expected.path("citations").get(0).path("quote").asText());
        assertThat(panel.getText()).containsIgnoringCase("nearest passage");
        browser.screenshot("05-abstention-nearest-passage");
    }

    @Test
    void followUpQuestionIsAnsweredInContext() {
        JsonNode first = app.ask(GENEVA, List.of());
        // the page sends the earlier turn as history: the question, and the answer text with its markers
        JsonNode expected = app.ask(KIEV, List.of(new String[] {"user", GENEVA}, new String[] {"assistant", first.path("answer").asText()}));
        assertThat(expected.path("answer").asText()).contains("Zhelensky");

        browser.ask(GENEVA);
        browser.waitDone(browser.lastAnswer());
        browser.ask(KIEV);
        WebElement second = browser.lastAnswer();
        browser.waitDone(second);
        assertThat(browser.answers()).hasSize(2);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid='question'] .user-text")))
                .extracting(WebElement::getText).containsExactly(GENEVA, KIEV);

        String text = second.findElement(By.cssSelector(".answer-text")).getDomProperty("textContent");
        assertThat(text).contains("Zhelensky").contains("Kiev");
        for (JsonNode s : expected.path("sentences")) assertThat(text).contains(s.path("text").asText());
        String rewritten = expected.path("rewrittenQuestion").asText();
        assertThat(rewritten).isNotBlank().isNotEqualTo(KIEV);
        assertThat(second.findElement(testId("answer-generator")).getText()).contains(rewritten);

        // The footnote on the Zhelensky sentence opens that quote.
        JsonNode zhelensky = null;
        for (JsonNode c : expected.path("citations")) if (c.path("quote").asText().contains("Zhelensky")) zhelensky = c;
        assertThat(zhelensky).as("a citation quoting the Zhelensky sentence").isNotNull();
        String id = zhelensky.path("id").asText();
        second.findElements(testId("citation-marker")).stream().filter(m -> m.getText().equals(id)).findFirst().orElseThrow().click();
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.findElement(testId("source-highlight")).getDomProperty("textContent")).isEqualTo(zhelensky.path("quote").asText());
        browser.screenshot("06-follow-up");
    }

    @Test
    void hostileDocumentStaysInertText() {
        JsonNode expected = app.ask(HONEY, List.of());
        JsonNode hostile = null;
        for (JsonNode c : expected.path("citations")) {
            if (c.path("docId").asText().equals(RealFootnoteApp.HOSTILE_DOC_ID) && c.path("quote").asText().contains("<script>")) hostile = c;
        }
        assertThat(hostile).as("a citation quoting the hostile markup").isNotNull();

        browser.ask(HONEY);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        browser.assertNoAlert();
        assertThat(answer.getText()).contains(RealFootnoteApp.HOSTILE_MARKUP);
        assertThat(answer.findElements(testId("source-card"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains(RealFootnoteApp.HOSTILE_TITLE));
        assertInert();
        browser.screenshot("07-hostile-answer");

        String id = hostile.path("id").asText();
        answer.findElements(testId("citation-marker")).stream().filter(m -> m.getText().equals(id)).findFirst().orElseThrow().click();
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.findElement(testId("source-highlight")).getDomProperty("textContent")).isEqualTo(hostile.path("quote").asText());
        assertThat(panel.getText()).contains(RealFootnoteApp.HOSTILE_TITLE);
        assertInert();
        browser.screenshot("08-hostile-source");

        WebElement docView = assertDocumentViewHighlights(panel, hostile);
        assertThat(docView.getText()).contains(RealFootnoteApp.HOSTILE_MARKUP).contains(RealFootnoteApp.HOSTILE_TITLE);
        assertInert();
        browser.screenshot("09-hostile-document");

        browser.driver.get(app.baseUrl() + "#documents");
        WebElement item = browser.waitFor().until(d -> d.findElements(testId("document-item")).stream()
                .filter(e -> RealFootnoteApp.HOSTILE_DOC_ID.equals(e.getDomAttribute("data-doc-id"))).findFirst().orElse(null));
        assertThat(item.getText()).contains(RealFootnoteApp.HOSTILE_TITLE);
        assertInert();
        browser.screenshot("10-hostile-in-document-list");
    }

    @Test
    void usableAt375PixelsWide() {
        browser.phone(375, 812);
        assertThat(browser.js("return window.innerWidth")).isEqualTo(375L);
        browser.assertFitsWidth(375);
        assertComposerUsable();
        browser.screenshot("11-mobile-empty");

        browser.ask(GENEVA);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        assertThat(answer.getText()).contains("Lavrov");
        browser.assertFitsWidth(375);
        assertComposerUsable();
        browser.screenshot("12-mobile-answer");

        answer.findElements(testId("citation-marker")).get(0).click();
        WebElement panel = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("source-panel")));
        assertThat(panel.getRect().getWidth()).isLessThanOrEqualTo(375);
        browser.assertFitsWidth(375);
        browser.screenshot("13-mobile-source");
        panel.findElement(testId("view-in-document")).click();
        WebElement hl = browser.waitFor().until(d -> d.findElements(testId("document-highlight")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        browser.waitFor().until(d -> browser.isInViewport(hl));
        browser.assertFitsWidth(375);
        browser.screenshot("14-mobile-document");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Clicks "View in document" in the open source panel and checks the document view: the whole document text as
     * the API serves it, with the highlight being exactly the citation's quote at its [start, end), scrolled into view.
     */
    private WebElement assertDocumentViewHighlights(WebElement panel, JsonNode citation) {
        String quote = citation.path("quote").asText();
        int start = citation.path("start").asInt();
        int end = citation.path("end").asInt();
        JsonNode doc = app.document(citation.path("docId").asText());
        String docText = doc.path("text").asText();
        int body = doc.path("bodyStart").asInt();
        assertThat(docText.substring(start, end)).isEqualTo(quote);

        panel.findElement(testId("view-in-document")).click();
        WebElement docView = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("document-view")));
        WebElement highlight = browser.waitFor().until(d -> docView.findElements(testId("document-highlight")).stream().findFirst().orElse(null));
        assertThat(highlight.getDomProperty("textContent")).isEqualTo(quote);
        // the "date …" header is metadata shown as the date, not as text
        String shown = docView.findElement(By.id("document-text")).getDomProperty("textContent");
        assertThat(shown).isEqualTo(docText.substring(body)).doesNotStartWith("date");
        Object offset = browser.js("const r = document.createRange(); r.setStart(document.getElementById('document-text'), 0);"
                + " r.setEndBefore(arguments[0]); return r.toString().length;", highlight);
        assertThat(((Number) offset).intValue()).as("characters before the highlight").isEqualTo(start - body);
        browser.waitFor().until(d -> browser.isInViewport(highlight));
        return docView;
    }

    /** No script from document text ran or was inserted: no alert, no image, only the page's own scripts. */
    private void assertInert() {
        browser.assertNoAlert();
        assertThat(browser.driver.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[onerror]"))).isEmpty();
        assertThat(browser.js("return Array.from(document.scripts).map(s => s.getAttribute('src'))")).isEqualTo(List.of("feedback.js", "app.js"));
    }

    private void assertComposerUsable() {
        WebElement input = browser.byTestId("question-input");
        WebElement send = browser.byTestId("send");
        assertThat(input.isDisplayed()).isTrue();
        assertThat(send.isDisplayed()).isTrue();
        assertThat(browser.isInViewport(input)).as("question box in view").isTrue();
        assertThat(browser.isInViewport(send)).as("send button in view").isTrue();
    }

    private static List<String> markerIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : answer.path("sentences")) for (JsonNode id : s.path("citations")) ids.add(id.asText());
        return ids;
    }

    /**
     * Records, in order, every status line and partial answer the page inserts into the conversation. The local
     * answerer streams faster than a poll could see, so a MutationObserver keeps the nodes' text as they were added.
     */
    private void recordStreaming() {
        browser.js("window.__seen = []; new MutationObserver(records => { for (const r of records) for (const n of r.addedNodes) {"
                + " if (n.nodeType !== 1) continue;"
                + " if (n.matches('.streaming-text')) window.__seen.push('delta:' + n.textContent);"
                + " else if (n.matches('.status-line')) window.__seen.push('status:' + n.textContent); }"
                + "}).observe(document.getElementById('messages'), { childList: true, subtree: true });");
    }

    @SuppressWarnings("unchecked")
    private List<String> seenWhileStreaming() {
        return (List<String>) browser.js("return window.__seen");
    }
}
