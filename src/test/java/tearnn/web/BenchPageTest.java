package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * bench.html, as a person runs it to compare the page with its engine: W-LM alone, on 1 and 2
 * workers sharing each step, and sustained (steps for a few seconds, the mean step's speed beside
 * the median's), each figure consistent with the others.
 */
class BenchPageTest extends PageTest {
    private static final Pattern SUSTAINED = Pattern.compile("W-LM for 2 s on (\\d) workers?\\s*: (\\d+) chars/s at the mean step"
            + " \\(([\\d.]+) ms\\), (\\d+) chars/s at the median \\(([\\d.]+) ms\\), (\\d+) steps");

    @Test
    void benchPrintsTheEngineSpeedOnWorkersAndSustained() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "bench.html?auto&build=wasm&only=W-LM&workers=2&sustained=2");
            waiting(d, 180).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-done")));
            String out = text(d, "out");
            assertFalse(out.contains("failed"), out);
            assertTrue(out.lines().anyMatch(l -> l.matches("W-LM +\\d+ chars/s \\(min-max \\d+-\\d+\\).*step [\\d.]+ ms")), out);
            assertTrue(out.lines().anyMatch(l -> l.matches("W-LM +\\d+ chars/s .* 1 worker +1\\.00x")), out);
            assertTrue(out.lines().anyMatch(l -> l.matches("W-LM +\\d+ chars/s .* 2 workers +\\d\\.\\d\\dx")), out);
            int seen = 0;
            for (String line : out.lines().toList()) {
                Matcher m = SUSTAINED.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                seen++;
                double atMean = Double.parseDouble(m.group(2));
                double meanMs = Double.parseDouble(m.group(3));
                double atMedian = Double.parseDouble(m.group(4));
                double medianMs = Double.parseDouble(m.group(5));
                int steps = Integer.parseInt(m.group(6));
                // the same characters a step: speed times step time agrees between mean and median
                assertEquals(atMean * meanMs, atMedian * medianMs, 0.01 * atMean * meanMs, line);
                // steps until 2 s had passed: together they last 2 s and at most one step more
                assertTrue(steps * meanMs >= 1950 && steps * meanMs <= 2000 + 2 * meanMs + 50, line);
            }
            assertEquals(2, seen, "a sustained line for 1 and 2 workers:\n" + out);
            assertTrue(out.endsWith("done\n") || out.endsWith("done"), out);
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
