package tearnn.model;

/**
 * A pass of one model over one batch, done in parts ({@link GradientPass}): a recurrent stack's
 * ({@link TrainingPass}) or a translator's ({@link TranslationPass}); a training pass, or an
 * evaluation (its forward part alone).
 */
public interface ModelPass extends GradientPass {
    /** The sum of the loss over the batch's counted elements (complete once the forward part is done). */
    double lossSum();

    /** The number of elements the loss is averaged over. */
    int count();

    /** Operations done so far in this pass, as estimated. */
    double spent();
}
