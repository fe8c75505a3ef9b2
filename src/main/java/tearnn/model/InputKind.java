package tearnn.model;

/** How a model reads its input at each step. */
public enum InputKind {
    /** Token indices through a learned {@code embedding.weight} [V][E]. */
    EMBEDDING("embedding"),
    /** Token indices as one-hot vectors of size V, done as a gather of W_ih columns. */
    ONE_HOT("one_hot"),
    /** Real vectors of size I given by the caller. */
    DENSE("dense");

    public final String id;

    InputKind(String id) {
        this.id = id;
    }

    public boolean tokens() {
        return this != DENSE;
    }

    public static InputKind parse(String id) {
        for (InputKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown input kind '" + id + "' (expected embedding, one_hot or dense)");
    }
}
