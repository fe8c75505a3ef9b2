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
 * The Classify tab as a person uses it: the digits, read row by row, train on the page's workers past
 * 90% held-out accuracy, with the majority baseline and the confusion matrix drawn; the weather is a
 * pending change that trains on its own data; a reload brings the model back. A table of one's own.
 */
class ClassifyPanelTest extends PageTest {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theDigitsRowByRowThenTheWeather(String build) throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-classify")).click();
            d.findElement(By.id("classify-train")).click();
            waiting(d, 180).until(x -> !panelData(x, "classify", "accuracy").isEmpty()
                    && Double.parseDouble(panelData(x, "classify", "accuracy")) > 0.9);
            d.findElement(By.id("classify-train")).click();
            waitUntilSettled(d, "classify");
            String line = text(d, "classify-progress");
            assertTrue(line.matches("Step \\d+, [\\d,]+ examples, held-out accuracy \\d+\\.\\d% \\(always the most frequent class: 10\\.\\d%\\)"),
                    line);
            String matrix = text(d, "classify-confusion");
            assertTrue(matrix.startsWith("true \\ said0123456789recall") && matrix.contains("precision"), matrix);
            assertEquals("0,1,2,3,4,5,6,7,8,9", d.findElement(By.id("classify-confusion")).getAttribute("data-classes"));
            assertEquals("359", d.findElement(By.id("classify-confusion")).getAttribute("data-total"), "every held-out digit");
            assertTrue(!d.findElement(By.id("classify-attention-part")).isDisplayed(), "no attention, no attention view");
            BrowserTest.screenshot(d, "classify-" + build);

