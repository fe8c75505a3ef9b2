package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keeping models in the browser, when it goes wrong: no storage at all, too little room, the site's
 * data cleared while it trains, and two tabs training at once. Each failure is said beside "Kept in
 * this browser", with Download as the way to keep the model, and tried again later and later.
 */
class KeepingTest extends PageTest {
    static int attempts(WebDriver d, String panel) {
        String a = d.findElement(By.id(panel + "-saved")).getAttribute("data-attempts");
        return a == null ? 0 : Integer.parseInt(a);
    }

    static String origin() {
        return BrowserTest.base.substring(0, BrowserTest.base.length() - 1);
    }

    @Test
    void withNoStorageItSaysSoAndDoesNotRetryInALoop() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?storage=none");
            ready(d);
            WebDriverWait wait = waiting(d, 60);
            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-train")).click();
            wait.until(x -> text(x, "word-saved").startsWith("Not kept in this browser"));
            assertEquals("Not kept in this browser: this browser keeps no data for this page (its storage is off). Download the"
                    + " model to keep it (the page tries again in 300 s).", text(d, "word-saved"));
            assertEquals("message", d.findElement(By.id("word-saved")).getAttribute("class"));
            int first = attempts(d, "word");
            // training goes on for 30 more calls (about 6 s): without a loop of retries meanwhile
            int calls = calls(d, "word");
            waiting(d, 120).until(x -> calls(x, "word") >= calls + 30);
            pause(d, "word", 10);
            // one more at Pause, none in between
            assertTrue(attempts(d, "word") <= first + 1, first + " then " + attempts(d, "word"));
            assertTrue(text(d, "word-progress").startsWith("Step "), text(d, "word-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
            // after a reload, nothing came back, and the page says why (before: only "Not trained yet.")
            d.navigate().refresh();
            ready(d);
            assertEquals("Nothing can be kept in this browser: this browser keeps no data for this page (its storage is off)."
                    + " Download a model to keep it.", text(d, "word-saved"));
        } finally {
            d.quit();
        }
    }

    @Test
    void withLittleRoomItKeepsTheWeightsAloneOrSaysWhy() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            WebDriverWait wait = waiting(d, 60);
            // a GRU adder of 256 units: 1.6 MB of weights, 4.8 MB with Adam's state; room for 4 MB (a save
            // holds the older copy until it commits: two copies of the weights fit, not one with the state)
            ((ChromeDriver) d).executeCdpCommand("Storage.overrideQuotaForOrigin", Map.of("origin", origin(), "quotaSize", 4_000_000));
            d.findElement(By.cssSelector("#adder-settings [name=hidden]")).clear();
            d.findElement(By.cssSelector("#adder-settings [name=hidden]")).sendKeys("256");
            d.findElement(By.id("adder-step")).click();
            // the status may first show the keep of the model as it was made, before step 1
            String weightsAlone = "Kept in this browser at [0-9:]+ \\(step 1\\), without the optimizer's running"
                    + " state, which did not fit: after a reload, training goes on with a fresh optimizer\\.";
            wait.until(x -> text(x, "adder-saved").matches(weightsAlone) || text(x, "adder-saved").startsWith("Not kept"));
            String said = text(d, "adder-saved");
            assertTrue(said.matches(weightsAlone), said);
            // room for nothing: said, and the model is still here to download
            ((ChromeDriver) d).executeCdpCommand("Storage.overrideQuotaForOrigin", Map.of("origin", origin(), "quotaSize", 100_000));
            d.findElement(By.id("adder-step")).click();
            wait.until(x -> text(x, "adder-saved").startsWith("Not kept"));
            assertEquals("Not kept in this browser: the browser has no room left for it. Download the model to keep it (the page"
                    + " tries again in 10 s).", text(d, "adder-saved"));
            // a reload brings back what was kept: the weights of step 1
            ((ChromeDriver) d).executeCdpCommand("Storage.overrideQuotaForOrigin", Map.of("origin", origin()));
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your gru adder from your last visit (1 steps trained)"),
                    text(d, "adder-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    @Test
    void clearedWhileItTrainsItIsKeptAgain() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            WebDriverWait wait = waiting(d, 60);
            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-train")).click();
            wait.until(x -> text(x, "word-saved").startsWith("Kept in this browser"));
            ((ChromeDriver) d).executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(), "storageTypes", "indexeddb"));
            String before = text(d, "word-saved");
            int attempts = attempts(d, "word");
            wait.until(x -> attempts(x, "word") > attempts + 1 && text(x, "word-saved").startsWith("Kept in this browser")
                    && !text(x, "word-saved").equals(before));
            pause(d, "word", 10);
            waitUntilKept(d, "word");
            String step = String.valueOf(step(d, "word"));
            assertTrue(text(d, "word-saved").endsWith("(step " + step + ")."), text(d, "word-saved"));
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "word-progress").startsWith("Restored your lstm word model from your last visit (step " + step + ")."),
                    text(d, "word-progress"));
        } finally {
            d.quit();
        }
    }

    /** Site data cleared while a panel is idle: the page notices and keeps the model again. */
    @Test
    void clearedWhileIdleItIsKeptAgain() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            d.findElement(By.id("adder-step")).click();
            waitForStep(d, "adder", 1);
            waitUntilSettled(d, "adder");
            waitUntilKept(d, "adder");
            int attempts = attempts(d, "adder");
            ((ChromeDriver) d).executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(), "storageTypes", "indexeddb"));
            // before: it went on saying "Kept in this browser ... (step 1)", and a reload found nothing
            waiting(d, 60).until(x -> attempts(x, "adder") > attempts && text(x, "adder-saved").startsWith("Kept in this browser"));
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your gru adder from your last visit (1 steps trained)"),
                    text(d, "adder-progress"));
        } finally {
            d.quit();
        }
    }

    @Test
    void twoTabsKeepTheirOwnModels() {
        WebDriver d = BrowserTest.browser();
        try {
            WebDriverWait wait = waiting(d, 60);
            d.get(BrowserTest.base + "index.html");
            ready(d);
            String a = d.getWindowHandle();
            d.findElement(By.id("adder-step")).click();
            wait.until(x -> text(x, "adder-saved").startsWith("Kept"));

            // tab B: does not take A's adder, says so, and trains its own
            d.switchTo().newWindow(WindowType.TAB);
            String b = d.getWindowHandle();
            d.get(BrowserTest.base + "index.html");
            ready(d);
            assertEquals("Another open tab of this page has your last adder; this tab keeps its own.", text(d, "adder-saved"));
            assertEquals("Not trained yet.", text(d, "adder-progress"));
            new Select(d.findElement(By.cssSelector("#adder-settings [name=cell]"))).selectByValue("rnn_tanh");
            d.findElement(By.id("adder-step")).click();
            d.findElement(By.id("adder-step")).click();
            wait.until(x -> text(x, "adder-saved").startsWith("Kept") && text(x, "adder-saved").contains("(step 2)"));

            // each tab, reloaded, has its own
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your rnn_tanh adder"), text(d, "adder-progress"));
            d.switchTo().window(a);
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your gru adder"), text(d, "adder-progress"));

            // a third tab, with B closed: it takes up B's adder (the newest that no open tab holds)
            d.switchTo().window(b);
            d.close();
            d.switchTo().window(a);
            d.switchTo().newWindow(WindowType.TAB);
            d.get(BrowserTest.base + "index.html");
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your rnn_tanh adder"), text(d, "adder-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }
}
