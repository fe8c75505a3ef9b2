package tearnn.model;

/**
 * A pass that leaves in a model's gradients those of a batch's mean loss, done in parts: one model
 * ({@link TrainingPass}), or the shares of a batch on several (see {@code train.DataParallel}).
 */
public interface GradientPass {
    /**
     * Does parts worth about {@code flops} floating-point operations (at least one, unless the pass
     * is done); returns the operations done, as estimated.
     */
    double advance(double flops);

    /** Whether the pass is done: the gradients complete, the final state given back. */
    boolean done();

    /** The mean loss of the batch (complete once the pass is done). */
    double loss();

    /** How far the pass has come, 0 to 1. */
    double fraction();

    /** Puts ||dL/dh_t|| of every layer, step and sequence of the batch (once done) into {@code into}. */
    void gradientFlow(GradientFlow into);

    /** Whether the pass can go no further on its own: it waits for others' work (see {@code train.SharedStep}). */
    default boolean waiting() {
        return false;
    }
}
