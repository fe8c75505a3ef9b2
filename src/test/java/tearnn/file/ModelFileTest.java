package tearnn.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.OutputLayer;
import tearnn.model.State;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;
import tearnn.train.Trainer;

/** Save and load: a resumed run equals an uninterrupted one bit for bit; bad files are named. */
class ModelFileTest {
    static final int T = 6;
    static final int B = 4;
    static final int V = 7;

    static Architecture arch() {
        return Architecture.ofTokens(V, 5, CellType.LSTM, 8).withLayers(2).withDropout(0.2);
    }

    static Trainer trainer(Model m, String optimizer) {
        Trainer t = new Trainer(m, OptimizerKind.parse(optimizer).create(m.params().size()), Schedule.cosine(0.01, 40, 0.001));
        t.setClipNorm(1.0);
        t.setTruncate(3);
        return t;
    }

    static Batch nextBatch(Rng data) {
        int[] tok = new int[T * B];
        int[] cls = new int[T * B];
        for (int i = 0; i < tok.length; i++) {
            tok[i] = data.nextInt(V);
            cls[i] = (tok[i] * 3 + 1) % V;
        }
        return Batch.ofTokens(T, B, tok, cls);
    }

    static void run(Trainer t, State s, Rng data, int steps) {
        for (int i = 0; i < steps; i++) {
            t.step(nextBatch(data), s);
        }
    }

    @Test
    void resumedRunEqualsUninterruptedRun() {
        for (String opt : new String[] {"sgd", "adagrad", "rmsprop", "adam", "adamw"}) {
            Model a = new Model(arch(), 42);
            Trainer ta = trainer(a, opt);
            State sa = a.newState(B);
            Rng da = new Rng(1);
            run(ta, sa, da, 20);

            Model b = new Model(arch(), 42);
            Trainer tb = trainer(b, opt);
            State sb = b.newState(B);
            Rng db = new Rng(1);
            run(tb, sb, db, 9);
            SavedModel saved = new SavedModel(b, tb);
            saved.putGenerator("data", db);
            String json = ModelFile.write(saved);

            SavedModel loaded = ModelFile.read(json);
            Rng dc = loaded.generator("data");
            // the recurrent state is part of the training loop: carried over here as a caller would
            run(loaded.trainer, sb, dc, 11);
            assertArrayEquals(a.params().value, loaded.model.params().value, opt + ": weights after resume");
            assertEquals(ModelFile.write(withTrainer(a, ta)), ModelFile.write(withTrainer(loaded.model, loaded.trainer)));
        }
    }

    static SavedModel withTrainer(Model m, Trainer t) {
        return new SavedModel(m, t);
    }

    @Test
    void roundTripKeepsEveryBitAndTheVocabulary() {
        Model m = new Model(arch(), 3);
        SavedModel s = new SavedModel(m);
        s.vocabulary = new Vocabulary(List.of("<unk>", "a", "b", "c", ".", "\"quoted\"", "\u00e9t\u00e9"));
        s.tokenizer = new Tokenizer(false, true);
        SavedModel r = ModelFile.read(ModelFile.write(s));
        assertArrayEquals(m.params().value, r.model.params().value);
        assertEquals(s.vocabulary.tokens(), r.vocabulary.tokens());
        assertEquals(arch(), r.model.architecture());
    }

