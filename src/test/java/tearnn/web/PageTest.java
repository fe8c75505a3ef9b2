package tearnn.web;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the tests of the page in headless Chromium share: the site served for the class (see
 * {@link BrowserTest#start}), and a few ways of reading and driving a page.
 */
abstract class PageTest {
    @BeforeAll
    static void serve() throws IOException {
        BrowserTest.start();
    }

    @AfterAll
    static void stopServing() {
        BrowserTest.stop();
    }

    static String text(WebDriver d, String id) {
        return BrowserTest.text(d, id);
    }

    static WebDriverWait waiting(WebDriver d, long seconds) {
        return BrowserTest.waiting(d, seconds);
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    /** Waits until the page has started its engine and brought back its kept models. */
    static void ready(WebDriver d) {
        waiting(d, 90)
                .until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-restored")));
    }

    /** From now on, notes every task of the page's thread over 50 ms (see {@link #longTasks}). */
    static void watchLongTasks(WebDriver d) {
        js(d, "window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) __long.push(e.duration); })"
                + ".observe({ type: 'longtask' });");
    }

    /** The durations of the page thread's tasks over 50 ms since {@link #watchLongTasks}. */
    @SuppressWarnings("unchecked")
    static List<Object> longTasks(WebDriver d) {
        return (List<Object>) js(d, "return window.__long;");
    }
}
