package tearnn.loss;

/**
 * A loss on the head's outputs ("logits") {@code y[N][O]}, one row per counted position. The reported
 * value is the mean over elements, as PyTorch's {@code reduction='mean'}: over rows for softmax cross
 * entropy, over rows times outputs for the element-wise losses.
 */
public interface Loss {
    /** Which loss this is. */
    LossKind kind();

    /** Whether targets are class indices (softmax) rather than values. */
    boolean classTargets();

    /** How many elements one row contributes to the mean. */
    int elementsPerRow(int outputs);

    /**
     * Sum of the loss over rows r < n whose weight {@code rowWeight[r]} is not 0 (null: all rows).
     * Targets: {@code classes[r]} or {@code values[r][O]}. If {@code dy} is not null it is overwritten
     * with {@code scale} times the gradient of that sum with respect to y (0 on rows not counted).
     */
    double sum(double[] y, int n, int outputs, int[] classes, double[] values, double[] rowWeight,
            double[] dy, double scale);

}
