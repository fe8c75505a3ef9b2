package tearnn.web;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tearnn.cli.Serve;

/**
 * The Translate tab's figures, as a person gets them (a command, not a test): the dates' defaults with
 * each attention of {@code -Dattention} (additive,none by default) trained in the page (wasm, the
 * workers the machine has) for S seconds from pressing Train, then paused; the held-out exact match and
 * per-character accuracy on all 1,000 held-out pairs (the check a pause makes), the steps, and where the
 * page's time went: {@code mvn -q package -DskipTests && mvn -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=tearnn.web.PageTranslateBench -Dseconds=60 [-Dtask=reverse -Dlength=20]}.
 */
public final class PageTranslateBench {
    private PageTranslateBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = Serve.start(Path.of("target", "site"), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        long seconds = Long.parseLong(System.getProperty("seconds", "60"));
        String task = System.getProperty("task", "dates");
        String length = System.getProperty("length", "10");
        WebDriver d = BrowserTest.browser();
        try {
            d.get(base + "index.html?build=wasm");
            PageTest.ready(d);
            String workers = d.findElement(By.tagName("body")).getAttribute("data-workers");
            d.findElement(By.id("tab-translate")).click();
            System.out.println(task + ", " + seconds + " s in the page (wasm, " + workers + " workers)");
            for (String attention : System.getProperty("attention", "additive,none").split(",")) {
                PageTest.js(d, "const f = document.getElementById('translate-settings').elements;"
                        + " for (const [k, v] of [['task', arguments[0]], ['length', arguments[1]], ['attention', arguments[2]]]) {"
                        + " f.namedItem(k).value = v; f.namedItem(k).dispatchEvent(new Event('change', { bubbles: true })); }",
                        task, length, attention);
                int models = PageTest.models(d, "translate");
                d.findElement(By.id("translate-train")).click();
                PageTest.waiting(d, 60).until(x -> PageTest.models(x, "translate") > models);
                Thread.sleep(seconds * 1000);
                String time = PageTest.text(d, "translate-time");
                d.findElement(By.id("translate-train")).click();
                PageTest.waiting(d, 120).until(x -> PageTest.text(x, "translate-progress").contains("on 1,000 held-out pairs"));
                PageTest.waitUntilSettled(d, "translate");
                System.out.println("attention " + attention + ": " + PageTest.text(d, "translate-progress") + " "
                        + PageTest.text(d, "translate-lengths") + " " + time);
                BrowserTest.screenshot(d, "translate-bench-" + task + "-" + attention);
            }
        } finally {
            d.quit();
            server.stop(0);
        }
        System.exit(0);
    }
}
