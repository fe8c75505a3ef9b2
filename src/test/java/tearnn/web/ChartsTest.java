package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/**
 * The page's curves over a long run: a loss logged at every one of 10,000 steps, 30 a call, keeps
 * its early history in proportion (the first tenth of the run about a tenth of the points), and
 * what they show there is the curve's own (near 4.2 at the start, not a line drawn to 1.6).
 */
class ChartsTest extends PageTest {
    @Test
    void aLongRunKeepsEveryStretchOfItsCurve() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            @SuppressWarnings("unchecked")
            List<Object> r = (List<Object>) js(d, "let points = [];"
                    + " for (let s = 1; s <= 10000; s += 30) {"
                    + "   const call = []; for (let i = s; i < s + 30 && i <= 10000; i++) call.push([i * 160, 1.6 + 2.6 * Math.exp(-i / 800)]);"
                    + "   points = Charts.grow(points, call, 800); }"
                    + " const early = points.filter((p) => p[0] <= 160000);"
                    + " return [points.length, early.length, points[0][1], early.length ? early[early.length - 1][1] : 0,"
                    + "   points.reduce((a, p) => a + (p[2] || 1), 0)];");
            long n = (Long) r.get(0);
            long early = (Long) r.get(1);
            double first = ((Number) r.get(2)).doubleValue();
            double steps = ((Number) r.get(4)).doubleValue();
            assertTrue(n >= 300 && n <= 800, n + " points");
            assertTrue(early >= 0.08 * n, early + " of " + n + " points in the first tenth of the run");
            assertTrue(first > 3.9, "the curve starts near 4.2: " + first);
            assertTrue(Math.abs(steps - 10000) < 1e-6, "the points stand for every step: " + steps);
        } finally {
            d.quit();
        }
    }

    /**
     * A log axis spans whole decades, labelled from end to end (the gradient flow's lines, within 25%
     * of each other, were drawn on a band that made noise look like structure, and the labels stopped
     * below them); a flat loss's ticks tell each other apart (an adder's read "0.69" six times); an axis
     * that counts steps or words is ticked at whole numbers (a text of 3 words read 1, 1.5, 2 ...).
     */
    @Test
    void axesThatDoNotMislead() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            String log = (String) js(d, "const c = document.createElement('canvas'); c.width = 440; c.height = 220;"
                    + " Charts.draw(c, [{ points: [[0, 1.9e-3], [5, 2.1e-3], [9, 2.6e-3]] }, { points: [[0, 2.4e-3], [9, 2.5e-3]] }],"
                    + " { log: true }); return c.dataset.yTicks;");
            assertEquals("1e-3 2e-3 5e-3 0.01", log);
            String flat = (String) js(d, "const c = document.createElement('canvas'); c.width = 440; c.height = 220;"
                    + " Charts.draw(c, [{ points: [[0, 0.69312], [5, 0.69318], [9, 0.69315]] }], {}); return c.dataset.yTicks;");
            String[] labels = flat.split(" ");
            assertEquals(labels.length, java.util.Arrays.stream(labels).distinct().count(), flat);
            assertTrue(labels.length >= 3 && flat.contains("0.6931"), flat);
            String steps = "const c = document.createElement('canvas'); c.width = 440; c.height = 220;"
                    + " Charts.draw(c, [{ points: [[1, 20], [2, 60], [3, 90]] }], { xWhole: %s }); return c.dataset.xTicks;";
            assertEquals("1 2 3", js(d, String.format(steps, "true")), "a chart over 3 steps is ticked at each step");
            assertTrue(((String) js(d, String.format(steps, "false"))).contains("1.5"), "measured x keeps its fine ticks");
        } finally {
            d.quit();
        }
    }

    /**
     * The legend goes in the corner its lines cross least: a falling loss leaves the top right to it,
     * as before; lines that run along the top (a curve rising to it, a flat line high up) put it in
     * the bottom right, where it hides nothing.
     */
    @Test
    void theLegendSitsWhereItHidesTheLeast() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html");
            ready(d);
            String corner = (String) js(d, "const c = document.createElement('canvas'); c.width = 440; c.height = 220;"
                    + " const rising = []; for (let i = 0; i <= 20; i++) rising.push([i, 0.5 + 0.5 * Math.sqrt(i / 20)]);"
                    + " Charts.draw(c, [{ points: rising, label: 'rising' }, { points: [[0, 0.9], [20, 1]], label: 'flat, high' }], {});"
                    + " return c.dataset.legend;");
            assertEquals("bottom-right", corner, "both lines run along the top right");
            String usual = (String) js(d, "const c = document.createElement('canvas'); c.width = 440; c.height = 220;"
                    + " const falling = []; for (let i = 0; i <= 20; i++) falling.push([i, Math.exp(-i / 3)]);"
                    + " Charts.draw(c, [{ points: falling, label: 'loss' }], {}); return c.dataset.legend;");
            assertEquals("top-right", usual, "a falling loss leaves the top right free");
        } finally {
            d.quit();
        }
    }
}
