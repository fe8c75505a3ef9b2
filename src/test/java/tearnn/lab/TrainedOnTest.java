package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.file.SafeTensors;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.text.TextOrigin;

/**
 * A word model remembers the text it was last trained on (name, length, fingerprint), in every form
 * of its file; opened on another text, the engine says so (and the page asks before it trains), and
 * only a step on the new text makes it the text the model was trained on.
 */
class TrainedOnTest {
    static final String TEXT = "the cat sat on the mat . the dog sat on the log . ".repeat(40);
    static final String OTHER = "a bird flew over the house . a fish swam under the boat . ".repeat(40);

    @Test
    void aFingerprintTellsTextsApartWhateverTheirNames() {
        assertEquals("811c9dc5", TextOrigin.of("empty", "").fingerprint(), "FNV-1a's offset basis for no characters");
        assertEquals("e40c292c", TextOrigin.of("a", "a").fingerprint(), "FNV-1a of one character, as its reference gives it");
        TextOrigin a = TextOrigin.of("mine.txt", TEXT);
        assertTrue(a.sameText(TextOrigin.of("renamed.txt", TEXT)), "a name is only said");
        assertFalse(a.sameText(TextOrigin.of("mine.txt", TEXT.replaceFirst("mat", "hat"))), "one word changed");
        assertFalse(a.sameText(TextOrigin.of("mine.txt", TEXT + " ")), "one character more");
        assertFalse(a.sameText(null));
        assertThrows(IllegalArgumentException.class, () -> new TextOrigin("x", 3, "not hex!"));
    }

    @Test
    void theTextGoesIntoEveryFormOfTheFileAndComesBack() {
        Lab lab = new Lab(() -> 0);
        ok(lab, "{\"cmd\":\"word.new\",\"settings\":{\"hidden\":8,\"embedding\":4,\"bptt\":5,\"batch\":2},\"textName\":\"cats.txt\",\"text\":"
                + LabTest.quote(TEXT) + "}");
        ok(lab, "{\"cmd\":\"word.train\",\"steps\":2}");
        TextOrigin expected = TextOrigin.of("cats.txt", TEXT);
        assertEquals(expected, ModelFile.read(ok(lab, "{\"cmd\":\"word.save\"}").string("model")).trainedOn);
        assertEquals(expected, ModelFile.unpack(lab.pack("word", true)).trainedOn);
        assertEquals(expected, SafeTensors.read(lab.safeTensors("word")).trainedOn);
        StringBuilder pieces = new StringBuilder();
        lab.modelFile("word", 64, (text, done) -> pieces.append(text));
        assertEquals(expected, ModelFile.read(pieces.toString()).trainedOn);

        // a file that does not say: read as not said
        SavedModel saved = ModelFile.read(ok(lab, "{\"cmd\":\"word.save\"}").string("model"));
        saved.trainedOn = null;
        assertEquals(null, ModelFile.read(ModelFile.write(saved)).trainedOn);
        // a broken block is named
        String broken = ModelFile.write(withOrigin(saved)).replace("\"fingerprint\":\"", "\"fingerprint\":\"x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(broken));
        assertTrue(e.getMessage().contains("corpus"), e.getMessage());
    }

    private static SavedModel withOrigin(SavedModel s) {
        s.trainedOn = TextOrigin.of("cats.txt", TEXT);
        return s;
    }

    @Test
    void openedOnAnotherTextItSaysSoUntilItTakesAStepThere() {
        Lab lab = new Lab(() -> 0);
        String settings = "\"settings\":{\"hidden\":8,\"embedding\":4,\"bptt\":5,\"batch\":2}";
        ok(lab, "{\"cmd\":\"word.new\"," + settings + ",\"textName\":\"cats.txt\",\"text\":" + LabTest.quote(TEXT) + "}");
        ok(lab, "{\"cmd\":\"word.train\",\"steps\":2}");
        String model = LabTest.quote(ok(lab, "{\"cmd\":\"word.save\"}").string("model"));

        Lab same = new Lab(() -> 0);
        JsonObject r = ok(same, "{\"cmd\":\"word.load\",\"model\":" + model + ",\"textName\":\"copy.txt\",\"text\":" + LabTest.quote(TEXT) + "}");
        assertEquals("cats.txt", r.object("trainedOn").string("name"));
        assertTrue(r.object("trainedOn").bool("same"), "the same text under another name");

        Lab other = new Lab(() -> 0);
        r = ok(other, "{\"cmd\":\"word.load\",\"model\":" + model + ",\"textName\":\"birds.txt\",\"text\":" + LabTest.quote(OTHER) + "}");
        JsonObject on = r.object("trainedOn");
        assertEquals("cats.txt", on.string("name"));
        assertEquals(TEXT.length(), on.integer("characters"));
        assertFalse(on.bool("same"));
        assertTrue(r.number("unknownRate") > 0.5, "most of the birds are words the model does not know: " + r.number("unknownRate"));
        // kept or saved before a step there: still the cats' model
        assertEquals("cats.txt", ModelFile.read(ok(other, "{\"cmd\":\"word.save\"}").string("model")).trainedOn.name());
        ok(other, "{\"cmd\":\"word.train\",\"steps\":1}");
        TextOrigin now = ModelFile.read(ok(other, "{\"cmd\":\"word.save\"}").string("model")).trainedOn;
        assertEquals(TextOrigin.of("birds.txt", OTHER), now, "a step on the birds: trained on them last");
        assertNotEquals(TextOrigin.of("cats.txt", TEXT), now);

        // the built-in grammar has a name of its own
        Lab grammar = new Lab(() -> 0);
        assertEquals("the built-in grammar", ok(grammar, "{\"cmd\":\"word.new\",\"settings\":{}}").object("trainedOn").string("name"));
    }

    private static JsonObject ok(Lab lab, String request) {
        JsonObject r = JsonObject.parse(lab.handle(request), "reply");
        assertTrue(r.bool("ok"), () -> request + " -> " + r.map());
        return r;
    }
}
