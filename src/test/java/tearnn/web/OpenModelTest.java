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
import tearnn.file.ModelFile;
import tearnn.file.SavedModel;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.task.Adder;

/**
 * A model file opened over a trained model: the trained one can still be downloaded, and stays the
 * one kept in this browser (a reload brings it back) until the person trains the opened one or keeps it.
 */
class OpenModelTest extends PageTest {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void openingAFileKeepsTheTrainedModelUntilAskedOtherwise(String build) throws IOException {
        Path file = Files.createTempDirectory("tearnn-open").resolve("lstm-adder.json");
        Files.writeString(file, ModelFile.write(new SavedModel(new Model(Adder.architecture(CellType.LSTM, 8), 3))));
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("adder-train")).click();
            waiting(d, 120).until(x -> "true".equals(x.findElement(By.id("adder-progress")).getAttribute("data-solved")));
            waitUntilSettled(d, "adder");
            waitUntilKept(d, "adder");
            int trained = step(d, "adder");

            int models = models(d, "adder");
            d.findElement(By.id("adder-open")).sendKeys(file.toString());
            waiting(d, 60).until(x -> models(x, "adder") > models);
            waitUntilSettled(d, "adder");
            assertEquals(0, step(d, "adder"), "the opened model is in the panel");
            assertTrue(text(d, "adder-replaced").startsWith("The model you replaced (adder, step " + trained + ") can still be downloaded"),
                    text(d, "adder-replaced"));
            assertEquals("Lstm-adder.json is not kept in this browser yet: the model kept is still the one of step " + trained
                    + ". Training keeps it; or Keep it now.", text(d, "adder-saved"));
            assertEquals(trained, keptStep(d, "adder"));

            // a reload brings back the trained model, not the opened one
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your gru adder from your last visit (" + trained + " steps trained)"),
                    text(d, "adder-progress"));

            // opened again and kept on purpose: now it is the one a reload brings back
            int again = models(d, "adder");
            d.findElement(By.id("adder-open")).sendKeys(file.toString());
            waiting(d, 60).until(x -> models(x, "adder") > again);
            waitUntilSettled(d, "adder");
            d.findElement(By.cssSelector("#adder-saved button")).click();
            waiting(d, 60).until(x -> keptStep(x, "adder") == 0 && text(x, "adder-saved").startsWith("Kept in this browser"));
            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "adder-progress").startsWith("Restored your lstm adder from your last visit (0 steps trained)"),
                    text(d, "adder-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
