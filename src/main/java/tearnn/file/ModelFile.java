package tearnn.file;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.loss.LossKind;
import tearnn.model.Architecture;
import tearnn.model.Initialization;
import tearnn.model.InputKind;
import tearnn.model.Model;
import tearnn.model.OutputLayer;
import tearnn.nn.Attention;
import tearnn.nn.CellType;
import tearnn.nn.Tensor;
import tearnn.text.TextOrigin;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/**
 * The model file, JSON, format {@code tearnn-model/1}:
 * <pre>
 * {
 *   "format": "tearnn-model/1",
 *   "architecture": {"input": "embedding"|"one_hot"|"dense", "input_size": V, "embedding_size": E,
 *                    "cell": "rnn_tanh"|"rnn_relu"|"lstm"|"gru", "hidden_size": H, "num_layers": L,
 *                    "bias": true, "peephole": false, "output_size": O,
 *                    "loss": "softmax_ce"|"sigmoid_bce"|LossKind.MSE, "last_step_only": false, "dropout": 0.0,
 *                    "attention": "additive"|"dot"|"general" (optional, many-to-one: the head reads the context
 *                    of the last state's attention over the top layer's states; tensors "attention.*")},
 *   "tensors": {"embedding.weight": [V][E], "rnn.weight_ih_l0": [G*H][in], "rnn.weight_hh_l0": [G*H][H],
 *               "rnn.bias_ih_l0": [G*H], "rnn.bias_hh_l0": [G*H], ..., "fc.weight": [O][H], "fc.bias": [O]},
 *   "vocabulary": {"level": "word"|"char", "lowercase": true, "tokens": ["&lt;unk&gt;", ...]},      (optional)
 *   "corpus": {"name": "ptb.train.txt", "characters": N, "fingerprint": "8 hex digits"},   (optional: the
 *             text it was last trained on, see {@link TextOrigin})
 *   "init": {"kind": "chrono", "t_max": 50},   (optional: how its weights began, see {@link Initialization};
 *             t_max for chrono only; none said: PyTorch's default)
 *   "training": {...}                                             (optional, see {@link TrainingBlock})
 * }
 * </pre>
 * In a packed model ({@link #pack}), a block of tensors is the index of an array kept beside the text.
 * Tensor names and shapes are PyTorch's ({@code state_dict()} of a module with submodules
 * {@code embedding}, {@code rnn}, {@code fc}). Reading rejects, naming the problem: another format
 * version, missing or extra tensors, wrong shapes, non-finite numbers, a vocabulary whose size is not
 * the input size.
 */
public final class ModelFile {
    public static final String FORMAT = "tearnn-model/1";

    private ModelFile() {
    }

    public static String write(SavedModel saved) {
        JsonWriter w = new JsonWriter();
        write(w, saved, TensorBlock::write, true);
        return w.toString();
    }

    /** How a model file written in pieces arrives: each piece in order, and the share of it written so far (0 to 1). */
    public interface Pieces {
        void take(String text, double done);
    }

    /**
     * The model file's text, the same as {@link #write(SavedModel)}, handed to {@code pieces} about
     * {@code pieceChars} characters at a time: a big model's file is never one string, and whoever
     * waits for it can see how far it has come.
     */
    public static void write(SavedModel saved, int pieceChars, Pieces pieces) {
        long[] total = {0};
        write(new JsonWriter(), saved, (w, p, values) -> {
            w.value(0);
            total[0] += values.length;
            for (Tensor alias : p.aliases().values()) {
                total[0] += alias.size();
            }
        }, true);
        JsonWriter w = new JsonWriter(pieceChars, (text, numbers) -> pieces.take(text, (double) numbers / Math.max(1, total[0])));
        write(w, saved, TensorBlock::write, true);
        w.finish();
    }

    /**
     * The model as text with its tensor blocks set aside as arrays (the text holds their indexes):
     * compact to keep (a browser stores the arrays as they are), and exact. Without
     * {@code optimizerState}, the optimizer's running state is left out (a fifth to a third of the
     * size of an Adam run): read back, training goes on with a fresh optimizer.
     */
    public static PackedModel pack(SavedModel saved, boolean optimizerState) {
        List<double[]> arrays = new ArrayList<>();
        JsonWriter text = new JsonWriter();
        write(text, saved, (w, p, values) -> {
            w.value(arrays.size());
            arrays.add(values.clone());
        }, optimizerState);
        return new PackedModel(text.toString(), arrays);
    }

    /** Reads a model {@link #pack packed}; any problem raises an IllegalArgumentException that names it. */
    public static SavedModel unpack(PackedModel packed) {
        return read(packed.text(), packed.arrays());
    }

