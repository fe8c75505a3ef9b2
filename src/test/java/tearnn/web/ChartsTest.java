package tearnn.web;

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
}
