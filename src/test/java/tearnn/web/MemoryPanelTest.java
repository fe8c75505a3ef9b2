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
            assertTrue(text(d, "memory-progress").matches("Restored your gru model for copy memory \\(T = 5\\), [\\d,]+ parameters, from your last visit"
                    + " \\(step 1\\)\\..*"),
                    text(d, "memory-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /** Whether the control of setting {@code name} in the memory form is shown. */
    private static boolean shown(WebDriver d, String name) {
        return (Boolean) js(d, "return !document.getElementById('memory-settings').elements.namedItem(arguments[0]).closest('label').hidden;",
                name);
    }

    private static void choose(WebDriver d, String name, String value) {
        choose(d, "memory", name, value);
    }

    /**
     * The knobs every panel shares, in the Memory tab: a knob shows only where it applies (chrono's
     * T_max with chrono, peepholes with an LSTM, the decay with step decay, the symbols with copy
     * memory); the model is made with them (an LSTM of 16 with peepholes has 48 more parameters); and
     * a reload fills the form with the model's own (chrono's T_max resolved to the sequence's length).
     */
    @org.junit.jupiter.api.Test
    void theSharedKnobsShowWhereTheyApplyAndMakeTheModel() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=wasm");
            ready(d);
            d.findElement(By.id("tab-memory")).click();
            assertTrue(!shown(d, "chronoMax") && !shown(d, "decay") && !shown(d, "scheduleSteps") && !shown(d, "symbols"));
            assertTrue(shown(d, "peephole"), "the default cell is an LSTM");
            choose(d, "cell", "gru");
            assertTrue(!shown(d, "peephole"), "a GRU has no peepholes");
            choose(d, "cell", "lstm");
            choose(d, "init", "chrono");
            choose(d, "peephole", "true");
            choose(d, "schedule", "step");
            assertTrue(shown(d, "chronoMax") && shown(d, "decay") && shown(d, "scheduleSteps"));
            choose(d, "length", "12");
            choose(d, "hidden", "16");
            d.findElement(By.id("memory-step")).click();
            waiting(d, 60).until(x -> step(x, "memory") == 1);
            waitUntilSettled(d, "memory");
            waitUntilKept(d, "memory");

            d.navigate().refresh();
            ready(d);
            // 4H(2 + H) weights + 8H biases + H + 1 for the head, and 3H peepholes
            assertTrue(text(d, "memory-progress").contains("(T = 12), 1,345 parameters, from your last visit"), text(d, "memory-progress"));
            assertEquals(List.of("chrono", "12", "true", "step"), js(d, "const f = document.getElementById('memory-settings').elements;"
                    + " return [f.init.value, f.chronoMax.value, String(f.peephole.checked), f.schedule.value];"),
                    "the model's own knobs, chrono's T_max the sequence's length");
            assertEquals("Resume", d.findElement(By.id("memory-train")).getText(), "nothing pending: the form is the model");
            assertTrue(!d.findElement(By.id("memory-pending")).isDisplayed(), text(d, "memory-pending"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
