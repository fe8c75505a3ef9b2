package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tearnn.cli.Serve;

/**
 * The page in real headless Chromium (Debian's chromium and chromium-driver), for the WebAssembly
 * and the JavaScript build: it loads without console errors, the adder trains to 100%, the word
 * model lowers its validation perplexity and shows predictions, pause works. Screenshots go to
 * target/screenshots. Skipped where Chromium is not installed, except under CI, where it must be.
 */
public class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static HttpServer server;
    static String base;

    @BeforeAll
    public static void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI must install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed: browser tests skipped");
        server = Serve.start(Path.of("target", "site"), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    public static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Where the browsers started by these tests save downloads. */
    static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();

    /** Selenium warns on every start that it has no DevTools bindings for this Chromium; we use none. */
    private static final java.util.logging.Logger SELENIUM_LOG = quiet("org.openqa.selenium");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(Level.SEVERE);
        return log;
    }

    public static WebDriver browser() {
        ChromeOptions o = new ChromeOptions();
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        o.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,2200", "--user-data-dir=" + tempDir());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, o);
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("tearnn-chromium").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void screenshot(WebDriver d, String name) throws IOException {
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(f.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static List<String> severe(WebDriver d) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /**
     * A wait that polls again when an element it read was re-rendered meanwhile (the page redraws
     * views while it trains), as it does when an element is not there yet.
     */
    static WebDriverWait waiting(WebDriver d, long seconds) {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The element's text content (also when its panel is hidden). */
    static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getAttribute("textContent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void adderAndWordModelTrainInTheBrowser(String build) throws IOException {
        WebDriver d = browser();
        try {
            d.get(base + "index.html?build=" + build);
            WebDriverWait wait = waiting(d, 60);
            wait.until(x -> text(x, "engine-status").startsWith("Engine ready"));
            assertTrue(text(d, "engine-status").contains(build.equals("wasm") ? "WebAssembly in a worker" : "JavaScript in a worker"),
                    text(d, "engine-status"));

            // the adder: Train, then it reaches 100% over all pairs
            d.findElement(By.id("adder-train")).click();
            waiting(d, 120).until(x ->
                    "true".equals(x.findElement(By.id("adder-progress")).getAttribute("data-solved")));
            assertTrue(text(d, "adder-progress").contains("over all 16,384 pairs 100.00%"), text(d, "adder-progress"));
            System.out.println(build + " adder: " + text(d, "adder-progress").replace('\n', ' '));
            assertTrue(text(d, "adder-result").startsWith("57 + 89 = 146"), text(d, "adder-result"));
            screenshot(d, "adder-" + build);

            // the word model: Train for a while, perplexity falls, the prompt shows predictions
            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-train")).click();
            // the page says the perplexity; the test reads it from the panel's state
            wait.until(x -> text(x, "word-progress").contains("validation perplexity"));
            double first = PageTest.valid(d, "word");
            waiting(d, 120).until(x -> PageTest.valid(x, "word") < 8);
            PageTest.pause(d, "word", 10);
            assertEquals("Resume", d.findElement(By.id("word-train")).getText());
            PageTest.waitUntilKept(d, "word");
            assertTrue(text(d, "word-saved").endsWith("(step " + PageTest.step(d, "word") + ")."), text(d, "word-saved"));
            PageTest.assertNothingTrains(d, "word");
            // the last validation (Pause measures again) is still below 8, far from the untrained model's (about 40)
            // and from the first one's (a busy machine may validate first when the model is nearly there)
            assertTrue(PageTest.valid(d, "word") < 8, first + " -> " + PageTest.valid(d, "word"));
            wait.until(x -> !x.findElements(By.cssSelector("#word-top .bar")).isEmpty());
            d.findElement(By.id("word-generate")).click();
            wait.until(x -> text(x, "word-output").length() > 30);
            screenshot(d, "word-" + build);
            assertEquals(List.of(), severe(d), "console errors");

            // a reload resumes where the person left off: both models, with the same predictions
            String predictions = text(d, "word-top");
            String sum = text(d, "adder-result");
            d.navigate().refresh();
            wait.until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-restored")));
            assertTrue(text(d, "adder-progress").startsWith("Restored your gru adder"), text(d, "adder-progress"));
            assertEquals(sum, text(d, "adder-result"));
            d.findElement(By.id("tab-word")).click();
            assertTrue(text(d, "word-progress").startsWith("Restored your lstm word model from your last visit (step "),
                    text(d, "word-progress"));
            wait.until(x -> text(x, "word-top").equals(predictions));
            assertEquals("Resume", text(d, "word-train"));

            // download the model, start a different one, open the download: the same predictions again
            Path file = DOWNLOADS.resolve("tearnn-word-model.json");
            Files.deleteIfExists(file);
            d.findElement(By.id("word-save")).click();
            waitForDownload(file);
            startAnotherThenOpen(d, wait, file, predictions);
            assertEquals(List.of(), severe(d), "console errors after reload");
        } finally {
            d.quit();
        }
    }

    @org.junit.jupiter.api.Test
    void openedFromDiskTrainsOnThePageItself() throws IOException {
        WebDriver d = browser();
        try {
            d.get(Path.of("target", "site", "index.html").toAbsolutePath().toUri().toString());
            WebDriverWait wait = waiting(d, 60);
            wait.until(x -> text(x, "engine-status").startsWith("Engine ready"));
            assertEquals("Engine ready: JavaScript on the page (opened from disk: no worker; training runs in short slices).",
                    text(d, "engine-status"));
            d.findElement(By.id("adder-train")).click();
            waiting(d, 120).until(x ->
                    "true".equals(x.findElement(By.id("adder-progress")).getAttribute("data-solved")));
            screenshot(d, "adder-file");
            // the classify panel's data files cannot be read from disk: it says so, and makes no model
            d.findElement(By.id("tab-classify")).click();
            d.findElement(By.id("classify-train")).click();
            wait.until(x -> text(x, "classify-message").startsWith("Could not read the data: a page opened from disk cannot read"));
            assertEquals("none", PageTest.state(d, "classify"));
            assertEquals(List.of(), severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /**
     * Starts a different word model (seed 7), whose predictions differ, then opens the model file
     * {@code file}: the word panel predicts {@code predictions} again.
     */
    static void startAnotherThenOpen(WebDriver d, WebDriverWait wait, Path file, String predictions) {
        d.findElement(By.cssSelector("#word-settings [name=seed]")).clear();
        d.findElement(By.cssSelector("#word-settings [name=seed]")).sendKeys("7");
        int models = PageTest.models(d, "word");
        d.findElement(By.id("word-reset")).click();
        wait.until(x -> PageTest.models(x, "word") > models);
        PageTest.waitUntilSettled(d, "word");
        assertTrue(!text(d, "word-top").equals(predictions) && !text(d, "word-top").isEmpty(), text(d, "word-top"));
        d.findElement(By.id("word-open")).sendKeys(file.toString());
        wait.until(x -> PageTest.models(x, "word") > models + 1);
        PageTest.waitUntilSettled(d, "word");
        assertEquals(predictions, text(d, "word-top"));
    }

    /**
     * Waits until the browser has finished downloading {@code file}: Chromium writes a download under
     * another name and gives it its own once complete, so a model file there reads whole.
     */
    static void waitForDownload(Path file) {
        new org.openqa.selenium.support.ui.FluentWait<>(file).withTimeout(Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(100)).withMessage("no complete model file " + file + " within 60 s")
                .until(f -> {
                    try {
                        byte[] bytes = Files.readAllBytes(f);
                        if (f.toString().endsWith(".safetensors")) {
                            tearnn.file.SafeTensors.read(bytes);
                        } else {
                            tearnn.file.ModelFile.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                        }
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
    }
}