            // the weather: a pending change, then a new model on its own data
            choose(d, "classify", "data", "weather");
            assertEquals("Train new model", d.findElement(By.id("classify-train")).getText());
            int models = models(d, "classify");
            d.findElement(By.id("classify-step")).click();
            waiting(d, 60).until(x -> models(x, "classify") > models && step(x, "classify") == 1);
            waitUntilSettled(d, "classify");
            waiting(d, 30).until(x -> "rain,sun,fog,drizzle,snow".equals(x.findElement(By.id("classify-confusion")).getAttribute("data-classes"))
                    || x.findElement(By.id("classify-confusion")).getAttribute("data-classes").split(",").length == 5);
            waitUntilKept(d, "classify");

            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "classify-progress").startsWith("Restored your gru model for Seattle weather, 3 days a sequence (5 classes;"),
                    text(d, "classify-progress") + " / " + text(d, "classify-message") + " / " + text(d, "classify-saved") + " / "
                    + BrowserTest.severe(d));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /**
     * Attention pooling chosen: the digits learnt, where the attention looks drawn by class and row, and
     * one held-out digit explained (its pull and weight by row, and when it knew).
     */
    @ParameterizedTest
    @ValueSource(strings = {"wasm"})
    void theDigitsWithAttentionPooling(String build) throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-classify")).click();
            choose(d, "classify", "attention", "dot");
            d.findElement(By.id("classify-train")).click();
            waiting(d, 180).until(x -> !panelData(x, "classify", "accuracy").isEmpty()
                    && Double.parseDouble(panelData(x, "classify", "accuracy")) > 0.9);
            d.findElement(By.id("classify-train")).click();
            waitUntilSettled(d, "classify");
            assertTrue(d.findElement(By.id("classify-attention-part")).isDisplayed(), "the attention view");
            assertEquals("8", d.findElement(By.id("classify-attention")).getAttribute("data-steps"), "a digit's 8 rows");
            // the examples it gets wrong, each drawn with its weights
            WebElement wrong = d.findElement(By.id("classify-mistakes"));
            int count = Integer.parseInt(wrong.getAttribute("data-count"));
            assertEquals(Math.min(12, count), d.findElements(By.cssSelector("#classify-mistakes figure.mistake")).size());
            if (count > 0) {
                String caption = d.findElement(By.cssSelector("#classify-mistakes figure.mistake figcaption")).getText();
                assertTrue(caption.matches("is \\d; said \\d \\(\\d+%\\), \\d \\([\\d.]+%\\), \\d \\([\\d.]+%\\)"), caption);
                assertEquals(2, d.findElements(By.cssSelector("#classify-mistakes figure.mistake:first-child canvas")).size(),
                        "the digit and its weights by row");
            }
            js(d, "document.getElementById('classify-attention').scrollIntoView();");
            BrowserTest.screenshot(d, "classify-attention-" + build);
            // a cell of the confusion matrix opens its examples
            String zeros = d.findElement(By.cssSelector("#classify-confusion td[data-cell='0,0']")).getText();
            d.findElement(By.cssSelector("#classify-confusion td[data-cell='0,0']")).click();
            waiting(d, 30).until(x -> "0,0".equals(x.findElement(By.id("classify-cell")).getAttribute("data-cell")));
            assertTrue(text(d, "classify-cell").startsWith("Held-out 0 named right: " + zeros), text(d, "classify-cell"));
            assertEquals(Math.min(12, Integer.parseInt(zeros)), d.findElements(By.cssSelector("#classify-cell figure.mistake")).size());
            // why and when, for held-out example 5: the digit, its pull by row, its weights by row, p after each row
            js(d, "const e = document.getElementById('classify-example'); e.value = '5'; e.dispatchEvent(new Event('change'));");
            waiting(d, 30).until(x -> text(x, "classify-why").startsWith("Row "));
            WebElement why = d.findElement(By.id("classify-why"));
            assertEquals("8", why.getAttribute("data-steps"));
            assertTrue(text(d, "classify-why").matches("(?s)Row \\d+ of the data: a \\d; the model says \\d \\((right|wrong)\\), [\\d.]+% sure\\..*"),
                    text(d, "classify-why"));
            assertEquals(4, d.findElements(By.cssSelector("#classify-why canvas")).size(), "digit, pull, weights, and when");
            // a digit drawn on the pad, a stroke down its middle: explained as the model's own
            WebElement pad = d.findElement(By.cssSelector("#classify-pad canvas"));
            js(d, "arguments[0].scrollIntoView();", pad);
            new org.openqa.selenium.interactions.Actions(d).moveToElement(pad, 0, -65).clickAndHold().moveByOffset(0, 40)
                    .moveByOffset(0, 40).moveByOffset(0, 40).release().perform();
            waiting(d, 30).until(x -> text(x, "classify-why").startsWith("Yours: the model says "));
            assertTrue(Double.parseDouble(pad.getAttribute("data-ink")) > 0, "the stroke inked the pad");
            assertTrue(text(d, "classify-why").contains("All classes: "), text(d, "classify-why"));
            js(d, "document.getElementById('classify-why').scrollIntoView();");
            BrowserTest.screenshot(d, "classify-why-" + build);
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    /**
     * A person's own table of texts pasted: its columns guessed from the header (the label, a text read
     * as words), trained past 90%, a text typed and classified word by word, a cell's examples shown as
     * written, and the table and its columns brought back by a reload.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void anOwnTableOfTexts(String build) throws java.io.IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-classify")).click();
            choose(d, "classify", "data", "own");
            assertTrue(d.findElement(By.id("classify-table")).isDisplayed(), "the box of one's own table");
            d.findElement(By.id("classify-train")).click();
            waiting(d, 10).until(x -> text(x, "classify-message").startsWith("Paste a table"));
            paste(d, "classify-table", "a,b,kind\n1,2,x\n2,1,y\n");
            assertEquals("kind", d.findElement(By.id("classify-label")).getAttribute("value"), "the last column");
            assertEquals(2, d.findElements(By.cssSelector("#classify-columns input:checked")).size(), "every number column");
            js(d, "for (const b of document.querySelectorAll('#classify-columns input')) b.checked = false;");
            d.findElement(By.id("classify-train")).click();
            waiting(d, 10).until(x -> text(x, "classify-message").startsWith("Tick one number column at least"));
            paste(d, "classify-table", tearnn.testing.MadeUpReviews.of(500, 5));
            assertEquals("label", d.findElement(By.id("classify-label")).getAttribute("value"));
            assertEquals("text", d.findElement(By.id("classify-input")).getAttribute("value"), "a column named review: a text");
            assertEquals("review", d.findElement(By.id("classify-text-column")).getAttribute("value"));
            assertTrue(!d.findElement(By.id("classify-columns")).isDisplayed(), "no numbers to choose for a text");
            d.findElement(By.id("classify-train")).click();
            waiting(d, 180).until(x -> !panelData(x, "classify", "accuracy").isEmpty()
                    && Double.parseDouble(panelData(x, "classify", "accuracy")) > 0.9);
            d.findElement(By.id("classify-train")).click();
            waitUntilSettled(d, "classify");
            assertTrue(text(d, "classify-progress").contains("held-out accuracy"), text(d, "classify-progress"));

            // a text typed: each word shaded by its pull, the word that tells the most
            assertTrue(d.findElement(By.id("classify-type")).isDisplayed(), "a text model takes a typed text");
            d.findElement(By.id("classify-typed")).sendKeys("the story was really dull and the acting");
            d.findElement(By.cssSelector("#classify-type button")).click();
            waiting(d, 30).until(x -> text(x, "classify-why").startsWith("Yours: the model says neg"));
            List<WebElement> words = d.findElements(By.cssSelector("#classify-why .explain-tokens span"));
            assertEquals(8, words.size());
            assertEquals("dull", words.get(4).getText());
            assertTrue(words.get(4).getAttribute("title").startsWith("pull "), words.get(4).getAttribute("title"));
            js(d, "document.getElementById('classify-why').scrollIntoView();");
            BrowserTest.screenshot(d, "classify-text-" + build);
            // what the units do over held-out example 0: a span a word
            waiting(d, 30).until(x -> !x.findElements(By.cssSelector("#classify-units-text span")).isEmpty());
            assertTrue(d.findElement(By.cssSelector("#classify-units-text span")).getAttribute("title").matches(".+: -?\\d\\.\\d{3}"));
            // a cell's examples, each as written
            d.findElement(By.cssSelector("#classify-confusion td[data-cell='0,0']")).click();
            waiting(d, 30).until(x -> "0,0".equals(x.findElement(By.id("classify-cell")).getAttribute("data-cell")));
            assertTrue(d.findElement(By.cssSelector("#classify-cell figure.mistake blockquote")).getText().endsWith(", truly."));
            waitUntilKept(d, "classify");

            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "classify-progress").startsWith("Restored your gru model for pasted table, review by words (2 classes;"),
                    text(d, "classify-progress") + " / " + text(d, "classify-message") + " / " + BrowserTest.severe(d));
            assertTrue(d.findElement(By.id("classify-table")).getAttribute("value").startsWith("label,review\n"), "the table kept");
            assertEquals("review", d.findElement(By.id("classify-text-column")).getAttribute("value"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
