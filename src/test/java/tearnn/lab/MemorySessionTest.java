package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;

/** The memory panel through the page's protocol, on the JVM as in the worker. */
class MemorySessionTest {
    final Lab lab = new Lab(() -> System.nanoTime() / 1e9);

    JsonObject ok(String json) {
        JsonObject r = JsonObject.parse(lab.handle(json), "reply");
        assertTrue(r.bool("ok"), () -> json + " -> " + r.map());
        return r;
    }

    @Test
    void theAddingProblemTrainsIsScoredAndDrawn() {
        JsonObject d = ok("{\"cmd\":\"memory.new\",\"settings\":{\"task\":\"adding\",\"length\":10,\"cell\":\"gru\",\"hidden\":16,\"lr\":0.01}}");
        assertEquals("adding", d.string("task"));
        assertEquals(1.0 / 6, d.number("baseline"), 1e-12);
        assertEquals("mse", d.string("measure"));
        double before = ok("{\"cmd\":\"memory.heldout\"}").number("measure");
        boolean solved = false;
        for (int i = 0; i < 60 && !solved; i++) {
            JsonObject r = ok("{\"cmd\":\"memory.train\",\"steps\":50}");
            assertEquals(32.0 * r.integer("steps"), r.number("sequences"));
            solved = ok("{\"cmd\":\"memory.heldout\"}").bool("solved");
        }
        JsonObject h = ok("{\"cmd\":\"memory.heldout\"}");
        assertTrue(solved && h.number("measure") < 0.01, "held-out mse " + before + " -> " + h.number("measure"));
        JsonObject e = ok("{\"cmd\":\"memory.example\",\"sequence\":3}");
        assertEquals(10, e.list("inputs").size());
        assertEquals(1, e.list("target").size());
        // saved and opened: the same run
        String model = ok("{\"cmd\":\"memory.save\"}").string("model");
        Lab other = new Lab(() -> 0);
        JsonObject r = JsonObject.parse(other.handle("{\"cmd\":\"memory.load\",\"model\":" + LabTest.quote(model) + "}"), "reply");
        assertTrue(r.bool("ok"), r.map().toString());
        assertEquals(lab.handle("{\"cmd\":\"memory.example\",\"sequence\":5}"), other.handle("{\"cmd\":\"memory.example\",\"sequence\":5}"));
    }

    @Test
    void copyMemoryDrawsItsSymbolsAndBadSettingsAreNamed() {
        ok("{\"cmd\":\"memory.new\",\"settings\":{\"task\":\"copy\",\"length\":5,\"symbols\":3,\"hidden\":8}}");
        ok("{\"cmd\":\"memory.train\",\"steps\":2}");
        JsonObject e = ok("{\"cmd\":\"memory.example\"}");
        assertEquals(11, e.list("symbols").size(), "T + 2K");
        assertEquals(List.of("_", "_", "_", "_", "_", "_", "_", "_"), e.list("targetSymbols").subList(0, 8));
        JsonObject bad = JsonObject.parse(lab.handle("{\"cmd\":\"memory.new\",\"settings\":{\"task\":\"copy\",\"length\":5,\"symbols\":9}}"), "reply");
        assertFalse(bad.bool("ok"));
        assertEquals("symbols", bad.string("field"));
        assertTrue(bad.string("error").contains("at most as many symbols as the gap is long (5)"), bad.string("error"));
        // an adder's file is not a memory model
        ok("{\"cmd\":\"adder.new\",\"settings\":{}}");
        String adder = ok("{\"cmd\":\"adder.save\"}").string("model");
        JsonObject refused = JsonObject.parse(lab.handle("{\"cmd\":\"memory.load\",\"model\":" + LabTest.quote(adder) + "}"), "reply");
        assertFalse(refused.bool("ok"));
        assertEquals("model", refused.string("field"));
    }
}
