package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The views inside a model in training: the gradient flow charts of both panels fill and move as it
 * trains, the prompt's words are shaded by what the top prediction leans on (a tap gives the number),
 * and all of it comes back after a reload.
 */
class InsideViewsTest extends PageTest {

    static int data(WebDriver d, String id, String key) {
        String v = d.findElement(By.id(id)).getAttribute("data-" + key);
        return v == null ? 0 : Integer.parseInt(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void gradientFlowAndConnectivityShowWhileItLearns(String build) {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            WebDriverWait wait = waiting(d, 90);
            ready(d);
            watchFreezes(d);

            // the adder: one line per step of its 8 bits
            d.findElement(By.id("adder-step")).click();
            wait.until(x -> data(x, "adder-flow", "steps") == 8 && data(x, "adder-norm", "points") == 1);
            // trained until it adds every pair: the loss and the gradient's norm of every step (or of each run
            // of steps, where a call finished more than 32: about 30 per call here)
            d.findElement(By.id("adder-train")).click();
            wait.until(x -> "true".equals(x.findElement(By.id("adder-progress")).getAttribute("data-solved")));
            int steps = Integer.parseInt(text(d, "adder-progress").replaceAll("^Step (\\d+),.*", "$1"));
            assertTrue(steps > 20 && steps < 400, text(d, "adder-progress"));
            assertTrue(data(d, "adder-loss", "points") > steps / 4, data(d, "adder-loss", "points") + " points for " + steps + " steps");
            assertEquals(data(d, "adder-loss", "points"), data(d, "adder-norm", "points"), "a loss and a gradient norm per row");

            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-train")).click();
            wait.until(x -> data(x, "word-norm", "points") >= 3);
            int points = data(d, "word-norm", "points");
            assertEquals(20, data(d, "word-flow", "steps"), "a BPTT window of 20");
            wait.until(x -> data(x, "word-norm", "points") > points + 3);
            // a sample written as it learns, newest first, with its step
            wait.until(x -> !x.findElements(By.cssSelector("#word-samples li")).isEmpty());
            assertTrue(d.findElement(By.cssSelector("#word-samples li")).getText().matches("step \\d+the dogs near the cat .+"),
                    d.findElement(By.cssSelector("#word-samples li")).getText());
            pause(d, "word", 10);

            // the prompt's words, shaded; a tap says how much
            List<WebElement> words = d.findElements(By.cssSelector("#word-links .link"));
            assertEquals(List.of("the", "dogs", "near", "the", "cat"), words.stream().map(WebElement::getText).toList());
            words.get(1).click();
            assertTrue(text(d, "word-links-note").matches("\"dogs\": [0-9.e-]+ \\([0-9]+% of the most\\): how much nudging this input"
                    + " moves log p\\(\".+\"\\)\\."), text(d, "word-links-note"));
            js(d, "const p = document.getElementById('word-prompt'); p.value = 'a cat that zebras';"
                    + " p.dispatchEvent(new Event('input'));");
            wait.until(x -> x.findElements(By.cssSelector("#word-links .link")).size() == 4);
            assertEquals("<unk>", d.findElements(By.cssSelector("#word-links .link")).get(3).getText(), "as the model reads it");

            // units and gates: the held-out text colored by a unit, the units to pick from
            wait.until(x -> x.findElements(By.cssSelector("#word-units-text .unit-token")).size() == 120);
            WebElement pick = d.findElements(By.cssSelector("#word-units-lists .unit")).get(0);
            String unit = pick.getText().replaceAll("unit (\\d+) .*", "$1");
            pick.click();
            wait.until(x -> unit.equals(x.findElement(By.cssSelector("#word-units-form [name=unit]")).getAttribute("value"))
                    && !x.findElements(By.cssSelector("#word-units-lists .unit.chosen")).isEmpty());
            js(d, "const f = document.getElementById('word-units-form'); f.elements.show.value = 'f';"
                    + " f.dispatchEvent(new Event('change'));");
            wait.until(x -> x.findElement(By.id("word-units-text")).findElement(By.tagName("span")).getAttribute("title")
                    .matches(".+: 0\\.\\d+"));

            assertEquals(List.of(), freezes(d), "main-thread tasks over two seconds");
            int kept = data(d, "word-norm", "points");
            int samples = d.findElements(By.cssSelector("#word-samples li")).size();
            waitUntilKept(d, "word");
            assertTrue(text(d, "word-saved").startsWith("Kept"), text(d, "word-saved"));

            d.navigate().refresh();
            ready(d);
            assertEquals(kept, data(d, "word-norm", "points"), "the gradient norm history is kept with the model");
            assertEquals(samples, d.findElements(By.cssSelector("#word-samples li")).size(), "so are the samples");
            assertEquals(20, data(d, "word-flow", "steps"));
            assertEquals(8, data(d, "adder-flow", "steps"));
            String prompt = d.findElement(By.id("word-prompt")).getAttribute("value");
            wait.until(x -> x.findElements(By.cssSelector("#word-links .link")).size() == prompt.split(" ").length);
            wait.until(x -> x.findElements(By.cssSelector("#word-units-text .unit-token")).size() == 120);
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
