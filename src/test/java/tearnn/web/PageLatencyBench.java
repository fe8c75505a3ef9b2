package tearnn.web;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tearnn.bench.Timing;
import tearnn.cli.Serve;

/**
 * How the page answers while it trains, measured (a command, not a test: on a busy machine these
 * figures move, and tests assert only freezes of two seconds):
 * {@code mvn -q package -DskipTests && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=tearnn.web.PageLatencyBench}.
 * For each build, with the workers the machine has:
 * <ul>
 *   <li>the page thread's delay while the word panel trains its default model: how late a 10 ms timer
 *       fires (median, 99th percentile, max), and the long tasks (over 50 ms) the browser reports;</li>
 *   <li>Pause: from the click to the training loop's end (the call under way landing), 5 times;</li>
 *   <li>a big model (hidden 512 x 2, batch 64, seconds a step): the time from typing a prompt to new
 *       predictions, 5 times, and Pause.</li>
 * </ul>
 */
public final class PageLatencyBench {
    private PageLatencyBench() {
    }

    /** Starts noting how late a 10 ms timer fires, and the long tasks. */
    private static final String WATCH = "window.__late = []; window.__long = [];"
            + " let due = performance.now() + 10; window.__timer = setInterval(() => { const now = performance.now();"
            + " __late.push(Math.max(0, now - due)); due = now + 10; }, 10);"
            + " new PerformanceObserver((l) => { for (const e of l.getEntries()) __long.push(e.duration); }).observe({ type: 'longtask' });";

    /** Clicks the panel's Train button and resolves with the ms until its data-state is {@code arguments[1]}. */
    private static final String CLICK_UNTIL = "const [panel, want, done] = arguments; const root = document.getElementById('panel-' + panel);"
            + " const t0 = performance.now(); new MutationObserver((m, o) => { if (root.dataset.state === want) { o.disconnect();"
            + " done(performance.now() - t0); } }).observe(root, { attributes: true });"
            + " document.getElementById(panel + '-train').click();";

    /** Types a prompt and resolves with the ms until the prediction bars change. */
    private static final String TYPE_UNTIL_BARS = "const [prompt, done] = arguments; const bars = document.getElementById('word-top');"
            + " const t0 = performance.now(); new MutationObserver((m, o) => { o.disconnect(); done(performance.now() - t0); })"
            + ".observe(bars, { childList: true, subtree: true, characterData: true });"
            + " const p = document.getElementById('word-prompt'); p.value = prompt; p.dispatchEvent(new Event('input'));";

    public static void main(String[] args) throws Exception {
        HttpServer server = Serve.start(Path.of("target", "site"), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try {
            for (String build : new String[] {"wasm", "js"}) {
                WebDriver d = BrowserTest.browser();
                try {
                    d.get(base + "index.html?build=" + build);
                    PageTest.ready(d);
                    System.out.println(build + " (" + d.findElement(By.tagName("body")).getAttribute("data-workers") + " workers):");
                    d.findElement(By.id("tab-word")).click();
                    defaultModel(d);
                    bigModel(d);
                } finally {
                    d.quit();
                }
            }
        } finally {
            server.stop(0);
        }
        System.exit(0); // exec:java would otherwise wait for the driver's threads
    }

    private static void defaultModel(WebDriver d) {
        js(d, WATCH);
        List<Double> pauses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asyncMs(d, CLICK_UNTIL, "word", "training");
            int calls = PageTest.calls(d, "word");
            BrowserTest.waiting(d, 120).until(x -> PageTest.calls(x, "word") >= calls + 10);
            pauses.add(asyncMs(d, CLICK_UNTIL, "word", "ready"));
        }
        js(d, "clearInterval(window.__timer);");
        System.out.println("  default word model, " + PageTest.step(d, "word") + " steps: timer lateness " + figures(numbers(d, "__late"))
                + "; long tasks " + longTasks(d));
        System.out.println("  Pause, the default word model: " + figures(pauses));
    }

    private static void bigModel(WebDriver d) {
        js(d, "const f = document.getElementById('word-settings'); f.elements.hidden.value = '512';"
                + " f.elements.layers.value = '2'; f.elements.batch.value = '64';");
        js(d, WATCH);
        asyncMs(d, CLICK_UNTIL, "word", "training");
        BrowserTest.waiting(d, 300).until(x -> PageTest.calls(x, "word") >= 5);
        List<Double> answers = new ArrayList<>();
        String[] prompts = {"a cat sees", "the dogs near", "some birds", "the farmer", "a horse"};
        for (String p : prompts) {
            answers.add(asyncMs(d, TYPE_UNTIL_BARS, p));
        }
        double pause = asyncMs(d, CLICK_UNTIL, "word", "ready");
        js(d, "clearInterval(window.__timer);");
        System.out.println("  big model (512 x 2, batch 64): predictions after typing " + figures(answers) + "; Pause "
                + String.format("%.0f ms", pause) + "; timer lateness " + figures(numbers(d, "__late")) + "; long tasks " + longTasks(d));
    }

    private static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    private static double asyncMs(WebDriver d, String script, Object... args) {
        return ((Number) ((JavascriptExecutor) d).executeAsyncScript(script, args)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> numbers(WebDriver d, String name) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<Object>) js(d, "return window." + name + ";")) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    private static String longTasks(WebDriver d) {
        List<Double> l = numbers(d, "__long");
        return l.isEmpty() ? "none" : l.size() + " (longest " + String.format("%.0f ms", l.stream().mapToDouble(x -> x).max().getAsDouble()) + ")";
    }

    /** Median, 99th percentile and max, in ms; for 5 figures: median and min-max. */
    private static String figures(List<Double> ms) {
        double[] a = ms.stream().mapToDouble(x -> x).sorted().toArray();
        Timing t = new Timing(a);
        if (a.length < 20) {
            return String.format("%.0f ms (%.0f-%.0f)", t.median(), t.min(), t.max());
        }
        return String.format("median %.1f ms, p99 %.1f, max %.0f (%d timers)", t.median(), a[(int) Math.floor(0.99 * (a.length - 1))],
                t.max(), a.length);
    }
}
