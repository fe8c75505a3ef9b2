package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tearnn.file.ModelFile;
import tearnn.file.PackedModel;
import tearnn.task.ForecastCsv;
import tearnn.task.ForecastData;
import tearnn.task.ForecastMetrics;
import tearnn.task.ForecastSeries;
import tearnn.task.ForecastSettings;
import tearnn.task.ForecastTask;

/**
 * {@code forecast}: trains a forecaster on a built-in series ({@code --series sunspots}) or a
 * person's table ({@code --csv F --column C [--date D] [--inputs A,B]}) for a time or a number of
 * steps, checking the held-out part every few steps, and ends at the check whose held-out forecasts
 * were best (or, with {@code --keep last}, where training stopped). It prints the test part's
 * metrics against the baselines and ends with the line scripts read:
 * {@code test MASE 0.81 (seasonal naive 1.00, last value 1.32)}.
 */
final class ForecastCommand {
    /** Where the built-in series are: the site's copies, from the project's folder. */
    static final String DATA = "web/data/";

    private ForecastCommand() {
    }

    static ForecastSeries series(Args a) throws IOException {
        String csv = a.string("csv", null);
        boolean builtIn = a.isSet("series") || csv == null;
        String column = a.string("column", null);
        String date = a.string("date", null);
        String inputs = a.string("inputs", "");
        if (csv != null && a.isSet("series")) {
            throw new IllegalArgumentException("give --series NAME or --csv FILE, not both");
        }
        List<String> extras = inputs.isEmpty() ? List.of() : Arrays.asList(inputs.split(","));
        if (builtIn) {
            if (column != null || date != null) {
                throw new IllegalArgumentException("--column and --date go with --csv FILE, not a built-in series");
            }
            ForecastCsv.BuiltIn b = ForecastCsv.builtIn(ForecastSettings.SERIES.choice(a));
            return ForecastCsv.read(b, Main.readText(a.string("data-dir", DATA) + b.file()), extras);
        }
        if (column == null) {
            throw new IllegalArgumentException("--csv needs --column COLUMN, the column to forecast");
        }
        return ForecastCsv.table(ClassifyCommand.read(csv), Path.of(csv).getFileName() + ", " + column, column, extras, date);
    }

    static void run(Args a, PrintStream out) throws IOException {
        ForecastSeries series = series(a);
        ForecastSettings s = ForecastSettings.read(a);
        double seconds = a.number("seconds", 60);
        int maxSteps = a.integer("max-steps", Integer.MAX_VALUE);
        int checkEvery = a.integer("check-every", ForecastTask.CHECK_EVERY);
        int patience = a.integer("patience", 0);
        String keep = a.string("keep", "best");
        String outFile = a.string("out", null);
        int threads = ThreadsOption.read(a);
        a.done();
        if (!(seconds > 0) || maxSteps <= 0 || checkEvery <= 0 || patience < 0) {
            throw new IllegalArgumentException("--seconds, --max-steps and --check-every must be positive, --patience >= 0");
        }
        if (!keep.equals("best") && !keep.equals("last")) {
            throw new IllegalArgumentException("--keep must be best or last, got '" + keep + "'");
        }
        ForecastTask task = new ForecastTask(series, s);
        task.trainer().setThreads(threads);
        ForecastData d = task.data();
        out.println(describe(task));
        long t0 = System.nanoTime();
        double elapsed = 0;
        EarlyStopping best = new EarlyStopping(patience > 0 ? patience : Integer.MAX_VALUE, 0, false);
        PackedModel kept = null;
        int keptAt = -1;
        while (task.steps() < maxSteps && elapsed < seconds) {
            double loss = task.train(Math.min(checkEvery, maxSteps - task.steps()));
            ForecastMetrics m = task.heldOut();
            elapsed = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "step %6d  loss %.4f  held-out MAE %.4g  MASE %.3f  (%.1f s)%n", task.steps(), loss,
                    m.mae(ForecastMetrics.MODEL), m.mase(ForecastMetrics.MODEL), elapsed);  // NaN: the seasonal naive is exact
            if (best.record(m.mae(ForecastMetrics.MODEL))) {
                if (keep.equals("best")) {
                    kept = ModelFile.pack(task.saved(), true);
                    keptAt = task.steps();
                }
            } else if (patience > 0 && best.shouldStop()) {
                out.printf("early stop: no better held-out forecast in %d checks%n", patience);
                break;
            }
        }
        if (kept != null && task.steps() != keptAt) {
            task = ForecastTask.resume(series, ModelFile.unpack(kept));
            task.trainer().setThreads(threads);
            out.printf("back to the best held-out check, step %d%n", task.steps());
        }
        ForecastMetrics test = task.test();
        out.printf("test part: %d windows from %s to %s, %d steps scored%n", d.testWindows().length,
                series.time(d.testWindows()[0]), series.time(series.length() - 1), test.count());
        out.print(test.table());
        if (outFile != null) {
            Main.writeModel(outFile, task.saved());
            out.println("wrote " + outFile);
        }
        if (test.mase(ForecastMetrics.SEASONAL) != test.mase(ForecastMetrics.SEASONAL)) {
            out.printf(Locale.ROOT, "test MASE undefined: the seasonal naive forecasts the test part exactly (model MAE %.4g)%n",
                    test.mae(ForecastMetrics.MODEL));
        } else {
            out.printf(Locale.ROOT, "test MASE %.2f (seasonal naive 1.00, last value %.2f)%n", test.mase(ForecastMetrics.MODEL),
                    test.mase(ForecastMetrics.LAST));
        }
    }

    /** What is trained on what, in a line or two. */
    static String describe(ForecastTask task) {
        ForecastData d = task.data();
        ForecastSeries series = d.series;
        ForecastSettings s = task.settings();
        int missing = series.missing(0);
        return String.format(Locale.ROOT,
                "%s: %,d values (%s to %s)%s, %s; training %,d, held out %,d, test %,d%n"
                        + "window %d, horizon %d (%s), %s, season %d (%s); %s hidden %d, %,d parameters",
                series.name(), series.length(), series.time(0), series.time(series.length() - 1),
                series.extras().isEmpty() ? "" : " read with " + String.join(", ", series.extras()),
                missing == 0 ? "none missing"
                        : missing + " missing, " + (d.skipMissing ? d.skipped + " windows holding them left out" : "interpolated"),
                d.trainEnd, d.heldOutEnd - d.trainEnd, series.length() - d.heldOutEnd, d.window, d.horizon,
                s.recursive() ? "recursive" : "direct", d.change ? "predicting the change" : "predicting the values", d.season,
                d.seasonSuggested ? "suggested" : "given", s.cell().id, s.hidden(), task.model().params().size());
    }
}
