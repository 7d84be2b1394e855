package dev.footnote.web.ui;

import static dev.footnote.web.ui.Chromium.testId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.ingest.Hashing;
import dev.footnote.support.OfficeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * A three-page PDF in seeds/, asked about in headless Chromium through the real app: the source card and the side
 * panel say "p. 3", and "Open original" opens the indexed PDF at page 3.
 */
@ExtendWith(Chromium.Installed.class)
class OpenOriginalPageIT {
    private static final String PDF = "harbour-report.pdf";
    /** The extension id of Chromium's built-in PDF viewer. */
    private static final String PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/";
    private static final String QUESTION = "When will the new Harbour Bridge open to traffic?";
    private static RealFootnoteApp app;
    private static Chromium browser;
    private static byte[] pdf;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(Path.of("target", "screenshots", "open-original"));
        pdf = OfficeFiles.pdf("Harbour district report", OfficeFiles.REPORT_HEADER, OfficeFiles.REPORT);
        app = RealFootnoteApp.over(Map.of(PDF, pdf));
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.closeBoth(browser, app);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets() {
        return (List<Map<String, Object>>) browser.driver.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
    }

    @Test
    void should_show_the_page_and_open_the_original_pdf_at_that_page() {
        // given
        String base = app.baseUrl();
        browser.freshPage(base);

        // when
        browser.ask(QUESTION);
        WebElement answer = browser.lastAnswer();
        browser.waitDone(answer);
        WebElement card = answer.findElements(testId("source-card")).stream()
                .filter(c -> c.getText().contains("14 March 2027")).findFirst().orElseThrow();

        // then: the card and the panel say where the quote is
        assertThat(card.findElement(testId("source-card-location")).getText()).isEqualTo("p. 3, Opening");
        card.click();
        browser.waitFor().until(d -> browser.byTestId("source-location").isDisplayed());
        assertThat(browser.byTestId("source-location").getText()).isEqualTo("p. 3, Opening");
        assertThat(browser.byTestId("source-highlight").getText()).isEqualTo(OfficeFiles.PAGE_3_ANSWER);
        WebElement open = browser.byTestId("open-original");
        String href = open.getDomProperty("href");
        assertThat(href).isEqualTo(base + "api/documents/" + PDF + "/file#page=3");
        browser.screenshot("source-panel-with-page");

        // and: what the link points at is the indexed PDF, byte for byte
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(async r => { const b = await r.arrayBuffer();"
                        + " const h = await crypto.subtle.digest('SHA-256', b);"
                        + " done({status: r.status, type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'),"
                        + " sha256: Array.from(new Uint8Array(h)).map(x => x.toString(16).padStart(2, '0')).join('')}); })"
                        + ".catch(e => done({error: String(e)}));", href);
        assertThat(fetched).containsEntry("status", 200L).containsEntry("type", "application/pdf")
                .containsEntry("sha256", Hashing.sha256(pdf));
        assertThat((String) fetched.get("disposition")).startsWith("inline");

        // and: clicking it opens a new tab on that URL, page fragment included
        String page = browser.driver.getWindowHandle();
        List<String> before = new ArrayList<>(browser.driver.getWindowHandles());
        open.click();
        browser.waitFor().until(d -> d.getWindowHandles().size() > before.size());
        String tab = browser.driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
        browser.driver.switchTo().window(tab);
        browser.waitFor().until(d -> d.getCurrentUrl().startsWith(base));
        String url = browser.driver.getCurrentUrl();
        assertThat(url).isEqualTo(base + "api/documents/" + PDF + "/file#page=3");
        assertThat(browser.js("return document.contentType")).as("shown, not downloaded").isEqualTo("application/pdf");
        // Chromium's PDF viewer runs in a frame of its own extension, out of WebDriver's reach; DevTools sees it, and
        // the tab takes the PDF's own title once the viewer has read the file
        browser.waitFor(Duration.ofSeconds(20)).until(d -> targets().stream().anyMatch(t -> "iframe".equals(t.get("type"))
                && String.valueOf(t.get("url")).startsWith(PDF_VIEWER)));
        browser.waitFor(Duration.ofSeconds(20)).until(d -> targets().stream().anyMatch(t -> "page".equals(t.get("type"))
                && url.equals(t.get("url")) && "Harbour district report".equals(t.get("title"))));
        // the viewer's own frame loads the file with the #page=3 fragment it opens at
        browser.waitFor(Duration.ofSeconds(20)).until(d -> targets().stream().anyMatch(t -> "iframe".equals(t.get("type"))
                && url.equals(t.get("url"))));
        browser.screenshot("original-pdf-page-3");
        browser.driver.close();
        browser.driver.switchTo().window(page);
    }
}