    private static void write(JsonWriter w, SavedModel saved, TensorBlock.Sink tensors, boolean optimizerState) {
        Model model = saved.model;
        w.beginObject();
        w.name("format").value(FORMAT);
        writeArchitecture(w, model.architecture());
        w.name("tensors");
        tensors.write(w, model.params(), model.params().value);
        if (saved.vocabulary != null) {
            writeVocabulary(w, saved);
        }
        if (saved.classes != null) {
            w.name("classes").beginArray();
            for (String c : saved.classes) {
                w.value(c);
            }
            w.endArray();
        }
        if (saved.trainedOn != null) {
            TextOrigin o = saved.trainedOn;
            w.name("corpus").beginObject().name("name").value(o.name()).name("characters").value(o.characters())
                    .name("fingerprint").value(o.fingerprint()).endObject();
        }
        if (saved.init != null && !saved.init.equals(Initialization.DEFAULT)) {
            w.name("init").beginObject().name("kind").value(saved.init.kind());
            if (saved.init.kind().equals(Initialization.CHRONO)) {
                w.name("t_max").value(saved.init.chronoMax());
            }
            w.endObject();
        }
        if (saved.trainer != null) {
            w.name("training");
            TrainingBlock.write(w, saved, tensors, optimizerState);
        }
        w.endObject();
    }

    private static void writeArchitecture(JsonWriter w, Architecture a) {
        w.name("architecture").beginObject()
                .name("input").value(a.input().id)
                .name("input_size").value(a.inputSize())
                .name("embedding_size").value(a.embedding())
                .name("cell").value(a.cell().id)
                .name("hidden_size").value(a.hidden())
                .name("num_layers").value(a.layers())
                .name("bias").value(a.bias())
                .name("peephole").value(a.peephole())
                .name("output_size").value(a.outputs())
                .name("loss").value(a.loss().id)
                .name("last_step_only").value(a.lastStepOnly())
                .name("dropout").value(a.dropout());
        if (a.output().tied()) {
            w.name("output").beginObject().name("kind").value("softmax").name("tied").value(true).endObject();
        } else if (a.output().adaptive()) {
            w.name("output").beginObject().name("kind").value("adaptive").name("cutoffs").beginArray();
            for (int c : a.output().cutoffs()) {
                w.value(c);
            }
            w.endArray().name("div_value").value(a.output().divValue()).name("head_bias").value(a.output().headBias())
                    .endObject();
        }
        if (a.attention() != null) {
            w.name("attention").value(a.attention().id);
        }
        if (a.decoder()) {
            w.name("decoder").value(true);
        }
        w.endObject();
    }

    private static void writeVocabulary(JsonWriter w, SavedModel saved) {
        Tokenizer tok = saved.tokenizer == null ? new Tokenizer(false, true) : saved.tokenizer;
        w.name("vocabulary").beginObject()
                .name("level").value(tok.characterLevel() ? "char" : "word")
                .name("lowercase").value(tok.lowercase());
        if (tok.splitsOnSpaces()) {
            w.name("split").value("spaces");
        }
        w.name("tokens").beginArray();
        for (String t : saved.vocabulary.tokens()) {
            w.value(t);
        }
        w.endArray().endObject();
    }

    /** Reads a model file; any problem raises an IllegalArgumentException that names it. */
    public static SavedModel read(String text) {
        return read(text, null);
    }

