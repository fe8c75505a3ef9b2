package tearnn.web;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tearnn.cli.Serve;

/**
 * The Forecast tab's figures, as a person gets them (a command, not a test): for each built-in series,
 * its defaults trained in the page (wasm, the workers the machine has) for S seconds, then, if the
 * model is past its best held-out check, back to that check; the test part's MASE of the model and of
 * the last value, read from the metrics table, and where the page's time went; for each seed of
 * {@code -Dseeds} (1 by default) and series of {@code -Dseries} (all by default):
 * {@code mvn -q package -DskipTests && mvn -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=tearnn.web.PageForecastBench -Dseconds=30 -Dseeds=1,2,3}.
 */
public final class PageForecastBench {
    private PageForecastBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = Serve.start(Path.of("target", "site"), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        long seconds = Long.parseLong(System.getProperty("seconds", "30"));
        String[] seeds = System.getProperty("seeds", "1").split(",");
        String[] series = System.getProperty("series", "sunspots,co2,elnino,temperatures").split(",");
        WebDriver d = BrowserTest.browser();
        try {
            d.get(base + "index.html?build=wasm");
            PageTest.ready(d);
            String workers = d.findElement(By.tagName("body")).getAttribute("data-workers");
            d.findElement(By.id("tab-forecast")).click();
            System.out.println("series, " + seconds + " s in the page (wasm, " + workers + " workers): test MASE of the model"
                    + " (at the best held-out check) and of the last value");
            for (String seed : seeds) {
                for (String one : series) {
                    run(d, one, seed, seconds);
                }
            }
        } finally {
            d.quit();
            server.stop(0);
        }
        System.exit(0);
    }

    /** One series' defaults with {@code seed}, trained for {@code seconds}, then back to the best check if past it. */
    private static void run(WebDriver d, String series, String seed, long seconds) throws Exception {
        PageTest.js(d, "const f = document.getElementById('forecast-settings').elements; const e = f.namedItem('series');"
                + " e.value = arguments[0]; e.dispatchEvent(new Event('change', { bubbles: true }));"
                + " f.namedItem('seed').value = arguments[1]; f.namedItem('seed').dispatchEvent(new Event('change', { bubbles: true }));",
                series, seed);
        int models = PageTest.models(d, "forecast");
        d.findElement(By.id("forecast-train")).click();
        PageTest.waiting(d, 60).until(x -> PageTest.models(x, "forecast") > models);
        Thread.sleep(seconds * 1000);
        String time = PageTest.text(d, "forecast-time");
        d.findElement(By.id("forecast-train")).click();
        PageTest.waitUntilSettled(d, "forecast");
        String at = "step " + PageTest.step(d, "forecast");
        if (d.findElement(By.id("forecast-best")).isDisplayed()) {
            at = d.findElement(By.id("forecast-best")).getText().replaceAll(".*(step \\d+).*", "$1") + " of " + at;
            d.findElement(By.id("forecast-best")).click();
            PageTest.waiting(d, 60).until(x -> PageTest.text(x, "forecast-progress").startsWith("Opened the best"));
            PageTest.waitUntilSettled(d, "forecast");
        }
        PageTest.waiting(d, 60).until(x -> x.findElements(By.cssSelector("#forecast-metrics tbody tr")).size() == 4);
        String model = d.findElement(By.cssSelector("#forecast-metrics tr[data-method=model] td:last-child")).getText();
        String last = d.findElement(By.cssSelector("#forecast-metrics tr[data-method='last value'] td:last-child")).getText();
        System.out.println(series + ", seed " + seed + ": model " + model + ", last value " + last + " (" + at + "). " + time);
        BrowserTest.screenshot(d, "forecast-bench-" + series);
    }
}
