package tearnn.loss;

/** The losses a model can end in, with the names model files use. */
public enum LossKind {
    /** Softmax cross-entropy over O classes; targets are class indices. */
    SOFTMAX_CE("softmax_ce"),
    /** Sigmoid binary cross-entropy on each of O outputs; targets are values in [0, 1]. */
    SIGMOID_BCE("sigmoid_bce"),
    /** Mean squared error on each of O outputs. */
    MSE("mse");

    /** The name used in model files. */
    public final String id;

    LossKind(String id) {
        this.id = id;
    }

    /** A new loss of this kind. */
    public Loss create() {
        return switch (this) {
            case SOFTMAX_CE -> new SoftmaxCrossEntropy();
            case SIGMOID_BCE -> new SigmoidBinaryCrossEntropy();
            case MSE -> new MeanSquaredError();
        };
    }

    public static LossKind parse(String id) {
        for (LossKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "' (expected softmax_ce, sigmoid_bce or mse)");
    }
}
