package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** Sets a panel's setting as a person would (a box ticked with "true"), and says it changed. */
    static void choose(WebDriver d, String panel, String name, String value) {
        js(d, "const e = document.getElementById(arguments[0] + '-settings').elements.namedItem(arguments[1]);"
                + " if (e.type === 'checkbox') e.checked = arguments[2] === 'true'; else e.value = arguments[2];"
                + " e.dispatchEvent(new Event('change', { bubbles: true }));", panel, name, value);
    }

    /** Puts text into a text box as if pasted. */
    static void paste(WebDriver d, String id, String text) {
        js(d, "const t = document.getElementById(arguments[0]); t.value = arguments[1];"
                + " t.dispatchEvent(new Event('input', { bubbles: true }));", id, text);
    }

    static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** Waits until the page has started its engine and brought back its kept models. */
    static void ready(WebDriver d) {
        waiting(d, 90)
                .until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-restored")));
    }

    /** A panel's state as its section publishes it ({@code data-*} of {@code #panel-NAME}; see panel.js). */
    static String panelData(WebDriver d, String panel, String key) {
        String v = d.findElement(By.id("panel-" + panel)).getAttribute("data-" + key);
        return v == null ? "" : v;
    }

    /** none, ready, training or pausing. */
    static String state(WebDriver d, String panel) {
        return panelData(d, panel, "state");
    }

    /** The step the panel's model is at, as the page knows it. */
    static int step(WebDriver d, String panel) {
        String s = panelData(d, panel, "step");
        return s.isEmpty() ? -1 : Integer.parseInt(s);
    }

    /** The step of the panel's model last kept in this browser (-1: none yet). */
    static int keptStep(WebDriver d, String panel) {
        String s = panelData(d, panel, "kept-step");
        return s.isEmpty() ? -1 : Integer.parseInt(s);
    }

    /** The panel's last validation figure (the word panel: perplexity); NaN before the first. */
    static double valid(WebDriver d, String panel) {
        String s = panelData(d, panel, "valid");
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** Models that came to the panel (new, restored or opened). */
    static int models(WebDriver d, String panel) {
        String s = panelData(d, panel, "models");
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }

    /** Training calls the panel has sent. */
    static int calls(WebDriver d, String panel) {
        String s = panelData(d, panel, "calls");
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }

    /** Waits until the panel has finished at least {@code steps} steps. */
    static void waitForStep(WebDriver d, String panel, int steps) {
        waiting(d, 120).withMessage(() -> panel + " panel: step " + step(d, panel) + ", wanted " + steps)
                .until(x -> step(x, panel) >= steps);
    }

    /**
     * Waits until the panel has done what it was asked (a step, a new model, an opened file, the
     * measures after Pause) and its views show it: not training, and busy with nothing.
     */
    static void waitUntilSettled(WebDriver d, String panel) {
        waiting(d, 120).withMessage(() -> panel + " panel: state " + state(d, panel) + ", busy " + panelData(d, panel, "busy"))
                .until(x -> ("ready".equals(state(x, panel)) || "none".equals(state(x, panel))) && panelData(x, panel, "busy").isEmpty());
    }

    /** Waits until the model the panel is at now is kept in this browser. */
    static void waitUntilKept(WebDriver d, String panel) {
        waiting(d, 60).withMessage(() -> panel + " panel: kept step " + keptStep(d, panel) + ", at " + step(d, panel))
                .until(x -> keptStep(x, panel) == step(x, panel) && !"training".equals(state(x, panel)));
    }

    /**
     * Presses Pause on a training panel; fails unless the training under way stops within
     * {@code seconds} (the call under way lands, and the button says so). Then waits until the panel
     * has measured the model where it stopped and redrawn its views (see {@link #waitUntilSettled}).
     */
    static void pause(WebDriver d, String panel, long seconds) {
        d.findElement(By.id(panel + "-train")).click();
        waiting(d, seconds).withMessage(() -> panel + " panel did not pause within " + seconds + " s: " + state(d, panel))
                .until(x -> "ready".equals(state(x, panel)));
        waitUntilSettled(d, panel);
    }

    /**
     * The step the engine's model is at, asked of the engine itself: a read that the engine answers
     * after every call sent before it, so equal to {@link #step} once nothing trains.
     */
    static int engineStep(WebDriver d, String panel) {
        Object r = ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " tearnnEngine.call({ cmd: arguments[0] + '.status' }).then((r) => done(r.ok ? r.steps : -1));", panel);
        return ((Number) r).intValue();
    }

    /**
     * Asserts that nothing trains in the panel: it is not training, and the engine is at the step the
     * page shows. First waits until the model is kept (keeping finishes a step whose update was under
     * way, and the page then learns it).
     */
    static void assertNothingTrains(WebDriver d, String panel) {
        waitUntilKept(d, panel);
        assertEquals("ready", state(d, panel), panel + " panel's state");
        int calls = calls(d, panel);
        int at = step(d, panel);
        assertEquals(at, engineStep(d, panel), "the engine is at the step the page shows");
        assertEquals(calls, calls(d, panel), "no training call was sent");
        assertEquals(at, step(d, panel));
    }

    /**
     * From now on, notes every task of the page's thread that would freeze the page: over two seconds
     * (see {@link #freezes}). Shorter long tasks are measured by {@code PageLatencyBench}, not asserted:
     * on a busy 2-core machine a task of 100 ms says nothing about the page, and a task's time counts
     * the time the thread waits for a core (under a load beside the tests, tasks of 1.2 s were seen
     * while two workers trained).
     */
    static void watchFreezes(WebDriver d) {
        js(d, "window.__freezes = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 2000)"
                + " __freezes.push(Math.round(e.duration)); }).observe({ type: 'longtask' });");
    }

    /** The durations (ms) of the page thread's tasks over two seconds since {@link #watchFreezes}. */
    @SuppressWarnings("unchecked")
    static List<Object> freezes(WebDriver d) {
        return (List<Object>) js(d, "return window.__freezes;");
    }
}
