package tearnn.web;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tearnn.cli.Serve;

/**
 * The benchmark in headless Chromium, WebAssembly and JavaScript builds (a command, not a test):
 * {@code mvn -q package -DskipTests && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=tearnn.web.BrowserBench}.
 * An argument is added to the page's query: {@code -Dexec.args=only=W-LM-1} runs one workload;
 * {@code -Dsite=DIR} serves another build's site (to set two builds side by side).
 */
public final class BrowserBench {
    private BrowserBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = Serve.start(Path.of(System.getProperty("site", "target/site")), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try {
            for (String build : new String[] {"wasm", "js"}) {
                WebDriver d = BrowserTest.browser();
                try {
                    d.get(base + "bench.html?auto&build=" + build + (args.length > 0 ? "&" + args[0] : ""));
                    BrowserTest.waiting(d, 600).until(x ->
                            "true".equals(x.findElement(By.tagName("body")).getAttribute("data-done")));
                    System.out.println(d.findElement(By.id("out")).getText());
                } finally {
                    d.quit();
                }
            }
        } finally {
            server.stop(0);
        }
        System.exit(0); // exec:java would otherwise wait for the driver's threads
    }
}
