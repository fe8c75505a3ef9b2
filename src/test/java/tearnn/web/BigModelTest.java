package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A big model (hidden 512, 2 layers, batch 64: seconds a step) on the page: its steps are cut into
 * short calls, so Pause stops it at once, a prompt typed while it trains is answered within a
 * second or so, and the page's thread is never blocked.
 */
class BigModelTest extends PageTest {

    @Test
    void aBigModelPausesAtOnceAndAnswersWhileItTrains() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=wasm");
            WebDriverWait wait = waiting(d, 120);
            ready(d);
            watchFreezes(d);
            d.findElement(By.id("tab-word")).click();
            js(d, "const f = document.getElementById('word-settings'); f.elements.hidden.value = '512';"
                    + " f.elements.layers.value = '2'; f.elements.batch.value = '64';");
            d.findElement(By.id("word-train")).click();
            // a step takes many calls: the progress line says how far the one under way has come
            wait.until(x -> text(x, "word-progress").matches("(?s).*[Ss]tep \\d+ under way: \\d+%.*"));
            waitForStep(d, "word", 1);
            // no validation yet: no best possible perplexity either (it read as the loss's)
            String line = text(d, "word-progress");
            if (!line.contains("validation")) {
                assertFalse(line.contains("best possible"), line);
            }

            // a prompt typed while it trains: the bars change within seconds (before: 6.9 s)
            String before = text(d, "word-top");
            long typed = System.nanoTime();
            js(d, "const p = document.getElementById('word-prompt'); p.value = 'a cat sees'; p.dispatchEvent(new Event('input'));");
            waiting(d, 30).until(x -> !text(x, "word-top").equals(before));
            System.out.printf("big model: bars answered %.2f s after typing%n", (System.nanoTime() - typed) / 1e9);

            // Pause: the call under way lands (a fifth of a second; 5 s is a freeze), and no step or
            // part of one after it (before: progress changed 14-15 s later)
            long pressed = System.nanoTime();
            pause(d, "word", 5);
            System.out.printf("big model: paused %.2f s after Pause was pressed%n", (System.nanoTime() - pressed) / 1e9);
            assertEquals("Resume", d.findElement(By.id("word-train")).getText());
            assertNothingTrains(d, "word");
            double part = statusPart(d);
            assertEquals(step(d, "word"), engineStep(d, "word"));
            assertEquals(part, statusPart(d), "no part of a step after Pause");
            assertEquals(List.of(), freezes(d), "main-thread tasks over a second");
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /** How far the engine's step under way has come. */
    static double statusPart(WebDriver d) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript("const done = arguments[0];"
                + " tearnnEngine.call({ cmd: 'word.status' }).then((r) => done(r.stepPart));")).doubleValue();
    }
}
