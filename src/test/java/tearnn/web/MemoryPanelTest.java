package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Memory tab as a person uses it: a short adding problem trains until it is solved (held-out mse
 * below 0.01) and stops, with the held-out curve, the gradient flow and one held-out sequence drawn;
 * another task is a pending change, trains, and draws its symbols; a reload brings the model back.
 */
class MemoryPanelTest extends PageTest {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aShortAddingProblemIsSolvedThenCopyMemoryTrains(String build) {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-memory")).click();
            js(d, "const f = document.getElementById('memory-settings'); f.elements.task.value = 'adding'; f.elements.namedItem('length').value = '10';"
                    + " f.elements.cell.value = 'gru'; f.elements.hidden.value = '16'; f.elements.lr.value = '0.01';");
            d.findElement(By.id("memory-train")).click();
            waiting(d, 180).until(x -> "true".equals(x.findElement(By.id("memory-progress")).getAttribute("data-solved")));
            waitUntilSettled(d, "memory");
            String line = text(d, "memory-progress");
            assertTrue(line.matches("Step \\d+, [\\d,]+ sequences, held-out mse 0\\.00\\d\\d \\(loss 0\\.\\d+; a model that remembers nothing:"
                    + " 0\\.1667\\)\\. Solved after [\\d,]+ sequences \\([\\d.]+ s of training\\)\\."), line);
            assertEquals("Train more", d.findElement(By.id("memory-train")).getText());
            assertTrue(Double.parseDouble(panelData(d, "memory", "measure")) < 0.01);
            assertTrue(text(d, "memory-example").matches("(?s)Marked: 0\\.\\d{3} \\(step \\d+\\) and 0\\.\\d{3} \\(step \\d+\\); their sum"
                    + " \\d\\.\\d{3}\\. The model says -?\\d\\.\\d{3} \\(off by 0\\.\\d{3}\\)\\."), text(d, "memory-example"));
            // the gradient flow over all 10 steps of the window
            assertTrue(!d.findElement(By.cssSelector("#memory-flow-view canvas")).getAttribute("data-y-ticks").isEmpty());

            // copy memory: a pending change, then a new model that draws its symbols
            js(d, "const f = document.getElementById('memory-settings'); f.elements.task.value = 'copy'; f.elements.namedItem('length').value = '5';"
                    + " f.elements.symbols.value = '3'; f.elements.task.dispatchEvent(new Event('change', { bubbles: true }));");
            assertEquals("Train new model", d.findElement(By.id("memory-train")).getText());
            int models = models(d, "memory");
            d.findElement(By.id("memory-step")).click();
            waiting(d, 60).until(x -> models(x, "memory") > models && step(x, "memory") == 1);
            waitUntilSettled(d, "memory");
            assertTrue(text(d, "memory-example").matches("(?s)input [1-8] [1-8] [1-8] _ _ _ _ : _ _ _ \\s*target _ ×8 [1-8] [1-8] [1-8] \\s*model .*"
                    + "\\d of the 3 copied symbols right.*"), text(d, "memory-example"));
            waitUntilKept(d, "memory");

            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "memory-progress").startsWith("Restored your gru model for copy memory (T = 5) from your last visit (step 1)"),
                    text(d, "memory-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
