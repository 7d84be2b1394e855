package dev.footnote.web.ui;

import static dev.footnote.web.ui.Chromium.testId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.ServerSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web chat against the real app with {@code FOOTNOTE_API_TOKEN} set, in headless Chromium: the first refused call
 * asks for the token once, the page keeps it for the tab (sessionStorage, not localStorage) and sends it on every call.
 * The page runs under the server's Content-Security-Policy, so nothing inline may be needed.
 */
@org.junit.jupiter.api.extension.ExtendWith(Chromium.Installed.class)
class TokenChatPageIT {
    private static final String TOKEN = "page-api-token";
    private static RealFootnoteApp app;
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(Path.of("target", "screenshots", "token"));
        app = RealFootnoteApp.start(new ServerSettings(null, TOKEN, 20, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.closeBoth(browser, app);
    }

    @AfterEach
    void noAlerts() {
        browser.assertNoAlert();
    }

    @Test
    void should_ask_for_the_api_token_once_keep_it_for_the_tab_and_send_it_on_every_call() {
        // given
        browser.freshPage(app.baseUrl());
        browser.js("sessionStorage.clear();");
        browser.driver.navigate().refresh();

        // when: the first question is refused, the page asks for the token
        browser.ask("How much heather honey does a Varnholm hive produce?");
        WebElement dialog = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("token-dialog")));
        browser.screenshot("token-dialog");
        browser.byTestId("token-input").sendKeys(TOKEN);
        browser.byTestId("token-submit").click();
        WebElement first = browser.lastAnswer();
        browser.waitDone(first);

        // then
        assertThat(dialog.isDisplayed()).isFalse();
        assertThat(first.findElement(By.cssSelector(".answer-text")).getDomProperty("textContent")).containsIgnoringCase("kilogram");
        assertThat(browser.js("return sessionStorage.getItem('footnote.apiToken')")).isEqualTo(TOKEN);
        assertThat((String) browser.js("return JSON.stringify(Object.assign({}, localStorage))")).doesNotContain(TOKEN);

        // and when: another question, and the documents list, after a reload of the tab
        browser.driver.navigate().refresh();
        browser.js("window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        browser.ask("Who did Blinken meet in Geneva?");
        WebElement second = browser.lastAnswer();
        browser.waitDone(second);
        browser.byTestId("nav-documents").click();
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("[data-testid='document-list'] li")).isEmpty());

        // then: no second prompt, and nothing the page did was blocked by the Content-Security-Policy
        assertThat(browser.byTestId("token-dialog").isDisplayed()).isFalse();
        assertThat((java.util.List<?>) browser.js("return window.cspViolations")).isEmpty();
        assertThat(second.getDomAttribute("data-status")).isEqualTo("done");
    }
}
