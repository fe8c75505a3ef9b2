package tearnn.file;

import java.util.List;
import java.util.Map;
import tearnn.json.JsonArrays;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * A block of named tensors in a model file, {@code {"name": nested arrays, ...}}, laid out as a
 * {@link Params} buffer: the weights themselves, or an optimizer's state of the same shapes. In a
 * packed model ({@link PackedModel}) the block is the index of an array beside the text instead.
 */
final class TensorBlock {
    private TensorBlock() {
    }

    /** How blocks are written: as nested arrays in the text, or set aside with their index written. */
    interface Sink {
        void write(JsonWriter w, Params p, double[] values);
    }

    /**
     * Reads a block, nested arrays or (if {@code packed} is not null) the index of one of those
     * arrays, into {@code into} laid out as {@code params}.
     */
    static void read(Object given, Params params, double[] into, String what, List<double[]> packed) {
        if (packed != null && given instanceof Double d) {
            if (d != Math.rint(d) || d < 0 || d >= packed.size()) {
                throw new JsonException("model file: " + what + "s: no packed array " + d + " (there are " + packed.size() + ")");
            }
            double[] v = packed.get((int) (double) d);
            if (v.length != params.size()) {
                throw new JsonException("model file: " + what + "s: the packed array holds " + v.length + " numbers, the "
                        + "architecture has " + params.size());
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] != v[i] || Double.isInfinite(v[i])) {
                    throw new JsonException("model file: " + what + " \"" + params.at(i).name() + "\": non-finite number "
                            + v[i] + " at element " + (i - params.at(i).offset()));
                }
            }
            System.arraycopy(v, 0, into, 0, v.length);
            return;
        }
        read(new JsonObject(given, "model file"), params, into, what);
    }

    /** Writes {@code values}, laid out as {@code p}, as one object of named nested arrays. */
    static void write(JsonWriter w, Params p, double[] values) {
        w.beginObject();
        for (Tensor t : p.tensors()) {
            w.name(t.name());
            if (t.vector()) {
                w.array(values, t.offset(), t.cols());
            } else {
                w.beginArray();
                for (int r = 0; r < t.rows(); r++) {
                    w.array(values, t.offset() + r * t.cols(), t.cols());
                }
                w.endArray();
            }
        }
        // a tied weight under its second name too, as PyTorch's state_dict lists it
        for (Map.Entry<String, Tensor> a : p.aliases().entrySet()) {
            Tensor t = a.getValue();
            w.name(a.getKey()).beginArray();
            for (int r = 0; r < t.rows(); r++) {
                w.array(values, t.offset() + r * t.cols(), t.cols());
            }
            w.endArray();
        }
        w.endObject();
    }

    /**
     * Reads every tensor of {@code params} from {@code given} into {@code into} (laid out as params);
     * a missing, extra or misshapen tensor is refused. {@code what} names the tensors in messages.
     */
    static void read(JsonObject given, Params params, double[] into, String what) {
        for (Tensor t : params.tensors()) {
            if (!given.has(t.name())) {
                throw new JsonException("model file: missing " + what + " \"" + t.name() + "\" (shape " + t.shapeText() + ")");
            }
        }
        for (String name : given.map().keySet()) {
            if (params.find(name) == null && !params.aliases().containsKey(name)) {
                throw new JsonException("model file: unexpected " + what + " \"" + name
                        + "\": the architecture has no such tensor");
            }
        }
        for (Tensor t : params.tensors()) {
            Object v = given.get(t.name());
            String shape = JsonArrays.shapeOf(v);
            if (!shape.equals(t.shapeText())) {
                throw new JsonException("model file: " + what + " \"" + t.name() + "\" has shape " + shape
                        + ", expected " + t.shapeText());
            }
            // the right shape along the first elements: what is wrong is inside (a ragged row, a
            // value that is not a number or not finite), and the reader says what and where
            double[] values = JsonArrays.read(v, t.shape(), "model file: " + what + " \"" + t.name() + "\"");
            System.arraycopy(values, 0, into, t.offset(), t.size());
        }
        for (Map.Entry<String, Tensor> a : params.aliases().entrySet()) {
            checkAlias(given, a.getKey(), a.getValue(), into, what);
        }
    }

    /** A tied weight's second name, if the file has it: the same shape and the same numbers as the tensor it names. */
    private static void checkAlias(JsonObject given, String name, Tensor t, double[] values, String what) {
        if (!given.has(name)) {
            return;
        }
        Object v = given.get(name);
        String shape = JsonArrays.shapeOf(v);
        if (!shape.equals(t.shapeText())) {
            throw new JsonException("model file: " + what + " \"" + name + "\" has shape " + shape + ", expected " + t.shapeText()
                    + " (it is \"" + t.name() + "\", tied)");
        }
        double[] a = JsonArrays.read(v, t.shape(), "model file: " + what + " \"" + name + "\"");
        for (int i = 0; i < a.length; i++) {
            if (a[i] != values[t.offset() + i]) {
                throw new JsonException("model file: " + what + " \"" + name + "\" differs from \"" + t.name() + "\" at element "
                        + i + " (" + a[i] + " vs " + values[t.offset() + i] + "), but the model ties them: they must be equal");
            }
        }
    }
}
