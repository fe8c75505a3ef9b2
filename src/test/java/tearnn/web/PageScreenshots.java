package tearnn.web;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tearnn.cli.Serve;

/**
 * Screenshots of every tab of the page as a person first sees it, into target/screenshots/tab-NAME.png
 * (a command, to look at the page: {@code mvn -q package -DskipTests && mvn -q exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=tearnn.web.PageScreenshots}; {@code -Dlink=#word?cell=gru}
 * is added to the address).
 */
public final class PageScreenshots {
    private PageScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = Serve.start(Path.of("target", "site"), 0);
        WebDriver d = BrowserTest.browser();
        try {
            d.get("http://127.0.0.1:" + server.getAddress().getPort() + "/index.html" + System.getProperty("link", ""));
            try {
                PageTest.ready(d);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the page did not come up: " + BrowserTest.text(d, "engine-status") + " "
                        + BrowserTest.severe(d), e);
            }
            for (var tab : d.findElements(By.cssSelector("[role=tab]"))) {
                tab.click();
                BrowserTest.screenshot(d, tab.getAttribute("id"));
            }
        } finally {
            d.quit();
            server.stop(0);
        }
        System.exit(0);
    }
}
