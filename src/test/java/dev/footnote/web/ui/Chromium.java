package dev.footnote.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.footnote.support.Skip;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by chromedriver, with a fresh profile, plus the page helpers the browser tests
 * share. A browser test class carries {@code @ExtendWith(Chromium.Installed.class)}: without Chromium its tests are
 * reported as skipped, with the reason on the console, unless {@code CI} is set; under CI a missing browser fails.
 */
final class Chromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("footnote.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("footnote.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path userDataDir;
    private final Path screenshots;

    private Chromium(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
        this.userDataDir = Files.createTempDirectory("footnote-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir, "--window-size=1280,900", "--lang=en-US");
        // an alert left open must stay visible to assertNoAlert rather than be dismissed by the driver
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /**
     * Disables a browser test class when Chromium or chromedriver is missing and {@code CI} is unset, so that each of
     * its tests is reported as skipped (an assumption in {@code @BeforeAll} would report "Tests run: 0").
     */
    static final class Installed implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (installed() || Skip.underCi()) return ConditionEvaluationResult.enabled("Chromium is installed or CI is set");
            String reason = missing() + " (apt-get install chromium chromium-driver)";
            if (context.getTestMethod().isEmpty()) Skip.print(context.getDisplayName(), reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static String missing() {
        return "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is not installed";
    }

    /** Starts the browser, saving screenshots under {@code screenshots}; fails when Chromium is missing. */
    static Chromium start(Path screenshots) throws IOException {
        if (!installed()) fail(missing() + ": install the Debian packages chromium and chromium-driver");
        return new Chromium(screenshots);
    }

    /**
     * Closes a browser test class's browser and then, even when that fails, the app it drove; either may be null (a
     * start that failed part-way).
     */
    static void closeBoth(Chromium browser, AutoCloseable app) throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            if (app != null) app.close();
        }
    }

    /** A desktop-sized, light-mode page at {@code url} with empty local storage, its question box shown. */
    void freshPage(String url) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        colorScheme("light");
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url);
        js("localStorage.clear();");
        driver.navigate().refresh();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("question-input")));
    }

    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Emulates a phone {@code width} CSS pixels wide and reloads. */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        driver.navigate().refresh();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("question-input")));
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement byTestId(String id) {
        return driver.findElement(testId(id));
    }

    WebDriverWait waitFor() {
        return waitFor(Duration.ofSeconds(10));
    }

    WebDriverWait waitFor(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(25));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Types {@code question} and clicks Send; returns once the new answer's element exists. */
    void ask(String question) {
        WebElement box = waitFor().until(ExpectedConditions.elementToBeClickable(testId("question-input")));
        int before = answers().size();
        box.sendKeys(question);
        byTestId("send").click();
        waitFor().until(d -> answers().size() == before + 1);
    }

    List<WebElement> answers() {
        return driver.findElements(testId("answer"));
    }

    WebElement lastAnswer() {
        List<WebElement> all = answers();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    void waitDone(WebElement answer) {
        waitFor(Duration.ofSeconds(30)).until(d -> "done".equals(answer.getDomAttribute("data-status")));
    }

    boolean isInViewport(WebElement e) {
        return Boolean.TRUE.equals(js("const r = arguments[0].getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;", e));
    }

    /** Nothing scrolls or sticks out sideways at a viewport {@code width} pixels wide. */
    void assertFitsWidth(int width) {
        Object scrollWidth = js("return document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue()).as("page scrollWidth").isLessThanOrEqualTo(width);
        Object overflowing = js("return Array.from(document.querySelectorAll('body *')).filter(e => {"
                + "const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > window.innerWidth + 1"
                + " && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden, [hidden]');"
                + "}).map(e => e.tagName + '.' + e.className).slice(0, 5)");
        assertThat((List<?>) overflowing).as("elements sticking out to the right").isEmpty();
    }

    void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            fail("an alert ran: " + text);
        } catch (NoAlertPresentException expected) {
            // good: nothing executed
        }
    }

    void screenshot(String name) {
        // Let entrance animations finish so screenshots (and layout checks) show the settled page.
        waitFor().until(d -> Boolean.TRUE.equals(js("return document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect.getTiming().iterations === Infinity)")));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> walk = Files.walk(userDataDir)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
