package tearnn.model;

/**
 * What comes after the recurrent stack: the output layer and its loss, on rows of the stack's
 * output (time-major rows t*B+b, or one row per sequence for a many-to-one model), row r read at
 * {@code xOff + r*H}. A pass gives its rows a range at a time, from row 0 on ({@link #lossSum});
 * the backward asks for the input gradient of any range, then the weight gradients a range of units
 * at a time. Each row is computed on its own, so the bits never depend on the ranges.
 *
 * <p>Two heads: {@link DenseHead} (a linear layer and any loss: a full softmax, sigmoid or squared
 * error) and {@link AdaptiveHead} (the adaptive softmax of a big vocabulary).
 */
interface Head {
    /** Starts a pass over {@code rows} rows (training: the backward will follow). */
    void begin(int rows, boolean training);

    /**
     * {@code total} plus the loss of rows [r0, r1) not masked out ({@code rowMask[r] == 0}; null: all
     * counted), added row after row. Training: keeps {@code scale} times the loss's gradient.
     */
    double lossSum(double total, double[] x, int xOff, int r0, int r1, int[] classes, double[] values, double[] rowMask,
            double scale);

    /** dx[n][H] (at dxOff): the loss's gradient with respect to rows [r0, r0 + n). Overwrites them. */
    void inputGradient(double[] dx, int dxOff, int r0, int n);

    /** The weight gradients' units (rows of the weight matrices), done a range at a time. */
    int gradientUnits();

    /** Floating-point operations of gradient unit {@code unit} over the pass's rows. */
    double unitCost(int unit);

    /** Adds the weight gradients of units [from, to) (ranges in increasing order from 0: the bits of all at once). */
    void weightGradients(double[] x, int xOff, int from, int to);

    /**
     * y[n][O] (at yOff): what a prediction reads for rows [0, n) of x: the logits (softmax over
     * them gives the distribution) or, for the adaptive softmax, the log-probabilities themselves.
     */
    void outputs(double[] y, int yOff, double[] x, int xOff, int n);

    /** Floating-point operations of one row forward through the head and the loss. */
    double rowCost();

    /** How many elements one row adds to the loss's mean. */
    int elementsPerRow();
}
