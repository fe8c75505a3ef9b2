package tearnn.file;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.model.Model;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * A model in the {@code .safetensors} form, which PyTorch users load with the {@code safetensors}
 * package: 8 bytes (little-endian) giving the header's length N, N bytes of JSON header, then the
 * raw little-endian data. The header names every tensor with its dtype, shape and byte range
 * ({@code data_offsets}, from the end of the header), and {@code __metadata__} holds strings.
 *
 * <pre>
 *   {"__metadata__": {"format": "tearnn-model/1", "tearnn": the packed model file's text},
 *    "embedding.weight": {"dtype": "F64", "shape": [V, E], "data_offsets": [0, 8VE]},
 *    "rnn.weight_ih_l0": ..., "fc.weight": ..., "fc.bias": ...,      (PyTorch's state_dict names)
 *    "tearnn.block.1": {"dtype": "F64", "shape": [n], ...}, ...}     (the optimizer's state, if kept)
 * </pre>
 *
 * The weights are the model's own tensors under PyTorch's names (a tied weight under both of its
 * names), so {@code load_file} gives a state_dict; the metadata holds the rest of the model file
 * (architecture, vocabulary, training progress) as the packed model's text ({@link ModelFile#pack}),
 * and the other blocks (the optimizer's state) come after the weights as 1-D tensors. Exact: F64.
 * Reading also takes F32 tensors (a file whose weights were rewritten in PyTorch's usual float32),
 * as long as it carries tearnn's metadata.
 */
public final class SafeTensors {
    /** The header's name for the metadata, as the format defines it. */
    private static final String METADATA = "__metadata__";
    private static final String BLOCK = "tearnn.block.";

    private SafeTensors() {
    }

    /** The model (with its optimizer's state unless {@code optimizerState} is false) as .safetensors bytes. */
    public static byte[] write(SavedModel saved, boolean optimizerState) {
        PackedModel packed = ModelFile.pack(saved, optimizerState);
        Params params = saved.model.params();
        // the header: every tensor's place in the data, weights first
        JsonWriter h = new JsonWriter().beginObject();
        h.name(METADATA).beginObject().name("format").value(ModelFile.FORMAT).name("tearnn").value(packed.text()).endObject();
        List<double[]> data = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        long offset = 0;
        double[] weights = packed.arrays().get(0);
        for (Tensor t : params.tensors()) {
            offset = entry(h, t.name(), shape(t), offset);
            data.add(weights);
            ranges.add(new int[] {t.offset(), t.size()});
        }
        for (Map.Entry<String, Tensor> a : params.aliases().entrySet()) {
            Tensor t = a.getValue();
            offset = entry(h, a.getKey(), shape(t), offset);
            data.add(weights);
            ranges.add(new int[] {t.offset(), t.size()});
        }
        for (int k = 1; k < packed.arrays().size(); k++) {
            double[] block = packed.arrays().get(k);
            offset = entry(h, BLOCK + k, new int[] {block.length}, offset);
            data.add(block);
            ranges.add(new int[] {0, block.length});
        }
        byte[] header = h.endObject().toString().getBytes(StandardCharsets.UTF_8);
        // padded with spaces to a multiple of 8, so the data is aligned for whoever maps it
        int padded = (header.length + 7) / 8 * 8;
        long total = 8L + padded + offset;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the model is too large for one .safetensors array here (" + total + " bytes)");
        }
        byte[] out = new byte[(int) total];
        putLong(out, 0, padded);
        System.arraycopy(header, 0, out, 8, header.length);
        for (int i = header.length; i < padded; i++) {
            out[8 + i] = ' ';
        }
        int at = 8 + padded;
        for (int i = 0; i < data.size(); i++) {
            double[] d = data.get(i);
            int[] r = ranges.get(i);
            for (int j = 0; j < r[1]; j++) {
                putLong(out, at, Double.doubleToRawLongBits(d[r[0] + j]));
                at += 8;
            }
        }
        return out;
    }

    private static int[] shape(Tensor t) {
        return t.vector() ? new int[] {t.cols()} : new int[] {t.rows(), t.cols()};
    }

    private static long entry(JsonWriter h, String name, int[] shape, long offset) {
        long n = 1;
        h.name(name).beginObject().name("dtype").value("F64").name("shape").beginArray();
        for (int s : shape) {
            h.value(s);
            n *= s;
        }
        long end = offset + 8 * n;
        h.endArray().name("data_offsets").beginArray().value((double) offset).value((double) end).endArray().endObject();
        return end;
    }

    /** Reads a model written by {@link #write}; any problem raises an IllegalArgumentException that names it. */
    public static SavedModel read(byte[] bytes) {
        if (bytes.length < 8) {
            throw new JsonException(".safetensors file: " + bytes.length + " bytes, too short for its header length");
        }
        long n = littleEndian(bytes, 0, 8);
        if (n <= 0 || n > bytes.length - 8L) {
            throw new JsonException(".safetensors file: the header length " + n + " does not fit the file's " + bytes.length
                    + " bytes; this is not a .safetensors file");
        }
        int start = 8 + (int) n;
        JsonObject header = JsonObject.parse(new String(bytes, 8, (int) n, StandardCharsets.UTF_8), ".safetensors header");
        if (!header.has(METADATA) || !header.object(METADATA).has("tearnn")) {
            throw new JsonException(".safetensors file: no tearnn model in its metadata (\"__metadata__\": {\"tearnn\": ...}):"
                    + " a bare state_dict has no architecture or vocabulary; write it with tearnn, or give the model file as JSON");
        }
        String text = header.object(METADATA).string("tearnn");
        // the weights' layout is the architecture's: made from the text, filled by name
        Model layout = new Model(ModelFile.architectureOf(text));
        Params params = layout.params();
        double[] weights = new double[params.size()];
        for (Tensor t : params.tensors()) {
            tensor(header, bytes, start, t.name(), shape(t), weights, t.offset());
        }
        for (Map.Entry<String, Tensor> a : params.aliases().entrySet()) {
            // a tied weight's second name: the same numbers, if the file has it
            if (header.has(a.getKey())) {
                Tensor t = a.getValue();
                double[] second = new double[t.size()];
                tensor(header, bytes, start, a.getKey(), shape(t), second, 0);
                for (int i = 0; i < second.length; i++) {
                    if (second[i] != weights[t.offset() + i]) {
                        throw new JsonException(".safetensors file: tensor \"" + a.getKey() + "\" differs from \"" + t.name()
                                + "\" at element " + i + ", but the model ties them: they must be equal");
                    }
                }
            }
        }
        List<double[]> arrays = new ArrayList<>();
        arrays.add(weights);
        for (int k = 1; header.has(BLOCK + k); k++) {
            Object shape = header.object(BLOCK + k).list("shape");
            int length = ((List<?>) shape).size() == 1 ? ((Number) ((List<?>) shape).get(0)).intValue() : -1;
            if (length < 0) {
                throw new JsonException(".safetensors file: tensor \"" + BLOCK + k + "\" must be 1-D");
            }
            double[] block = new double[length];
            tensor(header, bytes, start, BLOCK + k, new int[] {length}, block, 0);
            arrays.add(block);
        }
        for (String name : header.map().keySet()) {
            if (!name.equals(METADATA) && !name.startsWith(BLOCK) && params.find(name) == null
                    && !params.aliases().containsKey(name)) {
                throw new JsonException(".safetensors file: unexpected tensor \"" + name + "\": the architecture has no such tensor");
            }
        }
        return ModelFile.unpack(new PackedModel(text, arrays));
    }

    /** Reads tensor {@code name} (F64 or F32, of this shape) into {@code into} at {@code at}. */
    private static void tensor(JsonObject header, byte[] bytes, int start, String name, int[] shape, double[] into, int at) {
        if (!header.has(name)) {
            throw new JsonException(".safetensors file: missing tensor \"" + name + "\"");
        }
        JsonObject e = header.object(name);
        String dtype = e.string("dtype");
        int width = dtype.equals("F64") ? 8 : dtype.equals("F32") ? 4 : 0;
        if (width == 0) {
            throw new JsonException(".safetensors file: tensor \"" + name + "\" is " + dtype + "; tearnn reads F64 and F32");
        }
        List<?> s = e.list("shape");
        long count = 1;
        StringBuilder given = new StringBuilder();
        for (Object o : s) {
            count *= ((Number) o).longValue();
            given.append(given.length() == 0 ? "" : ", ").append(((Number) o).longValue());
        }
        long expected = 1;
        StringBuilder want = new StringBuilder();
        for (int d : shape) {
            expected *= d;
            want.append(want.length() == 0 ? "" : ", ").append(d);
        }
        if (s.size() != shape.length || count != expected) {
            throw new JsonException(".safetensors file: tensor \"" + name + "\" has shape [" + given + "], expected [" + want + "]");
        }
        List<?> range = e.list("data_offsets");
        long begin = ((Number) range.get(0)).longValue();
        long end = ((Number) range.get(1)).longValue();
        if (end - begin != count * width || begin < 0 || start + end > bytes.length) {
            throw new JsonException(".safetensors file: tensor \"" + name + "\": its bytes [" + begin + ", " + end
                    + ") do not hold " + count + " " + dtype + " values inside the file");
        }
        int p = start + (int) begin;
        for (int i = 0; i < count; i++) {
            double v = width == 8 ? Double.longBitsToDouble(littleEndian(bytes, p + 8 * i, 8))
                    : Float.intBitsToFloat((int) littleEndian(bytes, p + 4 * i, 4));
            if (v != v || Double.isInfinite(v)) {
                throw new JsonException(".safetensors file: tensor \"" + name + "\": non-finite number " + v + " at element " + i);
            }
            into[at + i] = v;
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** The {@code width} bytes at {@code at}, little-endian, as a number. */
    private static long littleEndian(byte[] b, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }
}
