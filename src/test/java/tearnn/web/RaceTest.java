package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The race: RNN, LSTM and GRU on the 16-bit adder, each in a worker of its own, to every pair right;
 * a winner is named, the charts hold all three, and a racer opens in the adder's panel. A memory task
 * races too, with a chrono LSTM and the IRNN among the contenders.
 */
class RaceTest extends PageTest {

    @Test
    void threeCellsRaceToTheFinishAndOneOpensInItsPanel() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            WebDriverWait wait = waiting(d, 120);
            ready(d);
            d.findElement(By.id("tab-race")).click();
            js(d, "document.querySelector('#race-settings [name=bits]').value = '16';");
            d.findElement(By.id("race-start")).click();
            wait.until(x -> {
                List<WebElement> rows = x.findElements(By.cssSelector(".racer"));
                return rows.size() == 3 && rows.stream().allMatch(r -> r.getText().contains("Finished in"));
            });
            String result = BrowserTest.text(d, "race-result");
            assertTrue(result.matches("(RNN|LSTM|GRU) crossed the line first\\. Finished: .+ examples \\([0-9.]+ s\\), .+, .+\\."), result);
            assertEquals("3", d.findElement(By.id("race-loss")).getAttribute("data-racers"));
            String lstm = BrowserTest.text(d, "race-racers");
            assertTrue(lstm.contains("LSTM step"), lstm);

            d.findElements(By.cssSelector(".racer")).get(1).findElements(By.tagName("button")).get(1).click();
            wait.until(x -> "true".equals(x.findElement(By.id("tab-adder")).getAttribute("aria-selected"))
                    && "lstm".equals(x.findElement(By.cssSelector("#adder-settings [name=cell]")).getAttribute("value")));
            assertEquals("16", d.findElement(By.cssSelector("#adder-settings [name=bits]")).getAttribute("value"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /** Starting the race again mid-race, or after Stop all, stops the old racers without an error. */
    @org.junit.jupiter.api.Test
    void aRaceStartedAgainStopsTheOldRacersQuietly() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            d.findElement(By.id("tab-race")).click();
            js(d, "document.querySelector('#race-settings [name=bits]').value = '28';");
            d.findElement(By.id("race-start")).click();
            waiting(d, 60).until(x -> x.findElements(By.cssSelector(".racer")).size() == 3
                    && x.findElement(By.id("race-racers")).getText().contains("step "));
            d.findElement(By.id("race-start")).click();
            waiting(d, 60).until(x -> x.findElements(By.cssSelector(".racer")).size() == 3
                    && x.findElement(By.id("race-racers")).getText().contains("step "));
            d.findElement(By.id("race-stop")).click();
            waiting(d, 60).until(x -> x.findElement(By.id("race-racers")).getText().contains("Stopped"));
            d.findElement(By.id("race-start")).click();
            waiting(d, 60).until(x -> x.findElements(By.cssSelector(".racer")).size() == 3
                    && x.findElement(By.id("race-racers")).getText().contains("step "));
            d.findElement(By.id("race-stop")).click();
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /**
     * The adding problem at T = 10: an LSTM, a GRU and a chrono LSTM to "solved" (held-out mse below
     * 0.01), the loss chart with the line of a model that remembers nothing; the IRNN is offered, off;
     * the chrono LSTM opens in the Memory tab with its own knobs.
     */
    @Test
    void gatedCellsRaceToSolveAMemoryTask() throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            d.findElement(By.id("tab-race")).click();
            js(d, "const f = document.getElementById('race-settings'); f.elements.task.value = 'memory';"
                    + " f.elements.task.dispatchEvent(new Event('change'));");
            assertTrue((Boolean) js(d, "const f = document.getElementById('race-settings');"
                    + " return f.elements.namedItem('bits').closest('label').hidden && !f.elements.namedItem('memory-length').closest('label').hidden"
                    + " && f.elements.namedItem('memory-length').value === '50' && !f.elements.namedItem('irnn').checked"), "the memory task's own fields");
            js(d, "const f = document.getElementById('race-settings'); f.elements.namedItem('memory-length').value = '10';"
                    + " f.elements.hidden.value = '16'; f.elements.rnn_tanh.checked = false; f.elements.lstm_chrono.checked = true;");
            d.findElement(By.id("race-start")).click();
            waiting(d, 180).until(x -> {
                List<WebElement> rows = x.findElements(By.cssSelector(".racer"));
                return rows.size() == 3 && rows.stream().allMatch(r -> r.getText().contains("Finished in"));
            });
            String result = BrowserTest.text(d, "race-result");
            assertTrue(result.matches("(LSTM|GRU|LSTM \\(chrono init\\)) crossed the line first\\. Finished: .+ sequences \\([0-9.]+ s\\), .+, .+\\."),
                    result);
            String racers = BrowserTest.text(d, "race-racers");
            assertTrue(racers.matches("(?s).*LSTM \\(chrono init\\) step \\d+, [\\d,]+ sequences, loss [\\d.]+, held-out mse 0\\.00\\d\\d\\. Finished.*"),
                    racers);
            BrowserTest.screenshot(d, "race-memory");

            d.findElements(By.cssSelector(".racer")).get(2).findElements(By.tagName("button")).get(1).click();
            waiting(d, 60).until(x -> "true".equals(x.findElement(By.id("tab-memory")).getAttribute("aria-selected"))
                    && "chrono".equals(x.findElement(By.cssSelector("#memory-settings [name=init]")).getAttribute("value")));
            assertEquals("10", d.findElement(By.cssSelector("#memory-settings [name=chronoMax]")).getAttribute("value"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