    @Test
    void anAdaptiveSoftmaxSavesLoadsAndContinuesExactly() {
        Architecture adaptive = arch().withOutput(new OutputLayer(true, new int[] {2, 5}, 2.0, true));
        Model a = new Model(adaptive, 42);
        Trainer ta = trainer(a, "adam");
        State sa = a.newState(B);
        run(ta, sa, new Rng(1), 12);

        Model b = new Model(adaptive, 42);
        Trainer tb = trainer(b, "adam");
        State sb = b.newState(B);
        Rng db = new Rng(1);
        run(tb, sb, db, 5);
        SavedModel saved = new SavedModel(b, tb);
        saved.vocabulary = new Vocabulary(List.of("<unk>", "the", "<eos>", "N", "'s", "cat", "Dog"));
        saved.tokenizer = Tokenizer.preTokenized();
        String json = ModelFile.write(saved);
        assertTrue(json.contains("\"output\":{\"kind\":\"adaptive\",\"cutoffs\":[2,5],\"div_value\":2,\"head_bias\":true}"), json);
        assertTrue(json.contains("\"fc.tail.1.1.weight\""), json);
        SavedModel loaded = ModelFile.read(json);
        assertEquals(adaptive, loaded.model.architecture());
        assertTrue(loaded.tokenizer.splitsOnSpaces(), "the pre-tokenized split is kept");
        run(loaded.trainer, sb, db, 7);
        assertArrayEquals(a.params().value, loaded.model.params().value, "weights after resume");
    }

    static String valid() {
        return ModelFile.write(new SavedModel(new Model(Architecture.ofTokens(3, 0, CellType.GRU, 2), 1)));
    }

