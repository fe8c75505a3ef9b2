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
     * {@code total} plus the loss of rows r in [from, to) whose weight {@code rowWeight[r]} is not 0
     * (null: all rows), added one row after another (so rows added a range at a time, the running
     * total passed on, give the same sum as all at once). Targets: {@code classes[r]} or
     * {@code values[r][O]}. If {@code dy} is not null its rows [from, to) are overwritten with
     * {@code scale} times the gradient of the loss with respect to y (0 on rows not counted).
     */
    double sum(double total, double[] y, int from, int to, int outputs, int[] classes, double[] values, double[] rowWeight,
            double[] dy, double scale);

}
