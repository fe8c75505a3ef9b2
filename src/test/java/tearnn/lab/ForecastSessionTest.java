package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;

/** The forecast panel through the page's protocol, on the JVM as in the worker. */
class ForecastSessionTest {
    final Lab lab = new Lab(() -> System.nanoTime() / 1e9);

    JsonObject ok(Lab l, String json) {
        JsonObject r = JsonObject.parse(l.handle(json), "reply");
        assertTrue(r.bool("ok"), () -> json + " -> " + r.map());
        return r;
    }

    @Test
    void sunspotsTrainAreScoredDrawnForecastFromAnyStepAndOpenedAgain() throws IOException {
        String text = LabTest.quote(Files.readString(Path.of("web", "data", "sunspots.csv")));
        String start = "\"settings\":{\"series\":\"sunspots\",\"hidden\":8},\"text\":" + text;
        JsonObject d = ok(lab, "{\"cmd\":\"forecast.new\"," + start + "}");
        JsonObject none = JsonObject.parse(lab.handle("{\"cmd\":\"forecast.best\"}"), "reply");
        assertFalse(none.bool("ok"), "no check, no best");
        assertEquals(309, d.integer("length"));
        assertEquals(216, d.integer("trainEnd"));
        assertEquals(263, d.integer("heldOutEnd"));
        assertEquals(22, d.integer("window"), "the series' window");
        assertEquals(11, d.integer("season"));
        assertEquals("recursive", d.object("settings").string("mode"));
        // a check counts at multiples of 50 steps, as the command line's do: one at step 30 keeps nothing
        ok(lab, "{\"cmd\":\"forecast.train\",\"steps\":30}");
        JsonObject early = ok(lab, "{\"cmd\":\"forecast.heldout\",\"test\":false}");
        assertFalse(early.has("test"), "a light check scores no test part");
        assertTrue(early.map().containsKey("best") && early.map().get("best") == null, "no check that counts yet");
        assertEquals("no held-out check yet: the first is at step 50",
                JsonObject.parse(lab.handle("{\"cmd\":\"forecast.best\"}"), "reply").string("error"));
        ok(lab, "{\"cmd\":\"forecast.train\",\"steps\":70}");
        JsonObject h = ok(lab, "{\"cmd\":\"forecast.heldout\"}");
        assertEquals(4, h.list("test").size());
        assertEquals(100, h.object("best").integer("step"), "the first check that counts is the best so far");
        ok(lab, "{\"cmd\":\"forecast.train\",\"steps\":1500}");
        JsonObject later = ok(lab, "{\"cmd\":\"forecast.heldout\"}");
        JsonObject best = ok(lab, "{\"cmd\":\"forecast.best\"}");
        assertEquals(later.object("best").integer("step"), best.integer("step"));
        assertTrue(best.number("mase") <= later.number("mase"), "the best check's MASE, at most this one's");
        Lab back = new Lab(() -> 0);
        JsonObject opened = ok(back, "{\"cmd\":\"forecast.load\",\"model\":" + LabTest.quote(best.string("model")) + "," + start + "}");
        assertEquals(best.integer("step"), opened.integer("steps"));
        assertEquals(best.number("mase"), ok(back, "{\"cmd\":\"forecast.heldout\"}").number("mase"), 1e-12, "that check's model");
        Lab reopened = new Lab(() -> 0);
        ok(reopened, "{\"cmd\":\"forecast.load\",\"model\":" + LabTest.quote(ok(lab, "{\"cmd\":\"forecast.save\"}").string("model"))
                + "," + start + "}");
        assertFalse(ok(reopened, "{\"cmd\":\"forecast.train\",\"steps\":1}").has("warning"),
                "a model opened after 1,600 steps is not said to stall after one");
        java.util.Map<?, ?> naive = (java.util.Map<?, ?>) later.list("test").get(1);
        assertEquals("seasonal naive", naive.get("method"));
        assertEquals(1.0, ((Number) naive.get("mase")).doubleValue(), 1e-12);
        JsonObject v = ok(lab, "{\"cmd\":\"forecast.view\"}");
        assertEquals(309, v.list("values").size());
        assertEquals("1700", v.list("times").get(0));
        assertEquals(null, v.list("fit").get(21), "no window fits before step 22");
        assertTrue(v.list("fit").get(22) instanceof Number);
        assertEquals(null, v.list("forecast").get(215), "forecasts begin at the training part's end");
        assertTrue(v.list("forecast").get(216) instanceof Number && v.list("forecast").get(308) instanceof Number);
        JsonObject f = ok(lab, "{\"cmd\":\"forecast.from\",\"origin\":309}");
        assertEquals(11, f.list("forecast").size(), "from the end: the next 11 years");
        assertEquals(((Number) v.list("values").get(308)).doubleValue(), f.number("last"));
        JsonObject bad = JsonObject.parse(lab.handle("{\"cmd\":\"forecast.from\",\"origin\":5}"), "reply");
        assertFalse(bad.bool("ok"));
        assertEquals("origin", bad.string("field"));

        String model = ok(lab, "{\"cmd\":\"forecast.save\"}").string("model");
        Lab other = new Lab(() -> 0);
        ok(other, "{\"cmd\":\"forecast.load\",\"model\":" + LabTest.quote(model) + "," + start + "}");
        assertEquals(lab.handle("{\"cmd\":\"forecast.from\",\"origin\":250}"), other.handle("{\"cmd\":\"forecast.from\",\"origin\":250}"));
        // on another series, refused saying so
        String co2 = LabTest.quote(Files.readString(Path.of("web", "data", "co2.csv")));
        JsonObject elsewhere = JsonObject.parse(new Lab(() -> 0).handle("{\"cmd\":\"forecast.load\",\"model\":" + LabTest.quote(model)
                + ",\"settings\":{\"series\":\"co2\"},\"text\":" + co2 + "}"), "reply");
        assertFalse(elsewhere.bool("ok"));
        assertEquals(List.of("model"), List.of(elsewhere.string("field")));
    }

