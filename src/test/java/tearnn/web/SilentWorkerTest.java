package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A worker that ends itself without a word (as one that crashed or ran out of memory may) in the
 * middle of shared training: it is dropped within seconds, training goes on on the other with a word,
 * Pause answers, and what is kept is the model the page shows, so a reload brings it back.
 */
class SilentWorkerTest extends PageTest {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aWorkerThatEndsWithoutAWordIsDroppedAndNothingIsLost(String build) {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            js(d, "const s = document.getElementById('workers'); s.value = '2'; s.dispatchEvent(new Event('change'));");
            waiting(d, 60).until(x -> "2".equals(x.findElement(By.tagName("body")).getAttribute("data-workers")));
            d.findElement(By.id("tab-word")).click();
            js(d, "document.getElementById('word-settings').elements.batch.value = '32';");
            d.findElement(By.id("word-train")).click();
            waiting(d, 60).until(x -> text(x, "word-progress").endsWith(" on 2 workers"));
            int before = step(d, "word");

            js(d, "tearnnEngine.silence(1);");
            long silenced = System.nanoTime();
            waiting(d, 30).withMessage(() -> "the silent worker was not dropped: " + text(d, "workers-note") + " | "
                    + text(d, "word-progress")).until(x -> "1".equals(x.findElement(By.tagName("body")).getAttribute("data-workers")));
            System.out.printf("silent worker: dropped %.1f s after it ended%n", (System.nanoTime() - silenced) / 1e9);
            assertTrue(text(d, "workers-note").startsWith("A worker stopped (it stopped answering)"), text(d, "workers-note"));
            int after = step(d, "word");
            waitForStep(d, "word", Math.max(before, after) + 3);
            pause(d, "word", 10);
            assertNothingTrains(d, "word");
            waitUntilKept(d, "word");
            int kept = step(d, "word");
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");

            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "word-progress").startsWith("Restored your lstm word model from your last visit (step " + kept + ")."),
                    text(d, "word-progress"));
        } finally {
            d.quit();
        }
    }
}
