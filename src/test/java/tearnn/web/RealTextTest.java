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

/**
 * A person's own pre-tokenized text in the page, as Penn Treebank comes: a training file and a
 * held-out file of its own, told pre-tokenized, a vocabulary big enough for the adaptive softmax
 * (auto), and a time budget that ends training on time and says so; all of it comes back after a reload.
 */
class RealTextTest extends PageTest {
    /** Lines of pre-tokenized text: Zipf-drawn words among 3,000, {@code <unk>} and 's written in. */
    static String treebank(int lines, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int n = 5 + rng.nextInt(15);
            for (int w = 0; w < n; w++) {
                int k = (int) Math.floor(Math.exp(rng.nextDouble() * Math.log(3000)));
                sb.append(' ').append(k % 50 == 7 ? "<unk>" : k % 40 == 3 ? "'s" : "w" + k);
            }
            sb.append(" \n");
        }
        return sb.toString();
    }

    /** "0:53 left" -> 53. */
    private static int secondsLeft(String shown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+):(\\d\\d) left").matcher(shown);
        return m.matches() ? 60 * Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) : -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aTreebankWithItsHeldOutFileOnATimeBudget(String build) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "real-text"));
        Path train = dir.resolve("train.txt");
        Path valid = dir.resolve("valid.txt");
        Files.writeString(train, treebank(6000, 1));
        Files.writeString(valid, treebank(600, 2));
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            WebDriverWait wait = waiting(d, 60);
            d.findElement(By.id("tab-word")).click();
            d.findElement(By.id("word-file")).sendKeys(train.toAbsolutePath().toString());
            d.findElement(By.id("word-valid-file")).sendKeys(valid.toAbsolutePath().toString());
            wait.until(x -> text(x, "word-valid-what").startsWith("Held out: valid.txt"));
            // the note names the file; the browser's own chooser, which said "No file chosen" beside it, is not shown
            assertEquals("0", js(d, "return getComputedStyle(document.getElementById('word-valid-file')).opacity;"));
            // a budget short enough for a test: an option of 5 seconds beside the page's own
            js(d, "const s = document.getElementById('word-budget'); s.add(new Option('5 seconds', '5')); s.value = '5';"
                    + " s.dispatchEvent(new Event('change'));");
            watchFreezes(d);
            d.findElement(By.id("word-train")).click();
            waitForStep(d, "word", 1);
            String described = text(d, "word-explain");
            // the prompt comes from the text (the built-in grammar's "the dogs near the cat" is no use here)
            String first = Files.readString(train).trim().split("\\s+")[0];
            String prompt = d.findElement(By.id("word-prompt")).getAttribute("value");
            assertTrue(prompt.startsWith(first + " ") && prompt.split(" ").length == 4, prompt);
            long started = System.nanoTime();
            wait.until(x -> text(x, "word-budget-left").startsWith("Trained for 5 seconds"));
            // the button says Resume: so does the line (it said "Train again")
            assertTrue(text(d, "word-budget-left").endsWith("Resume trains for another 5 seconds."), text(d, "word-budget-left"));
            double took = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: a 5 s budget ended %.1f s after the first step showed: %s%n", build, took, text(d, "word-progress"));
            assertTrue(took < 9, "training ended on time: " + took + " s");
            waitUntilSettled(d, "word");
            wait.until(x -> x.findElement(By.id("word-train")).getText().equals("Resume"));
            assertNothingTrains(d, "word");

            // what the page said about the text and the model
            String info = (String) js(d, "return document.getElementById('word-progress').textContent;");
            assertTrue(described.contains("words (pre-tokenized: split at spaces, <eos> at line ends) (your held-out text)"), described);
            assertTrue(described.contains("adaptive softmax (cutoffs ["), described);
            assertTrue(info.contains("validation perplexity"), info);
            waiting(d, 60).until(x -> !text(x, "word-top").isEmpty());
            assertTrue(text(d, "word-top").contains("%"), text(d, "word-top"));
            assertEquals(List.of(), freezes(d), "main-thread tasks over two seconds");
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");

            // a reload brings back the model with its held-out text
            String step = String.valueOf(step(d, "word"));
            waitUntilKept(d, "word");
            assertTrue(text(d, "word-saved").startsWith("Kept in this browser") && text(d, "word-saved").contains("(step " + step + ")"),
                    text(d, "word-saved"));
            d.navigate().refresh();
            ready(d);
            d.findElement(By.id("tab-word")).click();
            assertTrue(text(d, "word-progress").contains("(step " + step + ")"), text(d, "word-progress"));
            assertEquals("Held out: valid.txt, " + String.format("%,d", Files.readString(valid).length()) + " characters.",
                    text(d, "word-valid-what"));

            // a budget under way comes back with the model: what is left of it, and it goes on from there
            js(d, "const s = document.getElementById('word-budget'); s.value = '60'; s.dispatchEvent(new Event('change'));");
            d.findElement(By.id("word-train")).click();
            wait.until(x -> text(x, "word-budget-left").matches("0:5[0-7] left"));
            pause(d, "word", 10);
            assertEquals("Resume", d.findElement(By.id("word-train")).getText());
            // kept once the call under way at Pause is in
            waitUntilKept(d, "word");
            assertTrue(text(d, "word-saved").endsWith("(step " + step(d, "word") + ")."), text(d, "word-saved"));
            String left = text(d, "word-budget-left");
            d.navigate().refresh();
            ready(d);
            d.findElement(By.id("tab-word")).click();
            assertEquals("60", js(d, "return document.getElementById('word-budget').value;"), "the budget's length");
            int before = secondsLeft(left);
            assertTrue(Math.abs(secondsLeft(text(d, "word-budget-left")) - before) <= 1,
                    "the time left as it was at Pause: " + left + " -> " + text(d, "word-budget-left"));
            d.findElement(By.id("word-train")).click();
            wait.until(x -> secondsLeft(text(x, "word-budget-left")) < before - 1);
            assertTrue(secondsLeft(text(d, "word-budget-left")) > 40, "it goes on, not anew: " + text(d, "word-budget-left"));
            d.findElement(By.id("word-train")).click();
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
