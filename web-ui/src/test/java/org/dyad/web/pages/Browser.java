package org.dyad.web.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Debian's headless Chromium through its own chromedriver (never Selenium Manager), with a 1280×720 viewport.
 * One is started for the whole test run (see {@link SharedBrowser}); each test signs in afresh.
 */
final class Browser implements ExtensionContext.Store.CloseableResource {

    static final Duration WAIT = Duration.ofSeconds(5);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    private final ChromeDriver driver;
    private String baseUrl;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                // The browser lives in the unit's time zone, as on the ward, so its dates match the server's.
                .withEnvironment(java.util.Map.of("TZ", org.dyad.web.support.TestClockConfig.UNIT_ZONE.getId()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        ChromeDriver driver = new ChromeDriver(service, options);
        // The window size includes the (invisible) browser frame; grow it so the page itself gets 1280×720.
        Number frame = (Number) driver.executeScript("return Math.max(0, window.outerHeight - window.innerHeight);");
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT + frame.intValue()));
        return new Browser(driver);
    }

    /** Points the browser at the application on this port. */
    Browser at(int port) {
        baseUrl = "http://localhost:" + port;
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in through the login form and waits until the app has sent us on to our home page. */
    void signIn(String user) {
        open("/login");
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The element once it is visible. */
    WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains every one of the texts; returns that text. */
    String waitForText(By by, String... texts) {
        return waitFor(d -> d.findElements(by).stream().findFirst()
                .map(WebElement::getText)
                .filter(text -> Arrays.stream(texts).allMatch(text::contains))
                .orElse(null));
    }

    /** Polls the condition until it is truthy; pages re-render, so a stale element just means "look again". */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(WAIT, condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** As {@link #waitFor(Duration, Function)}, looking every {@code poll} (the default is every half second). */
    <T> T waitFor(Duration timeout, Duration poll, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, poll).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Sets a control's value as a user's picker would (for date and time inputs) and fires input and change. */
    void setValue(WebElement control, String value) {
        js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", control, value);
    }

    /** Runs the script at the start of every page from now on; returns an id for {@link #removeScript}. */
    String onEveryPage(String script) {
        return String.valueOf(driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script))
                .get("identifier"));
    }

    void removeScript(String id) {
        driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Saves a PNG of the viewport under target/screenshots (Surefire runs in the module directory). */
    Path screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
