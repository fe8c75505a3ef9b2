package tearnn.task;

/**
 * A held-out example a classifier got wrong, as a person looks at it.
 *
 * @param example       its index in the data
 * @param label         its true class
 * @param top           the model's likeliest classes, the likeliest first (up to three)
 * @param probabilities their probabilities
 * @param values        its values as read, unscaled, [steps][inputs] flat
 * @param attention     with attention pooling, the weight the model gave each of its steps; else null
 */
public record Mistake(int example, int label, int[] top, double[] probabilities, double[] values, double[] attention) {
}
