package tearnn.file;

import java.util.List;

/**
 * A model file with its tensor blocks set aside: {@code text} is the model file's JSON with, in
 * place of each block of tensors, the index of its array in {@code arrays} (a whole parameter buffer,
 * tensors in the order of the architecture). What a browser keeps: typed arrays, not digits.
 */
public record PackedModel(String text, List<double[]> arrays) {
    /** The size of the arrays, in bytes. */
    public long bytes() {
        long n = 0;
        for (double[] a : arrays) {
            n += 8L * a.length;
        }
        return n;
    }
}
