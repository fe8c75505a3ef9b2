package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The Forecast tab as a person uses it: sunspots train on the page's workers, the held-out MASE is
 * checked and the test part's metrics drawn beside the baselines; the slider forecasts from any step,
 * up to the future; CO2 (with its missing weeks) is a pending change that trains on its own series; a
 * reload brings the model back. A person's own table; Seattle's other columns read beside it.
 */
class ForecastPanelTest extends PageTest {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void sunspotsThenCo2(String build) throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-forecast")).click();
            // trained on past its best held-out check (a short series is soon learnt by heart): a way back is offered
            // (the check Pause makes may be a new best, which hides it: then train on)
            for (int round = 0; round < 5 && !d.findElement(By.id("forecast-best")).isDisplayed(); round++) {
                d.findElement(By.id("forecast-train")).click();
                waiting(d, 180).until(x -> !panelData(x, "forecast", "mase").isEmpty() && step(x, "forecast") >= 300
                        && x.findElement(By.id("forecast-best")).isDisplayed());
                d.findElement(By.id("forecast-train")).click();
                waitUntilSettled(d, "forecast");
            }
            String best = d.findElement(By.id("forecast-best")).getText();
            assertTrue(best.matches("Go back to the best check: step \\d+, held-out MASE \\d\\.\\d{3}"), best);
            int bestStep = Integer.parseInt(best.replaceAll(".*step (\\d+),.*", "$1"));
            d.findElement(By.id("forecast-best")).click();
            waiting(d, 60).until(x -> text(x, "forecast-progress").startsWith("Opened the best held-out check (step " + bestStep + ")"));
            waitUntilSettled(d, "forecast");
            assertEquals(bestStep, step(d, "forecast"), "the model of that check");
            d.findElement(By.id("forecast-step")).click();
            waiting(d, 60).until(x -> step(x, "forecast") == bestStep + 1);
            waitUntilSettled(d, "forecast");
            assertEquals("", text(d, "forecast-message"), "a model opened mid-run is not said to stall after one step");
            String line = text(d, "forecast-progress");
            assertTrue(line.matches("Step \\d+, [\\d,]+ windows seen, held-out MASE \\d+\\.\\d{3} \\(below 1: better than the seasonal naive\\)"),
                    line);
            List<WebElement> rows = d.findElements(By.cssSelector("#forecast-metrics tbody tr"));
            assertEquals(List.of("model", "seasonal naive", "last value", "training mean"), rows.stream().map(r -> r.getAttribute("data-method")).toList());
            assertTrue(rows.get(1).getText().endsWith("1.000"), "the seasonal naive's MASE is 1: " + rows.get(1).getText());
            WebElement chart = d.findElement(By.id("forecast-series"));
            assertEquals("309", chart.getAttribute("data-steps"));
            assertEquals("263", chart.getAttribute("data-from"), "first, from the test part's start");

            // the slider to the end: a forecast of the future
            js(d, "const e = document.getElementById('forecast-origin'); e.value = e.max; e.dispatchEvent(new Event('input'));");
            waiting(d, 30).until(x -> "309".equals(chart.getAttribute("data-from")));
            assertEquals("from the end of the series (the future)", text(d, "forecast-origin-label"));
            BrowserTest.screenshot(d, "forecast-" + build);

