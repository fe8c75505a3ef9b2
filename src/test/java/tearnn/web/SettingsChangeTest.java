package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A setting that needs a new model, changed after training (or while it trains), and a Train that
 * fails: the current model stays, to try, generate and download, until the person trains a new one;
 * the form always shows the settings a model really has.
 */
class SettingsChangeTest extends PageTest {
    static String form(WebDriver d, String id) {
        return (String) js(d, "const f = document.getElementById('" + id + "'); return [...f.elements].filter((e) => e.name"
                + " && e.type !== 'radio' && e.type !== 'file' && e.tagName !== 'TEXTAREA').map((e) => e.name + '=' + (e.type === 'checkbox' ? e.checked : e.value)).join(' ');");
    }

    @Test
    void aChangedSettingWaitsForTrainAndTheModelStays() throws IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            WebDriverWait wait = waiting(d, 60);
            wait.until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-restored")));

            // an adder trained, then settings that need a new model
            d.findElement(By.id("adder-train")).click();
            wait.until(x -> "true".equals(x.findElement(By.id("adder-progress")).getAttribute("data-solved")));
            String progress = text(d, "adder-progress");
            new Select(d.findElement(By.cssSelector("#adder-settings [name=cell]"))).selectByValue("lstm");
            d.findElement(By.cssSelector("#adder-settings [name=hidden]")).clear();
            d.findElement(By.cssSelector("#adder-settings [name=hidden]")).sendKeys("4\t");
            wait.until(x -> x.findElement(By.id("adder-pending")).isDisplayed());
            assertEquals("Changed: Cell LSTM (the model has GRU), Hidden size 4 (the model has 16). Train starts a new adder"
                    + " with these; until then the current one stays as it is.", text(d, "adder-pending-what"));
            assertEquals("Train new model", d.findElement(By.id("adder-train")).getText());
            assertEquals(progress, text(d, "adder-progress"), "the progress of the model there stays");
            // the model there still adds, and downloads as what it is
            d.findElement(By.cssSelector("#adder-try [name=a]")).clear();
            d.findElement(By.cssSelector("#adder-try [name=a]")).sendKeys("100");
            wait.until(x -> text(x, "adder-result").startsWith("100 + 89 = 189"));
            Path file = BrowserTest.DOWNLOADS.resolve("tearnn-adder.json");
            Files.deleteIfExists(file);
            d.findElement(By.id("adder-save")).click();
            BrowserTest.waitForDownload(file);
            assertTrue(Files.readString(file).contains("\"cell\":\"gru\""));
            // "Keep the current settings" puts the form back
            d.findElement(By.id("adder-pending-undo")).click();
            assertTrue(form(d, "adder-settings").startsWith("cell=gru hidden=16 "), form(d, "adder-settings"));
            assertTrue(!d.findElement(By.id("adder-pending")).isDisplayed());
            assertEquals("Train more", d.findElement(By.id("adder-train")).getText());

            // changed again, then Train: a new model, and the replaced one can still be downloaded
            new Select(d.findElement(By.cssSelector("#adder-settings [name=cell]"))).selectByValue("lstm");
            d.findElement(By.id("adder-train")).click();
            wait.until(x -> x.findElement(By.id("adder-replaced")).isDisplayed());
            assertTrue(text(d, "adder-replaced").startsWith("The model you replaced (adder, step "), text(d, "adder-replaced"));
            wait.until(x -> "true".equals(x.findElement(By.id("adder-progress")).getAttribute("data-solved")));
            waitUntilKept(d, "adder");
            assertTrue(text(d, "adder-saved").endsWith("(step " + step(d, "adder") + ")."), text(d, "adder-saved"));

            // a reload: the form shows the model's settings, whatever the form held before
            new Select(d.findElement(By.cssSelector("#adder-settings [name=optimizer]"))).selectByValue("sgd");
            d.navigate().refresh();
            wait.until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-restored")));
            assertTrue(form(d, "adder-settings").matches("cell=lstm hidden=16 bits=8 optimizer=adam lr=0.03 batch=32 seed=1 init=pytorch"
                    + " chronoMax=0 peephole=false schedule=constant scheduleSteps=1000 decay=0.5"),
                    form(d, "adder-settings"));

            // a word model: a failed Train (an empty text) keeps it
            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-step")).click();
            wait.until(x -> text(x, "word-progress").startsWith("Step 1,"));
            // Step ends with a validation of the model, then keeps it
            wait.until(x -> text(x, "word-saved").endsWith("(step 1)."));
            String wordProgress = text(d, "word-progress");
            d.findElement(By.cssSelector("input[name=source][value=paste]")).click();
            wait.until(x -> x.findElement(By.id("word-pending")).isDisplayed());
            assertTrue(text(d, "word-pending-what").startsWith("Changed: the corpus."), text(d, "word-pending-what"));
            d.findElement(By.id("word-train")).click();
            wait.until(x -> text(x, "word-text-message").equals("The corpus is empty"));
            assertEquals(wordProgress, text(d, "word-progress"));
            d.findElement(By.id("word-generate")).click();
            wait.until(x -> text(x, "word-output").length() > 20);
            assertTrue(!text(d, "word-output").startsWith("Train a model first"), text(d, "word-output"));
            // back to the corpus the model has: nothing pending
            d.findElement(By.cssSelector("input[name=source][value=builtin]")).click();
            wait.until(x -> !x.findElement(By.id("word-pending")).isDisplayed());
            // dropout changed while it trains: marked as pending, and training goes on with the model there
            d.findElement(By.id("word-train")).click();
            wait.until(x -> "Pause".equals(x.findElement(By.id("word-train")).getText()));
            d.findElement(By.cssSelector("#word-settings [name=dropout]")).clear();
            d.findElement(By.cssSelector("#word-settings [name=dropout]")).sendKeys("0.1\t");
            wait.until(x -> x.findElement(By.id("word-pending")).isDisplayed());
            assertEquals("Changed: Dropout 0.1 (the model has 0.5). Train starts a new word model with this; until then the"
                    + " current one stays as it is.", text(d, "word-pending-what"));
            int at = step(d, "word");
            waitForStep(d, "word", at + 1);
            d.findElement(By.id("word-train")).click();
            wait.until(x -> "Train new model".equals(x.findElement(By.id("word-train")).getText()));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
