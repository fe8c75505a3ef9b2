package tearnn.json;

import java.util.List;
import java.util.Map;

/** Reads nested JSON arrays of numbers into flat row-major {@code double[]}, checking shape and finiteness. */
public final class JsonArrays {
    private JsonArrays() {
    }

    /**
     * Flattens {@code value}, which must be nested arrays of exactly {@code shape}, into a new array.
     * {@code what} names the value in error messages.
     */
    public static double[] read(Object value, int[] shape, String what) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] out = new double[n];
        int written = fill(value, shape, 0, out, 0, what);
        if (written != n) {
            throw new JsonException(what + ": expected " + n + " numbers, found " + written);
        }
        return out;
    }

    private static int fill(Object value, int[] shape, int dim, double[] out, int pos, String what) {
        if (dim == shape.length) {
            if (!(value instanceof Double d)) {
                throw new JsonException(what + ": expected a number at depth " + dim + ", found " + describe(value)
                        + " (shape should be " + shapeText(shape) + ")");
            }
            double v = d;
            if (v != v || Double.isInfinite(v)) {
                throw new JsonException(what + ": non-finite number " + v + " at element " + pos);
            }
            out[pos] = v;
            return pos + 1;
        }
        if (!(value instanceof List<?> list)) {
            throw new JsonException(what + ": expected an array at depth " + dim + ", found " + describe(value)
                    + " (shape should be " + shapeText(shape) + ")");
        }
        if (list.size() != shape[dim]) {
            throw new JsonException(what + ": dimension " + dim + " has length " + list.size() + ", expected "
                    + shape[dim] + " (shape should be " + shapeText(shape) + ")");
        }
        for (Object o : list) {
            pos = fill(o, shape, dim + 1, out, pos, what);
        }
        return pos;
    }

    /** The shape of nested arrays, read along the first element of each level. */
    public static String shapeOf(Object value) {
        StringBuilder sb = new StringBuilder("[");
        Object v = value;
        boolean first = true;
        while (v instanceof List<?> list) {
            if (!first) {
                sb.append(", ");
            }
            sb.append(list.size());
            first = false;
            v = list.isEmpty() ? null : list.get(0);
        }
        return sb.append(']').toString();
    }

    public static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Double) {
            return "a number";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof Map) {
            return "an object";
        }
        return v.getClass().getSimpleName();
    }
}
