package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;

/** The classify panel's own tables through the page's protocol: texts and numbers, and what is refused. */
class ClassifySessionTest {
    final Lab lab = new Lab(() -> System.nanoTime() / 1e9);

    JsonObject reply(String json, boolean ok) {
        JsonObject r = JsonObject.parse(lab.handle(json), "reply");
        assertEquals(ok, r.bool("ok"), () -> json.substring(0, Math.min(json.length(), 300)) + " -> " + r.map());
        return r;
    }

    static String own(String table, String fields) {
        return "{\"cmd\":\"classify.new\",\"settings\":{\"data\":\"own\",\"hidden\":16},\"text\":" + LabTest.quote(table)
                + ",\"textName\":\"mine.csv\"" + fields + "}";
    }

    @Test
    void aTableOfTextsTrainsSaysWhyAndOpensAgain() {
        String table = tearnn.testing.MadeUpReviews.of(300, 4);
        JsonObject d = reply(own(table, ",\"label\":\"label\",\"input\":\"text\",\"textColumn\":\"review\",\"tokens\":\"words\""), true);
        assertTrue(d.bool("text"));
        assertEquals("mine.csv, review by words", d.string("dataName"));
        for (int i = 0; i < 4; i++) {
            reply("{\"cmd\":\"classify.train\",\"steps\":30}", true);
        }
        assertTrue(reply("{\"cmd\":\"classify.heldout\"}", true).number("accuracy") > 0.9);
        JsonObject why = reply("{\"cmd\":\"classify.explain\",\"text\":\"A really dull story\"}", true);
        assertEquals(List.of("a", "really", "dull", "story"), why.list("tokens"));
        assertEquals("neg", why.string("said"));
        assertEquals(4, why.list("connectivity").size());
        JsonObject held = reply("{\"cmd\":\"classify.explain\",\"example\":2}", true);
        assertTrue(held.has("label") && held.has("tokens") && !held.has("values"));
        JsonObject cell = reply("{\"cmd\":\"classify.cell\",\"label\":0,\"said\":0,\"limit\":3}", true);
        JsonObject first = new JsonObject(cell.list("mistakes").get(0), "example");
        assertTrue(first.string("text").endsWith(", truly."), "a text is shown as written: " + first.string("text"));
        // the units over a held-out text: a value a token, a score a unit, the GRU's gates
        JsonObject units = reply("{\"cmd\":\"classify.units\",\"example\":2,\"show\":\"z\",\"unit\":3}", true);
        assertEquals(held.list("tokens"), units.list("tokens"));
        assertEquals(units.list("tokens").size(), units.list("values").size());
        assertEquals(List.of("h", "r", "z", "n"), units.list("shows"));
        assertEquals(16, units.list("spread").size());
        assertEquals("example", reply("{\"cmd\":\"classify.units\",\"example\":100}", false).string("field"));
        assertEquals("values", reply("{\"cmd\":\"classify.explain\",\"values\":[1,2]}", false).string("field"));
        assertEquals("text", reply("{\"cmd\":\"classify.explain\",\"text\":\"  \"}", false).string("field"));

        String model = reply("{\"cmd\":\"classify.save\"}", true).string("model");
        assertTrue(model.contains("\"classes\":[") && model.contains("\"vocabulary\":{\"level\":\"word\""));
        Lab other = new Lab(() -> 0);
        JsonObject r = JsonObject.parse(other.handle("{\"cmd\":\"classify.load\",\"model\":" + LabTest.quote(model)
                + ",\"settings\":{\"data\":\"own\"},\"text\":" + LabTest.quote(table)
                + ",\"label\":\"label\",\"input\":\"text\",\"textColumn\":\"review\"}"), "reply");
        assertTrue(r.bool("ok"), r.map().toString());
        String ask = "{\"cmd\":\"classify.explain\",\"text\":\"quite a superb film\"}";
        assertEquals(lab.handle(ask), other.handle(ask));
    }

    @Test
    void aTableOfNumbersByRowOrById() {
        String rows = "a,b,kind\n1,2,x\n2,1,y\n1,3,x\n3,1,y\n1,4,x\n4,1,y\n";
        JsonObject d = reply(own(rows, ",\"label\":\"kind\",\"input\":\"row\""), true);
        assertFalse(d.bool("text"));
        assertEquals(2, d.integer("maxSteps"), "a row's two numbers, a step each");
        assertEquals(List.of("1", "2"), reply("{\"cmd\":\"classify.units\",\"example\":0}", true).list("tokens"),
                "a step of numbers is named by its number");
        String grouped = "id,v,kind\np,1,x\np,2,x\nq,5,y\nr,1,x\ns,6,y\ns,7,y\n";
        JsonObject g = reply(own(grouped, ",\"label\":\"kind\",\"input\":\"id\",\"id\":\"id\""), true);
        assertEquals("mine.csv, the rows of each id", g.string("dataName"));
        assertEquals(2, g.integer("maxSteps"));
    }

    @Test
    void whatAnOwnTableLacksIsNamed() {
        String rows = "a,kind\n1,x\n2,y\n3,x\n4,y\n";
        assertEquals("data", reply(own(" ", ",\"label\":\"kind\""), false).string("field"));
        assertEquals("label", reply(own(rows, ""), false).string("field"));
        assertEquals("input", reply(own(rows, ",\"label\":\"kind\",\"input\":\"sideways\""), false).string("field"));
        assertEquals("textColumn", reply(own(rows, ",\"label\":\"kind\",\"input\":\"text\""), false).string("field"));
        assertEquals("id", reply(own(rows, ",\"label\":\"kind\",\"input\":\"id\""), false).string("field"));
        assertEquals("tokens", reply(own(rows, ",\"label\":\"kind\",\"input\":\"text\",\"textColumn\":\"a\",\"tokens\":\"bytes\""), false)
                .string("field"));
        JsonObject bad = reply(own("a,kind\n1,x\nzz,y\n3,x\n4,y\n", ",\"label\":\"kind\""), false);
        assertEquals("data", bad.string("field"));
        assertEquals("line 3, column a: 'zz' is not a number", bad.string("error"));
    }
}
