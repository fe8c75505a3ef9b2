package tearnn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A setup shared by link: the address names the tab and the settings that differ from the defaults;
 * opened in a fresh browser it shows that tab with those settings, and Train makes that model; the
 * address follows the page; a link the page cannot take is said, and the defaults stay.
 */
class LinkTest extends PageTest {
    static String value(WebDriver d, String form, String name) {
        return d.findElement(By.cssSelector("#" + form + " [name=" + name + "]")).getAttribute("value");
    }

    static String hash(WebDriver d) {
        return (String) js(d, "return decodeURIComponent(location.hash);");
    }

    @Test
    void aLinkOpensTheSameExperimentAndABadOneIsSaid() {
        WebDriver d = BrowserTest.browser();
        try {
            d.get(BrowserTest.base + "index.html#word?cell=gru&hidden=24&embedding=16&dropout=0.1");
            ready(d);
            assertEquals("true", d.findElement(By.id("tab-word")).getAttribute("aria-selected"));
            assertEquals("", text(d, "link-note"));
            assertEquals("gru", value(d, "word-settings", "cell"));
            assertEquals("24", value(d, "word-settings", "hidden"));
            d.findElement(By.id("word-step")).click();
            waitForStep(d, "word", 1);
            waitUntilSettled(d, "word");
            // the model there is the link's: its settings, as the engine reports them, fill the form
            assertEquals("24", value(d, "word-settings", "hidden"));
            assertEquals("16", value(d, "word-settings", "embedding"));
            assertEquals("gru", value(d, "word-settings", "cell"));
            assertEquals("word?cell=gru&hidden=24&embedding=16&dropout=0.1", hash(d).substring(1));
            // the address follows a change and a tab
            js(d, "const f = document.getElementById('word-settings'); f.elements.hidden.value = '32';"
                    + " f.elements.hidden.dispatchEvent(new Event('change', { bubbles: true }));");
            assertTrue(hash(d).contains("hidden=32"), hash(d));
            d.findElement(By.id("tab-race")).click();
            assertEquals("#race", hash(d));

            // a link with what the page does not take: said, and the defaults stay
            d.get("about:blank");
            d.get(BrowserTest.base + "index.html#word?hidden=99999&cell=nope&dropout=0.3");
            ready(d);
            assertEquals("The link's settings hidden 99999, cell nope are not ones this page takes: the default stays.",
                    text(d, "link-note"));
            assertEquals("0.3", value(d, "word-settings", "dropout"));
            d.get("about:blank");
            d.get(BrowserTest.base + "index.html#zebra");
            ready(d);
            assertEquals("The link names a tab this page does not have (\"zebra\"): here is the first.", text(d, "link-note"));
            assertEquals("true", d.findElement(By.id("tab-adder")).getAttribute("aria-selected"));
            assertEquals(List.of(), BrowserTest.severe(d), "console errors");
        } finally {
            d.quit();
        }
    }
}
