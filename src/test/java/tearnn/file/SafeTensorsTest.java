package tearnn.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Model;
import tearnn.model.OutputLayer;
import tearnn.model.State;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;
import tearnn.train.Trainer;

/** The .safetensors form: exact, resumable like the JSON form, laid out as the format says, bad files named. */
class SafeTensorsTest {
    static long headerLength(byte[] b) {
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (b[i] & 0xff);
        }
        return n;
    }

    static JsonObject header(byte[] b) {
        return JsonObject.parse(new String(b, 8, (int) headerLength(b), StandardCharsets.UTF_8), "header");
    }

    @Test
    void aResumedRunFromSafetensorsEqualsAnUninterruptedOne() {
        for (Architecture arch : List.of(ModelFileTest.arch(), ModelFileTest.arch().withOutput(OutputLayer.adaptive(3)))) {
            Model a = new Model(arch, 42);
            Trainer ta = ModelFileTest.trainer(a, "adam");
            State sa = a.newState(ModelFileTest.B);
            ModelFileTest.run(ta, sa, new Rng(1), 20);

            Model b = new Model(arch, 42);
            Trainer tb = ModelFileTest.trainer(b, "adam");
            State sb = b.newState(ModelFileTest.B);
            Rng db = new Rng(1);
            ModelFileTest.run(tb, sb, db, 9);
            SavedModel saved = new SavedModel(b, tb);
            saved.putGenerator("data", db);
            saved.vocabulary = new Vocabulary(List.of("<unk>", "a", "b", "c", "d", "e", "f"));
            saved.tokenizer = Tokenizer.preTokenized();
            byte[] bytes = SafeTensors.write(saved, true);
            SavedModel loaded = SafeTensors.read(bytes);
            assertArrayEquals(b.params().value, loaded.model.params().value, "every weight, bit for bit");
            assertEquals(saved.vocabulary.tokens(), loaded.vocabulary.tokens());
            assertTrue(loaded.tokenizer.splitsOnSpaces());
            ModelFileTest.run(loaded.trainer, sb, loaded.generator("data"), 11);
            assertArrayEquals(a.params().value, loaded.model.params().value, arch.output() + ": weights after resume");
        }
    }

    @Test
    void laidOutAsTheFormatSays() {
        Model m = new Model(ModelFileTest.arch(), 3);
        byte[] bytes = SafeTensors.write(new SavedModel(m), false);
        long n = headerLength(bytes);
        assertEquals(0, n % 8, "the header is padded to 8 bytes");
        JsonObject h = header(bytes);
        assertTrue(h.object("__metadata__").string("tearnn").startsWith("{\"format\":\"tearnn-model/1\""));
        JsonObject w = h.object("rnn.weight_hh_l1");
        assertEquals("F64", w.string("dtype"));
        assertEquals(List.of(32.0, 8.0), w.list("shape"));
        List<?> range = w.list("data_offsets");
        int begin = 8 + (int) n + ((Number) range.get(0)).intValue();
        int end = 8 + (int) n + ((Number) range.get(1)).intValue();
        assertEquals(32 * 8 * 8, end - begin);
        double first = Double.longBitsToDouble(java.nio.ByteBuffer.wrap(bytes, begin, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
        assertEquals(m.params().value[m.params().find("rnn.weight_hh_l1").offset()], first, 0.0);
        assertEquals(8 + n + 8L * m.params().size(), bytes.length, "weights only, no optimizer state");
        // smaller than the JSON form
        assertTrue(bytes.length < ModelFile.write(new SavedModel(m)).length(), "compact");
    }

    @Test
    void badFilesAreNamed() {
        Model m = new Model(ModelFileTest.arch(), 3);
        byte[] ok = SafeTensors.write(new SavedModel(m), false);
        assertEquals(".safetensors file: 3 bytes, too short for its header length", error(new byte[3]));
        byte[] huge = ok.clone();
        huge[6] = 1;
        assertTrue(error(huge).endsWith("this is not a .safetensors file"), error(huge));
        byte[] cut = Arrays.copyOf(ok, ok.length - 8);
        assertTrue(error(cut).startsWith(".safetensors file: tensor \"fc.bias\": its bytes"), error(cut));
        String text = new String(ok, StandardCharsets.ISO_8859_1);
        byte[] bare = text.replace("\"tearnn\":", "\"tearnx\":").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(error(bare).startsWith(".safetensors file: no tearnn model in its metadata"), error(bare));
        byte[] f16 = text.replaceFirst("\"F64\"", "\"F16\"").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(".safetensors file: tensor \"embedding.weight\" is F16; tearnn reads F64 and F32", error(f16));
    }

    private static String error(byte[] b) {
        return assertThrows(IllegalArgumentException.class, () -> SafeTensors.read(b)).getMessage();
    }
}
