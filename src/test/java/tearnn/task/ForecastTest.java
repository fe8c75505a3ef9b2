package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.file.SavedModel;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.SettingException;

/**
 * Forecasting: windows and scaling that nothing after the training part touches, missing values
 * filled within their part or their windows left out, the baselines' metrics against values worked
 * out by hand, recursive and direct forecasts that agree where a linear model fits exactly, the
 * built-in series and a person's tables read (and refused by line and column), and a run that saves
 * and resumes with the same bits.
 */
class ForecastTest {
    static ForecastSettings settings(int window, int horizon, boolean recursive, boolean change, int season, boolean skip) {
        return new ForecastSettings(window, horizon, recursive, change, season, skip, CellType.GRU, 6, 1, OptimizerKind.ADAM,
                0.01, 1, 8, 0.15, 0.15, 1, Knobs.DEFAULT);
    }

    static ForecastSeries series(double... values) {
        String[] times = new String[values.length];
        for (int t = 0; t < times.length; t++) {
            times[t] = Integer.toString(t);
        }
        return new ForecastSeries("test", List.of("y"), new double[][] {values.clone()}, times);
    }

    static double[] wave(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 10 + 3 * Math.sin(2 * Math.PI * t / 8) + 0.05 * t;
        }
        return y;
    }

    @Test
    void nothingAfterTheTrainingPartTouchesTheScalingTheSeasonOrTheTrainingWindows() {
        for (boolean change : new boolean[] {false, true}) {
            double[] y = wave(200);
            ForecastSettings s = settings(12, 4, false, change, 0, false);
            ForecastData a = new ForecastData(series(y), s);
            double[] spoiled = y.clone();
            for (int t = a.trainEnd; t < y.length; t++) {
                spoiled[t] = (t % 3 == 0) ? Double.NaN : 1e6 * t;
            }
            ForecastData b = new ForecastData(series(spoiled), s);
            assertEquals(a.trainEnd, b.trainEnd);
            assertArrayEquals(a.mean(), b.mean(), "the scaling comes from the training part alone");
            assertArrayEquals(a.deviation(), b.deviation());
            assertEquals(a.trainingMean, b.trainingMean);
            assertEquals(8, a.season, "the wave's period, suggested");
            assertEquals(a.season, b.season, "the season is suggested from the training part alone");
            assertArrayEquals(a.trainWindows(), b.trainWindows());
            int[] train = a.trainWindows();
            double[] inA = new double[12 * train.length];
            double[] inB = new double[12 * train.length];
            double[] outA = new double[4 * train.length];
            double[] outB = new double[4 * train.length];
            for (int k = 0; k < train.length; k++) {
                assertTrue(train[k] + 4 <= a.trainEnd, "a training window's targets lie in the training part");
                a.inputs(train[k], inA, k, train.length);
                b.inputs(train[k], inB, k, train.length);
                a.targets(train[k], outA, k);
                b.targets(train[k], outB, k);
            }
            assertArrayEquals(inA, inB, "training inputs");
            assertArrayEquals(outA, outB, "training targets");
            for (int o : a.testWindows()) {
                assertTrue(o >= a.heldOutEnd && o + 4 <= 200, "a test window is scored on the test part");
            }
            for (int o : a.heldOutWindows()) {
                assertTrue(o >= a.trainEnd && o + 4 <= a.heldOutEnd, "a held-out window is scored on the held-out part");
            }
        }
    }

    @Test
    void theBaselinesMetricsAsWorkedOutByHand() {
        // 20 values: 0 .. 16, then 30, 10, 20. 15% held out and 15% tested: training 0..13, held out 14..16, test 17..19
        double[] y = new double[20];
        for (int t = 0; t < 17; t++) {
            y[t] = t;
        }
        y[17] = 30;
        y[18] = 10;
        y[19] = 20;
        ForecastData d = new ForecastData(series(y), settings(3, 1, false, false, 4, false));
        assertEquals(14, d.trainEnd);
        assertEquals(17, d.heldOutEnd);
        assertArrayEquals(new int[] {17, 18, 19}, d.testWindows());
        double[][] model = {{29}, {12}, {20}};
        ForecastMetrics m = new ForecastMetrics(d, d.testWindows(), model);
        assertEquals(3, m.count());
        // seasonal naive, 4 back: 13, 14, 15 against 30, 10, 20
        assertEquals((17 + 4 + 5) / 3.0, m.mae(ForecastMetrics.SEASONAL), 1e-12);
        assertEquals(Math.sqrt((289 + 16 + 25) / 3.0), m.rmse(ForecastMetrics.SEASONAL), 1e-12);
        // last value: 16, 30, 10
        assertEquals((14 + 20 + 10) / 3.0, m.mae(ForecastMetrics.LAST), 1e-12);
        assertEquals(Math.sqrt((196 + 400 + 100) / 3.0), m.rmse(ForecastMetrics.LAST), 1e-12);
        // training mean: 6.5
        assertEquals((23.5 + 3.5 + 13.5) / 3.0, m.mae(ForecastMetrics.MEAN), 1e-12);
        // the model: off by 1, 2, 0
        assertEquals(1.0, m.mae(ForecastMetrics.MODEL), 1e-12);
        assertEquals(3.0 / 26, m.mase(ForecastMetrics.MODEL), 1e-12);
        assertEquals(1.0, m.mase(ForecastMetrics.SEASONAL), 1e-12);
        assertEquals(44.0 / 26, m.mase(ForecastMetrics.LAST), 1e-12);
        // a seasonal naive two seasons back for the steps past one season (H = 6, season 4: h = 4, 5 reach 8 back)
        ForecastData far = new ForecastData(series(wave(100)), settings(8, 6, false, false, 4, false));
        int o = far.testWindows()[0];
        assertEquals(far.filledValue(o - 4), far.seasonalValue(o, 0));
        assertEquals(far.filledValue(o + 3 - 4), far.seasonalValue(o, 3));
        assertEquals(far.filledValue(o + 4 - 8), far.seasonalValue(o, 4));
        assertEquals(far.filledValue(o + 5 - 8), far.seasonalValue(o, 5));
    }

    /**
     * A ReLU RNN of one unit set by hand, h = relu(x + 10), whose head gives back the last input (level)
     * or (h + 1) times the last change (change): a model that carries the last step forward. Direct (H
     * outputs) and recursive (one output fed back) must then forecast alike to the last bit of rounding,
     * and on a straight line exactly.
     */
    private static ForecastTask handSet(ForecastSeries s, ForecastSettings settings) {
        int o = settings.outputs();
        StringBuilder w = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int h = 0; h < o; h++) {
            double k = settings.change() ? h + 1 : 1;
            w.append(h > 0 ? "," : "").append("[").append(k).append("]");
            b.append(h > 0 ? "," : "").append(-10 * k);
        }
        String file = "{\"format\":\"tearnn-model/1\",\"architecture\":{\"input\":\"dense\",\"input_size\":1,\"embedding_size\":0,"
                + "\"cell\":\"rnn_relu\",\"hidden_size\":1,\"num_layers\":1,\"bias\":true,\"peephole\":false,\"output_size\":" + o
                + ",\"loss\":\"mse\",\"last_step_only\":true,\"dropout\":0.0},\"tensors\":{\"rnn.weight_ih_l0\":[[1]],"
                + "\"rnn.weight_hh_l0\":[[0]],\"rnn.bias_ih_l0\":[10],\"rnn.bias_hh_l0\":[0],\"fc.weight\":[" + w + "],\"fc.bias\":["
                + b + "]}}";
        SavedModel saved = ModelFile.read(file);
        saved.putCounter("window", settings.window());
        saved.putCounter("horizon", settings.horizon());
        saved.putCounter("recursive", settings.recursive() ? 1 : 0);
        saved.putCounter("change", settings.change() ? 1 : 0);
        saved.putCounter("season", settings.season());
        return ForecastTask.resume(s, saved);
    }

    @Test
    void recursiveAndDirectForecastsAgreeWhereALinearModelFitsExactly() {
        double[] line = new double[120];
        double[] bumpy = new double[120];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 * t + 2;
            bumpy[t] = 5 + Math.sin(t * 0.7) + 0.01 * t * t;
        }
        for (boolean change : new boolean[] {false, true}) {
            for (double[] y : new double[][] {line, bumpy}) {
                ForecastTask direct = handSet(series(y), settings(6, 5, false, change, 4, false));
                ForecastTask recursive = handSet(series(y), settings(6, 5, true, change, 4, false));
                int[] origins = direct.data().testWindows();
                double[][] fd = direct.forecast(origins);
                double[][] fr = recursive.forecast(origins);
                for (int k = 0; k < origins.length; k++) {
                    int o = origins[k];
                    for (int h = 0; h < 5; h++) {
                        // level: the last value, carried; change: the last step's change, carried on
                        double expected = change ? y[o - 1] + (h + 1) * (y[o - 1] - y[o - 2]) : y[o - 1];
                        assertEquals(expected, fd[k][h], 1e-9 * Math.abs(expected), "direct, origin " + o + " step " + h);
                        assertEquals(fd[k][h], fr[k][h], 1e-9 * Math.abs(expected), "recursive, origin " + o + " step " + h);
                        if (change && y == line) {
                            assertEquals(y[o + h], fr[k][h], 1e-9 * y[o + h], "a straight line, forecast exactly");
                        }
                    }
                }
                if (!change) {
                    ForecastMetrics m = recursive.test();
                    assertEquals(m.mae(ForecastMetrics.LAST), m.mae(ForecastMetrics.MODEL), 1e-9, "the last value, carried");
                }
            }
        }
    }

    @Test
    void gapsAreFilledWithinTheirPartOrTheirWindowsLeftOut() {
        double[] y = wave(100);
        // training 0..69, held out 70..84, test 85..99
        y[10] = Double.NaN;
        y[11] = Double.NaN;
        y[69] = Double.NaN;
        y[90] = Double.NaN;
        ForecastData filled = new ForecastData(series(y), settings(5, 2, false, false, 8, false));
        assertEquals(y[9] + (y[12] - y[9]) / 3, filled.filledValue(10), 1e-12, "a straight line across the gap");
        assertEquals(y[68], filled.filledValue(69), "at the training part's end, its own last value (not a later one)");
        assertEquals(0, filled.skipped);
        ForecastMetrics m = new ForecastMetrics(filled, filled.testWindows(), new double[filled.testWindows().length][2]);
        assertEquals(2 * filled.testWindows().length - 2, m.count(), "the missing step is not scored (2 windows reach it)");

        ForecastData skipping = new ForecastData(series(y), settings(5, 2, false, false, 8, true));
        assertTrue(skipping.skipped > 0);
        List<Integer> kept = new java.util.ArrayList<>();
        for (int o : skipping.trainWindows()) {
            kept.add(o);
        }
        for (int o : filled.trainWindows()) {
            boolean gap = false;
            for (int t = o - 5; t < o + 2; t++) {
                gap |= y[t] != y[t];
            }
            assertEquals(!gap, kept.contains(o), "window " + o + " is left out exactly when it holds a gap");
        }
    }

    @Test
    void tooShortASeriesSaysHowLongItMustBe() {
        SettingException e = assertThrows(SettingException.class,
                () -> new ForecastData(series(wave(40)), settings(24, 11, false, false, 0, false)));
        assertEquals("data", e.field);
        assertTrue(e.getMessage().contains("has 40 values") && e.getMessage().contains("needs at least"), e.getMessage());
        int need = Integer.parseInt(e.getMessage().replaceAll(".*needs at least (\\d+).*", "$1"));
        new ForecastData(series(wave(need)), settings(24, 11, false, false, 0, false));
        SettingException r = assertThrows(SettingException.class, () -> new ForecastData(new ForecastSeries("two", List.of("y", "x"),
                new double[][] {wave(100), wave(100)}, series(wave(100)).times), settings(5, 2, true, false, 0, false)));
        assertEquals("mode", r.field);
    }

    static String read(String file) throws IOException {
        return Files.readString(Path.of("web", "data", file));
    }

    @Test
    void theBuiltInSeriesAndTheSeasonsTheySuggest() throws IOException {
        int[] lengths = {309, 2284, 732, 1461};
        int[][] seasons = {{10, 11}, {52, 52}, {12, 12}, {355, 370}};
        for (int i = 0; i < 4; i++) {
            ForecastCsv.BuiltIn b = ForecastCsv.BUILT_IN.get(i);
            ForecastSeries s = ForecastCsv.read(b, read(b.file()));
            assertEquals(lengths[i], s.length(), b.id());
            ForecastSettings fs = settings(b.window(), b.horizon(), false, b.change(), 0, false);
            ForecastData d = new ForecastData(s, fs);
            assertTrue(d.season >= seasons[i][0] && d.season <= seasons[i][1], b.id() + " suggests a season of " + d.season);
        }
        ForecastSeries co2 = ForecastCsv.read(ForecastCsv.builtIn("co2"), read("co2.csv"));
        assertEquals(59, co2.missing(0));
        assertEquals("1958-03-29", co2.time(0));
        ForecastSeries elnino = ForecastCsv.read(ForecastCsv.builtIn("elnino"), read("elnino.csv"));
        assertEquals("1950-02", elnino.time(1));
        assertEquals(24.2, elnino.value(1));
    }

    @Test
    void seattleReadsItsOtherColumnsBesideTheTemperatureAndNoneElse() throws IOException {
        ForecastCsv.BuiltIn b = ForecastCsv.builtIn("temperatures");
        ForecastSeries s = ForecastCsv.read(b, read(b.file()), List.of("temp_min", "wind"));
        assertEquals(List.of("temp_min", "wind"), s.extras());
        ForecastData d = new ForecastData(s, settings(b.window(), b.horizon(), false, false, 0, false));
        assertEquals(3, d.inputs());
        // 2012/01/02: temp_max 10.6, temp_min 2.8, wind 4.5
        assertArrayEquals(new double[] {10.6, 2.8, 4.5}, new double[] {s.values[0][1], s.values[1][1], s.values[2][1]});
        SettingException e = assertThrows(SettingException.class, () -> ForecastCsv.read(b, read(b.file()), List.of("weather")));
        assertEquals("'weather' is not a column of the daily Seattle highest temperature, 2012-2015 (degrees C) series to read"
                + " beside it (temp_min, precipitation, wind)", e.getMessage());
        ForecastCsv.BuiltIn co2 = ForecastCsv.builtIn("co2");
        e = assertThrows(SettingException.class, () -> ForecastCsv.read(co2, read(co2.file()), List.of("co2")));
        assertEquals("inputs", e.field);
    }

    /** Settings given as text by name. */
    static tearnn.settings.SettingValues given(String... nameValue) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return new tearnn.settings.SettingValues() {
            public boolean has(String name) {
                return m.containsKey(name);
            }

            public double number(String name) {
                return Double.parseDouble(m.get(name));
            }

            public String text(String name) {
                return m.get(name);
            }

            public Boolean flag(String name) {
                return Boolean.valueOf(m.get(name));
            }
        };
    }

    @Test
    void theSeriesChoosesTheDefaultsOfWindowHorizonModeAndWhatIsPredicted() {
        ForecastSettings co2 = ForecastSettings.read(given("series", "co2"));
        assertEquals(104, co2.window());
        assertEquals(52, co2.horizon());
        assertTrue(co2.change() && !co2.recursive());
        ForecastSettings sunspots = ForecastSettings.read(given("series", "sunspots"));
        assertTrue(sunspots.recursive() && !sunspots.change());
        assertEquals(22, sunspots.window());
        ForecastSettings typed = ForecastSettings.read(given("series", "co2", "window", "30", "predict", "level"));
        assertEquals(30, typed.window(), "a value given is kept");
        assertTrue(!typed.change());
        assertEquals(24, ForecastSettings.defaults().window(), "no series: the plain defaults");
    }

    @Test
    void aPersonsTableIsReadInDateOrderOrRefusedByLineAndColumn() {
        ForecastSeries s = ForecastCsv.table("day,sales,price\n2020-01-03,5,1\n2020-01-01,3,2\n2020/01/02,,3\n", "shop", "sales",
                List.of("price"), "day");
        assertEquals("2020-01-01", s.time(0));
        assertEquals(3, s.value(0));
        assertTrue(Double.isNaN(s.value(1)), "an empty field is a missing value");
        assertEquals(List.of("price"), s.extras());
        String[][] bad = {
            {"t,y\n1,2\n2,x\n", "line 3, column y: 'x' is not a number"},
            {"t,y\n1,2\n2\n", "line 3 has 1 fields, the header 2"},
            {"t,y\n1,2\n", "no column 'z' in the header (t, y)"},
            {"t,y\n2020-13-01,2\n", "line 2, column t: '2020-13-01' is not a date"},
            {"t,y\n2020-01-01,2\n2020-01-01,3\n", "line 3, column t: '2020-01-01' is the date of line 2 too"},
        };
        for (String[] b : bad) {
            SettingException e = assertThrows(SettingException.class,
                    () -> ForecastCsv.table(b[0], "t", b[1].contains("'z'") ? "z" : "y", List.of(), "t"));
            assertEquals("data", e.field);
            assertTrue(e.getMessage().startsWith(b[1]), e.getMessage());
        }
    }

    @Test
    void aRunSavesAndResumesWithTheSameBitsAndLearnsTheWave() {
        ForecastSeries s = series(wave(160));
        ForecastSettings fs = settings(16, 4, false, false, 0, false);
        ForecastTask t = new ForecastTask(s, fs);
        double before = t.heldOut().mase(ForecastMetrics.MODEL);
        t.train(37);
        String saved = ModelFile.write(t.saved());
        t.train(60);
        ForecastTask again = ForecastTask.resume(s, ModelFile.read(saved));
        assertEquals(37, again.steps());
        again.train(60);
        assertArrayEquals(t.model().params().value, again.model().params().value, "resumed, it goes on as it would have");
        double after = t.heldOut().mase(ForecastMetrics.MODEL);
        assertTrue(after < 0.5 * before, "the wave learnt: held-out MASE " + before + " -> " + after);
        SettingException e = assertThrows(SettingException.class, () -> ForecastTask.resume(series(wave(300)), ModelFile.read(saved)));
        assertEquals("model", e.field);
    }
}
