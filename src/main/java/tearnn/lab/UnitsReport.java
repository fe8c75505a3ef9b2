package tearnn.lab;

import java.util.ArrayList;
import java.util.List;
import tearnn.json.JsonWriter;
import tearnn.model.Trace;

/**
 * What the units of one layer do over a text, for the page's units-and-gates view: the chosen
 * unit's value of h, c or a gate at every token; every unit's score on it (how much it varies: the
 * standard deviation over the text; how often it is saturated: |h| above 0.9, or a gate below 0.1 or
 * above 0.9), so that a person finds the interesting ones; and per gate and unit the fraction of
 * tokens at which the gate is nearly shut (below 0.1) and nearly open (above 0.9), Karpathy et al.
 * 2015's saturation plot.
 */
final class UnitsReport {
    private UnitsReport() {
    }

    /** What a layer can show: h, c (LSTM), then its gates. */
    static List<String> shows(Trace tr) {
        List<String> out = new ArrayList<>();
        out.add("h");
        if (tr.layer(0).c() != null) {
            out.add("c");
        }
        out.addAll(List.of(tr.gateNames()));
        return out;
    }

    /** Writes the report of {@code layer} (0-based) showing {@code show} for unit {@code unit}. */
    static void write(Trace tr, int layer, String show, int unit, JsonWriter out) {
        List<String> shows = shows(tr);
        if (layer < 0 || layer >= tr.layers()) {
            throw new IllegalArgumentException("layer " + (layer + 1) + " does not exist: the model has " + tr.layers());
        }
        if (!shows.contains(show)) {
            throw new IllegalArgumentException("'" + show + "' is not one of " + String.join(", ", shows));
        }
        int h = tr.hidden();
        if (unit < 0 || unit >= h) {
            throw new IllegalArgumentException("unit " + unit + " does not exist: the layer has " + h + " (0 to " + (h - 1) + ")");
        }
        int steps = tr.steps();
        double[] values = values(tr.layer(layer), tr.gateNames(), show);
        out.name("shows").beginArray();
        for (String s : shows) {
            out.value(s);
        }
        out.endArray();
        out.name("layers").value(tr.layers()).name("hidden").value(h);
        double[] series = new double[steps];
        for (int t = 0; t < steps; t++) {
            series[t] = values[t * h + unit];
        }
        out.name("values").array(series, 0, steps);
        // a gate is 0 to 1; h and the candidates (g, n) -1 to 1; c has no bound (no saturation)
        boolean gate = !show.equals("h") && !show.equals("c") && !show.equals("g") && !show.equals("n");
        double[] spread = new double[h];
        double[] saturation = new double[h];
        for (int j = 0; j < h; j++) {
            double sum = 0;
            double squares = 0;
            int saturated = 0;
            for (int t = 0; t < steps; t++) {
                double v = values[t * h + j];
                sum += v;
                squares += v * v;
                if (gate ? v < 0.1 || v > 0.9 : Math.abs(v) > 0.9) {
                    saturated++;
                }
            }
            double mean = sum / steps;
            spread[j] = Math.sqrt(Math.max(0, squares / steps - mean * mean));
            saturation[j] = show.equals("c") ? 0 : (double) saturated / steps;
        }
        out.name("spread").array(spread, 0, h).name("saturation").array(saturation, 0, h);
        out.name("gates").beginArray();
        String[] names = tr.gateNames();
        for (int g = 0; g < names.length; g++) {
            if (names[g].equals("g") || names[g].equals("n")) {
                continue; // candidates, not gates
            }
            double[] low = new double[h];
            double[] high = new double[h];
            double[] a = tr.layer(layer).gates()[g];
            for (int j = 0; j < h; j++) {
                for (int t = 0; t < steps; t++) {
                    double v = a[t * h + j];
                    if (v < 0.1) {
                        low[j]++;
                    } else if (v > 0.9) {
                        high[j]++;
                    }
                }
                low[j] /= steps;
                high[j] /= steps;
            }
            out.beginObject().name("name").value(names[g]).name("low").array(low, 0, h).name("high").array(high, 0, h).endObject();
        }
        out.endArray();
    }

    private static double[] values(Trace.Layer layer, String[] gateNames, String show) {
        if (show.equals("h")) {
            return layer.h();
        }
        if (show.equals("c")) {
            return layer.c();
        }
        return layer.gates()[List.of(gateNames).indexOf(show)];
    }
}
