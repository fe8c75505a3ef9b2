package tearnn.train;

/**
 * Training produced a NaN or infinite loss or gradient. The step was not applied: the model keeps
 * the weights of the last good step.
 */
public final class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }
}
