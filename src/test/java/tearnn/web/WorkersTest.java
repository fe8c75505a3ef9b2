package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's pool of workers training one model: with 2 workers the progress line says so; a
 * worker killed mid-run is survived (training goes on with the other, with a word, the model kept);
 * Pause and Resume answer; a reload brings the model back; the page's thread is never blocked.
 */
class WorkersTest extends PageTest {

    static String workers(WebDriver d) {
        return d.findElement(By.tagName("body")).getAttribute("data-workers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void twoWorkersTrainOneModelAndTheLossOfOneIsSurvived(String build) {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            WebDriverWait wait = waiting(d, 90);
            ready(d);
            watchFreezes(d);
            js(d, "const s = document.getElementById('workers'); s.value = '2'; s.dispatchEvent(new Event('change'));");
            wait.until(x -> "2".equals(workers(x)));
            assertTrue(text(d, "engine-status").endsWith(", 2 workers."), text(d, "engine-status"));

            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-train")).click();
            wait.until(x -> text(x, "word-progress").endsWith(" on 2 workers"));
            int before = step(d, "word");
            assertTrue(before > 0, text(d, "word-progress"));

            // one worker dies mid-run: training goes on with the other, and says so
            js(d, "tearnnEngine.kill(1);");
            wait.until(x -> "1".equals(workers(x)));
            assertTrue(text(d, "workers-note").startsWith("A worker stopped (") && text(d, "workers-note")
                    .endsWith("training goes on with 1."), text(d, "workers-note"));
            int after = step(d, "word");
            wait.withMessage(() -> "training on after step " + after + ": " + text(d, "word-progress") + " | "
                    + text(d, "workers-note") + " | " + text(d, "word-message") + " | " + BrowserTest.severe(d))
                    .until(x -> step(x, "word") > after + 3 && !text(x, "word-progress").contains("workers"));
            assertEquals("Pause", d.findElement(By.id("word-train")).getText(), "still training");

            // Pause, Resume (back on 2 workers)
            js(d, "const s = document.getElementById('workers'); s.value = '2'; s.dispatchEvent(new Event('change'));");
            wait.until(x -> "2".equals(workers(x)) && text(x, "word-progress").endsWith(" on 2 workers"));
            pause(d, "word", 10);
            assertEquals("Resume", d.findElement(By.id("word-train")).getText());
            assertNothingTrains(d, "word");
            int paused = step(d, "word");
            d.findElement(By.id("word-train")).click();
            wait.until(x -> step(x, "word") > paused + 3);
            pause(d, "word", 10);
            waitUntilKept(d, "word");
            int kept = step(d, "word");
            assertTrue(text(d, "word-saved").endsWith("(step " + kept + ")."), text(d, "word-saved"));

            assertEquals(List.of(), freezes(d), "main-thread tasks over two seconds");
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");

            d.navigate().refresh();
            ready(d);
            assertEquals("2", workers(d), "the Workers setting is kept in this browser");
            assertTrue(text(d, "word-progress").startsWith("Restored your lstm word model from your last visit (step " + kept + ")."),
                    text(d, "word-progress"));
            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-train")).click();
            wait.until(x -> step(x, "word") > kept + 3 && text(x, "word-progress").endsWith(" on 2 workers"));
        } finally {
            d.quit();
        }
    }
}
