package kz.komek.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (Selenium; nothing downloaded), pointed at a
 * {@link TestApp}. Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} a test using it is skipped,
 * visibly; under {@code CI=true} it must run ({@code .ci/run} installs both).
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestApp app;
    private final WebDriver driver;

    private Browser(TestApp app, WebDriver driver) {
        this.app = app;
        this.driver = driver;
    }

    /** Skips the calling test (outside CI) when Chromium is missing; call before starting anything else. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(
                    installed,
                    "Debian's chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
        }
        assertThat(installed)
                .as("CI=true: /usr/bin/chromium and /usr/bin/chromedriver must be installed")
                .isTrue();
    }

    /**
     * A screen the pages are read on. Phones are emulated by Chromium's device metrics and the phone's own
     * User-Agent, so the server sees what it would see from the device.
     *
     * @param userAgent null for Chromium's own
     */
    public record Device(String name, int width, int height, double pixelRatio, String userAgent) {
        /** The desktop screen the issue measured the first screen on. */
        public static final Device DESKTOP = new Device("desktop", 1280, 900, 1, null);

        public static final Device IPHONE = new Device(
                "iphone",
                390,
                844,
                // the iPhone's is 3; 2 lays out the same CSS pixels and keeps screenshots half the size
                2,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/17.5 Mobile/15E148 Safari/604.1");

        /** The bank app's webview: an iPhone screen whose agent carries the app's token (Config's default). */
        public static final Device APP = new Device(
                "app",
                390,
                844,
                2,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Mobile/15E148 KomekApp/1.0");

        /** Anything narrower is a phone (emulated); the rest is a desktop window of that size. */
        boolean phone() {
            return userAgent != null;
        }
    }

    public static Browser start(TestApp app) {
        return start(app, null);
    }

    /** A browser on {@code device}; null for the wide desktop window the editors' tests use. */
    public static Browser start(TestApp app, Device device) {
        assumeInstalled();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        String size = device == null ? "1600,1200" : device.width() + "," + device.height();
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + size, "--lang=ru");
        if (device != null && device.phone()) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    java.util.Map.of(
                            "deviceMetrics",
                            java.util.Map.of(
                                    "width", device.width(),
                                    "height", device.height(),
                                    "pixelRatio", device.pixelRatio(),
                                    "touch", true,
                                    "mobile", true),
                            "userAgent",
                            device.userAgent()));
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(app, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(app.url(path));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Replaces what a field holds with {@code text}, typed as a person would. */
    public void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    public void click(By by) {
        driver.findElement(by).click();
    }

    /**
     * Clicks what submits a form or follows a link, and waits until the next page has replaced this one: a wait
     * for something the old page also shows would otherwise pass at once and read a page about to go.
     */
    public void clickAndLoad(By by) {
        WebElement old = driver.findElement(By.tagName("html"));
        click(by);
        waitFor(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return "complete".equals(script("return document.readyState"));
            } catch (org.openqa.selenium.WebDriverException e) {
                if (gone(e)) {
                    return "complete".equals(script("return document.readyState"));
                }
                throw e;
            }
        });
    }

    /** Chromium sometimes says a replaced page's node is gone in other words than "stale". */
    private static boolean gone(org.openqa.selenium.WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits until {@code condition} gives something other than null or false; fails showing the page it is on. */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            // a page replaced while the condition reads it (after a click) is read again, not a failure
            return new WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (org.openqa.selenium.WebDriverException e) {
                            // Chromium's other words for a stale node: read again, as for a stale one
                            if (gone(e)) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "waited " + WAIT.toSeconds() + " s at " + driver.getCurrentUrl() + ", which shows:\n"
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /** The viewport's height in CSS pixels: what "the first screen" means on this device. */
    public long viewportHeight() {
        return ((Number) script("return window.innerHeight")).longValue();
    }

    /** True when the page is wider than the viewport, which a reader would have to scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /**
     * Runs axe-core (WCAG 2.0–2.2 A and AA rules) over the open page and gives its serious and critical
     * violations, one line each naming the rule and the first offending nodes; empty when there are none.
     */
    public java.util.List<String> seriousViolations() {
        script(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {runOnly: {type: 'tag',
                                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                            .then(r => done(r.violations
                                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                                    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                            .catch(e => done(['axe failed: ' + e]));
                        """);
        @SuppressWarnings("unchecked")
        var lines = (java.util.List<String>) result;
        return lines;
    }

    private static String axeSource() {
        try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kept under target/screenshots for people to look at (docs/screenshots holds a chosen copy). */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
