package tearnn.file;

import tearnn.json.JsonArrays;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * A block of named tensors in a model file, {@code {"name": nested arrays, ...}}, laid out as a
 * {@link Params} buffer: the weights themselves, or an optimizer's state of the same shapes.
 */
final class TensorBlock {
    private TensorBlock() {
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
            if (params.find(name) == null) {
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
    }
}
