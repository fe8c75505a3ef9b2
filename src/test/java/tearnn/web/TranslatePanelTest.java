package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Translate tab as a person uses it: a digit reversal trains until nine held-out pairs in ten come
 * out exactly right, its attention matrix runs down the anti-diagonal, a text of one's own is reversed
 * (and one with a letter refused by name), and a reload brings the translator back; a date translator
 * without attention says it has none.
 */
class TranslatePanelTest extends PageTest {
    private static void choose(WebDriver d, String name, String value) {
        choose(d, "translate", name, value);
    }

    private static void type(WebDriver d, String text) {
        js(d, "const e = document.getElementById('translate-text'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', { bubbles: true }));", text);
    }

    private static String argmax(WebDriver d) {
        return (String) js(d, "const c = document.querySelector('#translate-alignment canvas'); return c ? c.dataset.argmax : '';");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aReversalLearnsItsAlignment(String build) throws Exception {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=" + build);
            ready(d);
            watchFreezes(d);
            d.findElement(By.id("tab-translate")).click();
            choose(d, "task", "reverse");
            choose(d, "length", "5");
            choose(d, "cell", "gru");
            choose(d, "hidden", "32");
            choose(d, "lr", "0.01");
            d.findElement(By.id("translate-train")).click();
            waiting(d, 240).until(x -> {
                String e = panelData(x, "translate", "exact");
                return e != null && !e.isEmpty() && Double.parseDouble(e) >= 0.9;
            });
            pause(d, "translate", 60);
            String line = text(d, "translate-progress");
            assertTrue(line.matches("Step \\d+, [\\d,]+ pairs: held-out exact match \\d+\\.\\d%, per character \\d+\\.\\d% \\(on 1,000"
                    + " held-out pairs; loss \\d\\.\\d+ nats a character\\)"), line);
            assertTrue(text(d, "translate-lengths").matches("Exact match by length: 1 digits \\d+%, 2 digits \\d+%, 3 digits \\d+%,"
                    + " 4 digits \\d+%, 5 digits \\d+%"), text(d, "translate-lengths"));

            type(d, "12345");
            // at 90% exact match a given pair may still come out wrong (one in ten): an answer in digits,
            // most in place; the alignment is checked when the answer is exact
            waiting(d, 30).until(x -> String.valueOf(x.findElement(By.id("translate-result")).getAttribute("data-output"))
                    .matches("\\d+"));
            String output = d.findElement(By.id("translate-result")).getAttribute("data-output");
            assertEquals("12345 → " + output, text(d, "translate-result"));
            int inPlace = 0;
            for (int i = 0; i < Math.min(5, output.length()); i++) {
                inPlace += output.charAt(i) == "54321".charAt(i) ? 1 : 0;
            }
            assertTrue(inPlace >= 3, "12345 reversed as " + output);
            if (output.equals("54321")) {
                // the first digit written looks at the last one read, and so on down the anti-diagonal
                waiting(d, 10).until(x -> argmax(x).startsWith("4,3,2,1,0"));
            }
            BrowserTest.screenshot(d, "translate-" + build);

            type(d, "12a");
            waiting(d, 30).until(x -> "true".equals(x.findElement(By.id("translate-result")).getAttribute("data-error")));
            assertTrue(text(d, "translate-result").startsWith("'a' (character 3) is not one this task reads"), text(d, "translate-result"));
            waitUntilKept(d, "translate");
            assertEquals(List.of(), freezes(d), "page-thread tasks over two seconds");

            d.navigate().refresh();
            ready(d);
            assertTrue(text(d, "translate-progress").matches("Restored your gru translator for digit reversal \\(attention additive\\),"
                    + " [\\d,]+ parameters, from your last visit \\(step \\d+\\)\\."), text(d, "translate-progress"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }

    @Test
    void aDateTranslatorWithoutAttentionSaysSo() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html?build=wasm");
            ready(d);
            d.findElement(By.id("tab-translate")).click();
            choose(d, "attention", "none");
            choose(d, "hidden", "16");
            d.findElement(By.id("translate-step")).click();
            waiting(d, 60).until(x -> step(x, "translate") == 1);
            waitUntilSettled(d, "translate");
            waiting(d, 30).until(x -> x.findElement(By.id("translate-alignment")).getText()
                    .startsWith("This model has no attention"));
            assertTrue(text(d, "translate-result").matches(".+ → .+ \\(should be \\d{4}-\\d\\d-\\d\\d\\)"), text(d, "translate-result"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
