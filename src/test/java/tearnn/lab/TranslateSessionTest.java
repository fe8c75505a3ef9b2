package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;

/** The translate panel through the page's protocol, on the JVM as in the worker. */
class TranslateSessionTest {
    final Lab lab = new Lab(() -> System.nanoTime() / 1e9);

    JsonObject ok(String json) {
        JsonObject r = JsonObject.parse(lab.handle(json), "reply");
        assertTrue(r.bool("ok"), () -> json + " -> " + r.map());
        return r;
    }

    JsonObject refused(String json) {
        JsonObject r = JsonObject.parse(lab.handle(json), "reply");
        assertFalse(r.bool("ok"), () -> json + " -> " + r.map());
        return r;
    }

    @Test
    void aReversalTrainsIsScoredTranslatesAndOpensAgain() {
        JsonObject d = ok("{\"cmd\":\"translate.new\",\"settings\":{\"task\":\"reverse\",\"length\":4,\"cell\":\"gru\",\"hidden\":32,"
                + "\"lr\":0.01}}");
        assertEquals("reverse", d.string("task"));
        assertEquals("0123456789", d.string("alphabet"));
        assertEquals(4, d.integer("longest"));
        assertEquals("additive", d.string("attention"));
        for (int i = 0; i < 8; i++) {
            JsonObject r = ok("{\"cmd\":\"translate.train\",\"steps\":50}");
            assertEquals(32.0 * r.integer("steps"), r.number("sequences"));
        }
        JsonObject h = ok("{\"cmd\":\"translate.heldout\"}");
        assertTrue(h.number("exactMatch") > 0.9, "exact match " + h.number("exactMatch"));
        assertTrue(h.number("perCharacter") >= h.number("exactMatch") - 1e-12);
        assertEquals(4, h.list("exactByLength").size(), "lengths 1 to 4");
        JsonObject quick = ok("{\"cmd\":\"translate.heldout\",\"examples\":100}");
        assertTrue(quick.number("exactMatch") * 100 == Math.rint(quick.number("exactMatch") * 100), "a share of 100");

        JsonObject t = ok("{\"cmd\":\"translate.translate\",\"text\":\"2468\",\"beam\":3}");
        assertEquals("8642", t.string("output"));
        assertEquals(5, t.list("attention").size(), "four digits and the end");
        JsonObject e = ok("{\"cmd\":\"translate.translate\",\"example\":7}");
        assertEquals(new StringBuilder(e.string("source")).reverse().toString(), e.string("target"));

        JsonObject bad = refused("{\"cmd\":\"translate.translate\",\"text\":\"12x\"}");
        assertTrue(bad.string("error").startsWith("'x' (character 3) is not one this task reads"), bad.string("error"));
        assertEquals("examples", refused("{\"cmd\":\"translate.heldout\",\"examples\":0}").string("field"));

        // saved and opened: the same translator
        String model = ok("{\"cmd\":\"translate.save\"}").string("model");
        Lab other = new Lab(() -> 0);
        JsonObject r = JsonObject.parse(other.handle("{\"cmd\":\"translate.load\",\"model\":" + LabTest.quote(model) + "}"), "reply");
        assertTrue(r.bool("ok"), r.map().toString());
        String ask = "{\"cmd\":\"translate.translate\",\"example\":3,\"beam\":2}";
        assertEquals(lab.handle(ask), other.handle(ask));
    }

    @Test
    void anotherPanelsFileIsNotATranslator() {
        ok("{\"cmd\":\"adder.new\",\"settings\":{}}");
        String adder = ok("{\"cmd\":\"adder.save\"}").string("model");
        JsonObject r = refused("{\"cmd\":\"translate.load\",\"model\":" + LabTest.quote(adder) + "}");
        assertEquals("model", r.string("field"));
        assertEquals("attention", refused("{\"cmd\":\"translate.new\",\"settings\":{\"attention\":\"sideways\"}}").string("field"));
    }
}