    static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ModelFile.read(text)).getMessage();
    }

    @Test
    void badFilesAreRejectedWithTheProblemNamed() {
        String ok = valid();
        ModelFile.read(ok);
        assertEquals("model file: unknown format version 'tearnn-model/9' (this build reads tearnn-model/1)",
                error(ok.replace("tearnn-model/1", "tearnn-model/9")));
        assertEquals("model file: missing tensor \"fc.bias\" (shape [3])",
                error(ok.replace("\"fc.bias\"", "\"fc.bias_old\"")));
        assertTrue(error(ok.replace("\"fc.bias\":", "\"fc.extra\":[1,2,3],\"fc.bias\":"))
                .contains("unexpected tensor \"fc.extra\""));
        assertTrue(error(ok.replace("\"hidden_size\":2", "\"hidden_size\":3"))
                .startsWith("model file: tensor \"rnn.weight_ih_l0\" has shape [6, 3], expected [9, 3]"));
        assertTrue(error(ok.replaceFirst("\\[\\[([-0-9.E]+),", "[[NaN,"))
                .contains("non-finite number (JSON cannot hold NaN or Infinity)"));
        assertTrue(error(ok.replaceFirst("\\[\\[([-0-9.E]+),", "[[1e999,")).contains("non-finite number Infinity"));
        // the right shape with something wrong inside: what and where, not a shape that equals itself
        assertEquals("model file: tensor \"rnn.weight_ih_l0\": non-finite number Infinity at element 0",
                error(ok.replaceFirst("\"rnn.weight_ih_l0\":\\[\\[([-0-9.E]+),", "\"rnn.weight_ih_l0\":[[1e999,")));
        assertEquals("model file: tensor \"fc.bias\": expected a number at depth 1, found a string (shape should be [3])",
                error(ok.replaceFirst("\"fc.bias\":\\[([-0-9.E]+),", "\"fc.bias\":[\"x\",")));
        // a file claiming a huge model is refused before anything is allocated, in long arithmetic
        assertEquals("model file: architecture: model too large: 64 layers of 3,000 lstm units on 32 inputs, with 5,000 outputs,"
                + " would have 4,589,085,000 parameters; the most is 50,000,000", error("{\"format\":\"tearnn-model/1\","
                + "\"architecture\":{\"input\":\"embedding\",\"input_size\":5000,\"embedding_size\":32,\"cell\":\"lstm\","
                + "\"hidden_size\":3000,\"num_layers\":64,\"output_size\":5000,\"loss\":\"softmax_ce\"},\"tensors\":{}}"));
        // a classifier's class names: one per output, each once; a model that is not a classifier has none
        String classifier = ModelFile.write(new SavedModel(new Model(Architecture.ofVectors(2, CellType.GRU, 2)
                .withOutputs(2, tearnn.loss.LossKind.SOFTMAX_CE).withLastStepOnly(true), 1)));
        String named = classifier.replace("\"tensors\":", "\"classes\":[\"cat\",\"dog\"],\"tensors\":");
        assertEquals(List.of("cat", "dog"), ModelFile.read(named).classes);
        assertEquals(List.of("cat", "dog"), ModelFile.read(ModelFile.write(ModelFile.read(named))).classes, "written back");
        assertEquals("model file: 3 classes named, but the model tells apart 2",
                error(named.replace("\"dog\"]", "\"dog\",\"eel\"]")));
        assertEquals("model file: classes name \"cat\" twice", error(named.replace("\"dog\"", "\"cat\"")));
        assertEquals("model file: 2 classes named, but the model is not a classifier (one class at each sequence's end)",
                error(ok.replace("\"tensors\":", "\"classes\":[\"a\",\"b\"],\"tensors\":")));
        assertTrue(error(ok.substring(0, ok.length() / 2)).startsWith("malformed JSON at line 1, column"));
        assertEquals("empty JSON text", error("  "));
        assertEquals("model file: no \"format\" key; this is not a tearnn model file", error("{\"a\":1}"));
        assertEquals("model file: expected a JSON object, found an array", error("[1,2]"));
        assertEquals("model file: architecture: unknown cell type 'lstmx' (expected rnn_tanh, rnn_relu, lstm or gru)",
                error(ok.replace("\"gru\"", "\"lstmx\"")));
        assertEquals("model file: architecture: hidden size must be positive, got 0",
                error(ok.replace("\"hidden_size\":2", "\"hidden_size\":0")));
        // a PyTorch file with bad adaptive softmax cutoffs
        String adaptive = ModelFile.write(new SavedModel(new Model(arch().withOutput(new OutputLayer(true, new int[] {2, 5}, 2.0,
                false)), 1)));
        assertEquals("model file: architecture: adaptive softmax cutoffs must increase, got 5 then 2",
                error(adaptive.replace("\"cutoffs\":[2,5]", "\"cutoffs\":[5,2]")));
        assertEquals("model file: architecture: adaptive softmax cutoffs must lie between 1 and 6 (the vocabulary has 7 tokens),"
                + " got 9", error(adaptive.replace("\"cutoffs\":[2,5]", "\"cutoffs\":[2,9]")));
        assertEquals("model file: architecture: output kind must be \"softmax\" or \"adaptive\", got \"sampled\"",
                error(adaptive.replace("\"kind\":\"adaptive\"", "\"kind\":\"sampled\"")));
        // tied weights: fc.weight is written as PyTorch's state_dict lists it, and must equal embedding.weight
        Model tied = new Model(Architecture.ofTokens(3, 2, CellType.GRU, 2).withOutput(OutputLayer.TIED), 1);
        String t = ModelFile.write(new SavedModel(tied));
        assertTrue(t.contains("\"fc.weight\":"), t);
        assertArrayEquals(tied.params().value, ModelFile.read(t).model.params().value);
        String w = t.substring(t.indexOf("\"fc.weight\":[[") + 14);
        String first = w.substring(0, w.indexOf(','));
        assertTrue(error(t.replace("\"fc.weight\":[[" + first + ",", "\"fc.weight\":[[0.125,"))
                .startsWith("model file: tensor \"fc.weight\" differs from \"embedding.weight\" at element 0 (0.125 vs "));
        String vocab = ok.substring(0, ok.length() - 1) + ",\"vocabulary\":{\"level\":\"word\",\"lowercase\":true,"
                + "\"tokens\":[\"<unk>\",\"a\"]}}";
        assertEquals("model file: vocabulary size mismatch: the vocabulary has 2 tokens but the model's input size is 3",
                error(vocab));
        Model m = new Model(arch(), 3);
        String trained = ModelFile.write(new SavedModel(m, trainer(m, "adam")));
        assertEquals("model file: training: unknown schedule 'warmup' (expected constant, step, inverse_time or cosine)",
                error(trained.replace("\"kind\":\"cosine\"", "\"kind\":\"warmup\"")));
    }
}
