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

/**
 * A word model opened on another text than the one it was trained on: the page says which text that
 * was and what training on this one does to the vocabulary, and trains only when Train answers the
 * question (before: it trained a PTB model on the built-in grammar, 31.4% {@code <unk>}, without a
 * word). Choosing the model's own text opens it again on it, with no question.
 */
class OpenedTextTest extends PageTest {
    static final String FOXES = "the quick brown fox jumps over the lazy dog . ".repeat(60);

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void anOpenedModelAsksBeforeItTrainsOnAnotherText(String build) throws IOException {
        Path file = BrowserTest.DOWNLOADS.resolve("tearnn-word-model.json");
        Files.deleteIfExists(file);
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            d.findElement(By.id("tab-word")).click();
            // a model trained on the foxes, downloaded
            paste(d, FOXES);
            stepOnce(d);
            d.findElement(By.id("word-save")).click();
            BrowserTest.waitForDownload(file);
            assertEquals("pasted text", ModelFile.read(Files.readString(file)).trainedOn.name());

            // the built-in grammar, a model of its own; then the foxes' file
            d.findElement(By.cssSelector("#panel-word input[name=source][value=builtin]")).click();
            int foxes = models(d, "word");
            d.findElement(By.id("word-step")).click();
            waiting(d, 120).until(x -> models(x, "word") > foxes && step(x, "word") == 1);
            waitUntilSettled(d, "word");
            int models = models(d, "word");
            d.findElement(By.id("word-open")).sendKeys(file.toString());
            waiting(d, 60).until(x -> models(x, "word") > models);
            waitUntilSettled(d, "word");
            int opened = step(d, "word");
            String asked = text(d, "word-pending-what");
            assertTrue(asked.startsWith("This model was trained on pasted text (" + String.format("%,d", FOXES.length())
                    + " characters), not on the built-in grammar. Train it on the built-in grammar? It keeps its own vocabulary of "), asked);
            assertTrue(asked.matches("(?s).*: \\d+\\.\\d% of this text's words are outside it, and read as <unk>\\..*"), asked);
            assertTrue(asked.endsWith("Or choose its own text above: the model is opened again on it."), asked);
            assertEquals("Train on this text", d.findElement(By.id("word-train")).getText());
            assertNothingTrains(d, "word");
            assertEquals(opened, step(d, "word"), "no training until asked");

            // its own text chosen: opened again on it, no question, and it trains as it was
            int before = models(d, "word");
            paste(d, FOXES);
            waiting(d, 60).until(x -> models(x, "word") > before);
            waitUntilSettled(d, "word");
            assertEquals("true", js(d, "return String(document.getElementById('word-pending').hidden);"), text(d, "word-pending-what"));
            assertEquals("Resume", d.findElement(By.id("word-train")).getText());
            stepOnce(d);
            assertEquals(opened + 1, step(d, "word"));

            // opened on the grammar again, and Train pressed: the answer; it trains there
            d.findElement(By.cssSelector("#panel-word input[name=source][value=builtin]")).click();
            int third = models(d, "word");
            d.findElement(By.id("word-open")).sendKeys(file.toString());
            waiting(d, 60).until(x -> models(x, "word") > third);
            waitUntilSettled(d, "word");
            assertEquals("Train on this text", d.findElement(By.id("word-train")).getText());
            d.findElement(By.id("word-train")).click();
            waitForStep(d, "word", opened + 1);
            pause(d, "word", 30);
            assertEquals("true", js(d, "return String(document.getElementById('word-pending').hidden);"), text(d, "word-pending-what"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    private static void paste(WebDriver d, String text) {
        js(d, "const b = document.getElementById('word-text'); b.value = arguments[0]; b.dispatchEvent(new Event('input'));", text);
    }

    private static void stepOnce(WebDriver d) {
        int at = step(d, "word");
        d.findElement(By.id("word-step")).click();
        waitForStep(d, "word", at + 1);
        waitUntilSettled(d, "word");
    }
}