            // CO2: a pending change, then a new model on its own series, its missing weeks said
            choose(d, "forecast", "series", "co2");
            assertEquals("104", ((String) js(d, "return document.getElementById('forecast-settings').elements.namedItem('window').value;")),
                    "the window follows the series");
            assertEquals("Train new model", d.findElement(By.id("forecast-train")).getText());
            int models = models(d, "forecast");
            d.findElement(By.id("forecast-step")).click();
            waiting(d, 60).until(x -> models(x, "forecast") > models && step(x, "forecast") == 1);
            waitUntilSettled(d, "forecast");
            waiting(d, 30).until(x -> "2284".equals(chart.getAttribute("data-steps")));
            assertTrue(text(d, "forecast-about").startsWith("weekly CO2 at Mauna Loa, 1958-2001 (ppm): 2,284 steps, 59 values missing"
                    + " (interpolated within their part). Window 104, horizon 52, direct (all H at once), predicting the change from the last"
                    + " value; season 52 (suggested from the training part)."), text(d, "forecast-about"));
            waitUntilKept(d, "forecast");

            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "forecast-progress").startsWith("Restored your lstm model for weekly CO2 at Mauna Loa"),
                    text(d, "forecast-progress") + " / " + text(d, "forecast-message") + " / " + BrowserTest.severe(d));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /** A person's own table, pasted: a bad row named by line and column, then trained on, and back after a reload. */
    @ParameterizedTest
    @ValueSource(strings = {"wasm"})
    void aTableOfOnesOwn(String build) throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-forecast")).click();
            choose(d, "forecast", "series", "own");
            assertTrue(d.findElement(By.id("forecast-table")).isDisplayed(), "the table's box, shown for your own table");
            d.findElement(By.id("forecast-train")).click();
            waiting(d, 10).until(x -> text(x, "forecast-message").startsWith("Paste a table, or open a CSV or TSV file"));
            StringBuilder table = new StringBuilder("day,visits,rain\n");
            for (int t = 0; t < 120; t++) {
                table.append(String.format(java.util.Locale.ROOT, "2024-%02d-%02d,%s,%d\n", 1 + t / 28, 1 + t % 28,
                        t == 7 ? "many" : String.format(java.util.Locale.ROOT, "%.2f", 50 + 10 * Math.sin(2 * Math.PI * t / 7) + 0.05 * t), t % 3));
            }
            js(d, "const e = document.getElementById('forecast-table'); e.value = arguments[0]; e.dispatchEvent(new Event('input'));",
                    table.toString());
            assertEquals("rain", ((String) js(d, "return document.getElementById('forecast-column').value;")), "the last column not a date");
            js(d, "const e = document.getElementById('forecast-column'); e.value = 'visits'; e.dispatchEvent(new Event('change', { bubbles: true }));");
            assertEquals("day", ((String) js(d, "return document.getElementById('forecast-date').value;")), "the date column, found by its name");
            js(d, "const f = document.getElementById('forecast-settings'); f.elements.namedItem('window').value = '14';"
                    + " f.elements.namedItem('horizon').value = '7';");
            d.findElement(By.id("forecast-train")).click();
            waiting(d, 30).until(x -> !text(x, "forecast-message").isEmpty());
            assertTrue(text(d, "forecast-message").contains("Line 9, column visits: 'many' is not a number"), text(d, "forecast-message"));
            js(d, "const e = document.getElementById('forecast-table'); e.value = e.value.replace('many', '55');"
                    + " e.dispatchEvent(new Event('input'));");
            int models = models(d, "forecast");
            d.findElement(By.id("forecast-step")).click();
            waiting(d, 60).until(x -> models(x, "forecast") > models && step(x, "forecast") == 1);
            waitUntilSettled(d, "forecast");
            assertTrue(text(d, "forecast-about").startsWith("pasted table, visits: 120 steps, none missing. Window 14, horizon 7,"),
                    text(d, "forecast-about"));
            waiting(d, 30).until(x -> "120".equals(x.findElement(By.id("forecast-series")).getAttribute("data-steps")));
            assertEquals(4, d.findElements(By.cssSelector("#forecast-metrics tbody tr")).size(), "the metrics table");
            waitUntilKept(d, "forecast");
            BrowserTest.screenshot(d, "forecast-own-" + build);
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "forecast-progress").startsWith("Restored your lstm model for pasted table, visits"),
                    text(d, "forecast-progress") + " / " + text(d, "forecast-message") + " / " + BrowserTest.severe(d));
            assertTrue(((String) js(d, "return document.getElementById('forecast-table').value;")).startsWith("day,visits,rain"),
                    "the table is back in its box");
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /** Seattle's other columns, ticked to be read beside the temperature; kept with the model over a reload. */
    @ParameterizedTest
    @ValueSource(strings = {"wasm"})
    void seattleWithItsOtherColumns(String build) throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-forecast")).click();
            assertTrue(!d.findElement(By.id("forecast-also")).isDisplayed(), "sunspots have no other column");
            choose(d, "forecast", "series", "temperatures");
            List<WebElement> boxes = d.findElements(By.cssSelector("#forecast-also-inputs input"));
            assertEquals(List.of("temp_min", "precipitation", "wind"), boxes.stream().map(b -> b.getAttribute("value")).toList());
            boxes.get(0).click();
            boxes.get(2).click();
            int models = models(d, "forecast");
            d.findElement(By.id("forecast-step")).click();
            waiting(d, 60).until(x -> models(x, "forecast") > models && step(x, "forecast") == 1);
            waitUntilSettled(d, "forecast");
            String about = "daily Seattle highest temperature, 2012-2015 (degrees C): 1,461 steps, none missing, read with temp_min, wind."
                    + " Window 30, horizon 7";
            assertTrue(text(d, "forecast-about").startsWith(about), text(d, "forecast-about"));
            waitUntilKept(d, "forecast");
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "forecast-progress").startsWith("Restored your lstm model for daily Seattle highest temperature"),
                    text(d, "forecast-progress") + " / " + text(d, "forecast-message") + " / " + BrowserTest.severe(d));
            assertTrue(text(d, "forecast-about").startsWith(about), text(d, "forecast-about"));
            assertEquals("temp_min,wind", js(d, "return [...document.querySelectorAll('#forecast-also-inputs input:checked')]"
                    + ".map((c) => c.value).join(',');"), "the boxes of the model brought back");
            // another column read needs a new model
            d.findElement(By.cssSelector("#forecast-also-inputs input[value=precipitation]")).click();
            waiting(d, 10).until(x -> "Train new model".equals(x.findElement(By.id("forecast-train")).getText()));
            BrowserTest.screenshot(d, "forecast-seattle-" + build);
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