    @Test
    void aTableOfOnesOwnWithItsColumnsChosen() {
        StringBuilder table = new StringBuilder("day,visits,rain\n");
        for (int t = 0; t < 120; t++) {
            table.append(String.format(java.util.Locale.ROOT, "2024-%02d-%02d,%.2f,%d%n", 1 + t / 28, 1 + t % 28,
                    50 + 10 * Math.sin(2 * Math.PI * t / 7) + 0.05 * t, t % 3));
        }
        String own = "\"settings\":{\"series\":\"own\",\"window\":14,\"horizon\":7},\"text\":" + LabTest.quote(table.toString())
                + ",\"textName\":\"shop.csv\",\"column\":\"visits\",\"dateColumn\":\"day\",\"inputs\":\"rain\"";
        JsonObject d = ok(lab, "{\"cmd\":\"forecast.new\"," + own + "}");
        assertEquals("shop.csv, visits", d.string("seriesName"));
        assertEquals(7, d.integer("season"), "the weekly cycle, suggested");
        assertEquals("own", d.object("settings").string("series"));
        ok(lab, "{\"cmd\":\"forecast.train\",\"steps\":20}");
        ok(lab, "{\"cmd\":\"forecast.heldout\"}");
        JsonObject v = ok(lab, "{\"cmd\":\"forecast.view\"}");
        assertEquals("2024-01-01", v.list("times").get(0));
        ok(lab, "{\"cmd\":\"forecast.from\",\"origin\":120}");
        // a week that repeats to the digit: the seasonal naive is exact, and no MASE can be given
        String exact = own.replace("\"inputs\":\"rain\"", "\"inputs\":\"\"");
        StringBuilder repeating = new StringBuilder("day,visits,rain\n");
        for (int t = 0; t < 120; t++) {
            repeating.append(String.format(java.util.Locale.ROOT, "2024-%02d-%02d,%d,0%n", 1 + t / 28, 1 + t % 28, 40 + (t % 7) * 3));
        }
        ok(lab, "{\"cmd\":\"forecast.new\"," + exact.replace(LabTest.quote(table.toString()), LabTest.quote(repeating.toString())) + "}");
        JsonObject h = ok(lab, "{\"cmd\":\"forecast.heldout\"}");
        assertEquals(null, h.get("mase"));
        assertEquals(0.0, ((Number) ((java.util.Map<?, ?>) h.list("test").get(1)).get("mae")).doubleValue(), "the seasonal naive, exact");
        JsonObject none = JsonObject.parse(lab.handle("{\"cmd\":\"forecast.new\",\"settings\":{\"series\":\"own\"},\"text\":\"a,b\\n1,2\\n\"}"),
                "reply");
        assertEquals("column", none.string("field"));
        JsonObject recursive = JsonObject.parse(lab.handle("{\"cmd\":\"forecast.new\"," + own.replace("\"horizon\":7", "\"horizon\":7,\"mode\":\"recursive\"")
                + "}"), "reply");
        assertEquals("mode", recursive.string("field"), "extra inputs cannot be fed back");
    }
}