    private static SavedModel read(String text, List<double[]> packed) {
        JsonObject root = JsonObject.parse(text, "model file");
        if (!root.has("format")) {
            throw new JsonException("model file: no \"format\" key; this is not a tearnn model file");
        }
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw new JsonException("model file: unknown format version '" + format + "' (this build reads " + FORMAT + ")");
        }
        Architecture arch = readArchitecture(root.object("architecture"));
        Model model = new Model(arch);
        TensorBlock.read(root.get("tensors"), model.params(), model.params().value, "tensor", packed);
        SavedModel saved = new SavedModel(model);
        if (root.has("vocabulary")) {
            readVocabulary(root.object("vocabulary"), saved);
        }
        if (root.has("classes")) {
            readClasses(root.list("classes"), saved);
        }
        if (root.has("corpus")) {
            JsonObject c = root.object("corpus");
            saved.trainedOn = checked("corpus", () -> new TextOrigin(c.string("name"), c.integer("characters"), c.string("fingerprint")));
        }
        if (root.has("init")) {
            JsonObject i = root.object("init");
            saved.init = checked("init", () -> Initialization.of(i.string("kind"),
                    i.string("kind").equals(Initialization.CHRONO) ? i.integer("t_max") : 0));
            String no = saved.init.refusal(arch.cell(), arch.bias());
            if (no != null) {
                throw new JsonException("model file: init: " + no);
            }
        }
        if (root.has("training")) {
            TrainingBlock.read(root.object("training"), saved, packed);
        }
        return saved;
    }

    /** The architecture a model file's text declares (checked as {@link #read} checks it). */
    static Architecture architectureOf(String text) {
        JsonObject root = JsonObject.parse(text, "model file");
        if (!root.has("architecture")) {
            throw new JsonException("model file: no \"architecture\" block");
        }
        return readArchitecture(root.object("architecture"));
    }

    private static Architecture readArchitecture(JsonObject a) {
        return checked("architecture", () -> new Architecture(InputKind.parse(a.string("input")), a.integer("input_size"),
                a.integer("embedding_size", 0), CellType.parse(a.string("cell")), a.integer("hidden_size"),
                a.integer("num_layers"), a.bool("bias", true), a.bool("peephole", false), a.integer("output_size"),
                LossKind.parse(a.string("loss")), a.bool("last_step_only", false), a.number("dropout", 0),
                a.has("output") ? readOutput(a.object("output")) : OutputLayer.FULL,
                a.has("attention") ? Attention.Score.of(a.string("attention")) : null, a.bool("decoder", false)).checkSize());
    }

    /**
     * The output layer: {"kind": "softmax"} (with "tied": true, its weight is the embedding's) or
     * {"kind": "adaptive", "cutoffs": [..], "div_value": 4, "head_bias": false}.
     */
    private static OutputLayer readOutput(JsonObject o) {
        String kind = o.string("kind");
        if (kind.equals("softmax")) {
            return o.bool("tied", false) ? OutputLayer.TIED : OutputLayer.FULL;
        }
        if (!kind.equals("adaptive")) {
            throw new JsonException("model file: architecture: output kind must be \"softmax\" or \"adaptive\", got \"" + kind + "\"");
        }
        List<?> list = o.list("cutoffs");
        int[] cutoffs = new int[list.size()];
        for (int i = 0; i < cutoffs.length; i++) {
            if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new JsonException("model file: architecture: adaptive softmax cutoffs must be whole numbers, got " + list.get(i));
            }
            cutoffs[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) list.get(i)).doubleValue()));
        }
        return new OutputLayer(true, cutoffs, o.number("div_value", 4.0), o.bool("head_bias", false));
    }

    /** A classifier's class names: as many distinct strings as the model has outputs. */
    private static void readClasses(List<?> list, SavedModel saved) {
        Architecture arch = saved.model.architecture();
        List<String> classes = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new JsonException("model file: classes must be strings, got " + o);
            }
            if (classes.contains(s)) {
                throw new JsonException("model file: classes name \"" + s + "\" twice");
            }
            classes.add(s);
        }
        if (!arch.lastStepOnly() || arch.loss() != LossKind.SOFTMAX_CE || classes.size() != arch.outputs()) {
            throw new JsonException("model file: " + classes.size() + " classes named, but the model "
                    + (arch.lastStepOnly() && arch.loss() == LossKind.SOFTMAX_CE ? "tells apart " + arch.outputs()
                            : "is not a classifier (one class at each sequence's end)"));
        }
        saved.classes = List.copyOf(classes);
    }

    private static void readVocabulary(JsonObject v, SavedModel saved) {
        Architecture arch = saved.model.architecture();
        String level = v.string("level");
        if (!level.equals("word") && !level.equals("char")) {
            throw new JsonException("model file: vocabulary level must be \"word\" or \"char\", got \"" + level + "\"");
        }
        List<String> tokens = new ArrayList<>();
        for (Object o : v.list("tokens")) {
            if (!(o instanceof String s)) {
                throw new JsonException("model file: vocabulary tokens must be strings");
            }
            tokens.add(s);
        }
        saved.vocabulary = new Vocabulary(tokens);
        String split = v.has("split") ? v.string("split") : "words";
        if (!split.equals("words") && !split.equals("spaces")) {
            throw new JsonException("model file: vocabulary split must be \"words\" or \"spaces\", got \"" + split + "\"");
        }
        saved.tokenizer = split.equals("spaces") ? Tokenizer.preTokenized() : new Tokenizer(level.equals("char"), v.bool("lowercase"));
        if (saved.vocabulary.size() != arch.inputSize()) {
            throw new JsonException("model file: vocabulary size mismatch: the vocabulary has "
                    + saved.vocabulary.size() + " tokens but the model's input size is " + arch.inputSize());
        }
        if (arch.outputs() != arch.inputSize() && arch.loss() == LossKind.SOFTMAX_CE && !arch.lastStepOnly()) {
            throw new JsonException("model file: vocabulary size mismatch: the vocabulary has "
                    + saved.vocabulary.size() + " tokens but the model predicts " + arch.outputs() + " classes");
        }
    }

    /**
     * Runs {@code read}, turning a rejected value (an IllegalArgumentException from the engine's own
     * checks) into a model-file error that says which block of the file it is in (null: none).
     */
    static <T> T checked(String block, Supplier<T> read) {
        try {
            return read.get();
        } catch (JsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonException("model file: " + (block == null ? "" : block + ": ") + e.getMessage());
        }
    }
}
