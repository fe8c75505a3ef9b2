package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tearnn.file.SafeTensors;
import tearnn.file.SavedModel;

/**
 * The page's model files as .safetensors: downloaded beside the JSON form, read back by the engine
 * on the JVM, opened again in the page (on every worker) with the same predictions; a file that is
 * not one is refused with what is wrong, and the model in the panel stays.
 */
class ModelFilesTest extends PageTest {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aWordModelGoesToSafeTensorsAndComesBack(String build) throws IOException {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            WebDriverWait wait = waiting(d, 60);
            d.findElement(By.id("tab-word")).click();
            for (int i = 1; i <= 3; i++) {
                d.findElement(By.id("word-step")).click();
                waitForStep(d, "word", i);
                waitUntilSettled(d, "word");
                assertTrue(text(d, "word-progress").startsWith("Step "), text(d, "word-progress"));
            }
            wait.until(x -> !x.findElements(By.cssSelector("#word-top .bar")).isEmpty());
            String predictions = text(d, "word-top");
            String step = "Step " + step(d, "word");

            Path file = BrowserTest.DOWNLOADS.resolve("tearnn-word-model.safetensors");
            Files.deleteIfExists(file);
            js(d, "const s = document.getElementById('word-save-as'); s.value = 'safetensors';");
            d.findElement(By.id("word-save")).click();
            BrowserTest.waitForDownload(file);
            SavedModel saved = SafeTensors.read(Files.readAllBytes(file));
            assertEquals(Integer.parseInt(step.replace("Step ", "")), (int) saved.counter("steps", -1), "the file holds the model as trained");
            assertTrue(saved.vocabulary != null && saved.trainer != null, "with its vocabulary and optimizer");

            // another model, then the file: the same model again, on every worker
            BrowserTest.startAnotherThenOpen(d, wait, file, predictions);
            d.findElement(By.id("word-step")).click();
            wait.until(x -> text(x, "word-progress").startsWith("Step " + (Integer.parseInt(step.replace("Step ", "")) + 1) + ","));

            // bytes that are not a .safetensors file: named, and the model stays
            Path broken = BrowserTest.DOWNLOADS.resolve("broken.safetensors");
            Files.write(broken, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
            String now = text(d, "word-progress");
            d.findElement(By.id("word-open")).sendKeys(broken.toString());
            wait.until(x -> text(x, "word-message").startsWith("broken.safetensors: "));
            assertTrue(text(d, "word-message").contains("this is not a .safetensors file"), text(d, "word-message"));
            assertEquals(now, text(d, "word-progress"), "the model in the panel stays");
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
