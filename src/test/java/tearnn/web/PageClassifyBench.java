package tearnn.web;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tearnn.cli.Serve;

/**
 * The Classify tab's figures, as a person gets them (a command, not a test): each data set and cell of
 * {@code -Dconfigs} (data/cell, comma-separated; the four of docs/attention.md's table by default)
 * trained in the page (wasm, the workers the machine has) with the other settings at their defaults,
 * from pressing Train; the held-out accuracy of the page's last check (every few seconds) and the step,
 * read at each of {@code -Dmarks} seconds: {@code mvn -q package -DskipTests && mvn -q exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=tearnn.web.PageClassifyBench [-Dmarks=30,60,180]}.
 */
public final class PageClassifyBench {
    private PageClassifyBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = Serve.start(Path.of("target", "site"), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String[] marks = System.getProperty("marks", "30,60,180").split(",");
        String configs = System.getProperty("configs", "digits-rows/gru,digits-rows/lstm,digits-pixels/gru,weather/gru");
        WebDriver d = BrowserTest.browser();
        try {
            d.get(base + "index.html?build=wasm");
            PageTest.ready(d);
            String workers = d.findElement(By.tagName("body")).getAttribute("data-workers");
            d.findElement(By.id("tab-classify")).click();
            System.out.println("the Classify tab in the page (wasm, " + workers + " workers), the defaults but data and cell");
            for (String config : configs.split(",")) {
                String[] dc = config.split("/");
                PageTest.choose(d, "classify", "data", dc[0]);
                PageTest.choose(d, "classify", "cell", dc[1]);
                int models = PageTest.models(d, "classify");
                d.findElement(By.id("classify-train")).click();
                PageTest.waiting(d, 60).until(x -> PageTest.models(x, "classify") > models);
                long t0 = System.nanoTime();
                StringBuilder line = new StringBuilder(config + ":");
                for (String mark : marks) {
                    long wait = (long) (Double.parseDouble(mark) * 1e9) - (System.nanoTime() - t0);
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    line.append(String.format(java.util.Locale.ROOT, "  at %s s: held-out accuracy %s (step %d)", mark,
                            PageTest.panelData(d, "classify", "accuracy"), PageTest.step(d, "classify")));
                }
                d.findElement(By.id("classify-train")).click();
                PageTest.waitUntilSettled(d, "classify");
                System.out.println(line + "  | " + PageTest.text(d, "classify-time"));
            }
        } finally {
            d.quit();
            server.stop(0);
        }
        System.exit(0);
    }
}
