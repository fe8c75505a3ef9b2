package tearnn.nn;


/** Token index to vector: {@code x[r] = E[token[r]]}, E = {@code embedding.weight} [V][D]. */
public final class Embedding {
    private final Params params;
    private final Tensor weight;
    private final int vocab;
    private final int dim;

    public Embedding(Params params, String name, int vocab, int dim) {
        this.params = params;
        this.vocab = vocab;
        this.dim = dim;
        this.weight = params.add(name, vocab, dim);
    }

    public Tensor weight() {
        return weight;
    }

    public int dim() {
        return dim;
    }

    /** x[r][D] = E[tokens[r]] for r < n. Overwrites x. Tokens must be in [0, V). */
    public void forward(double[] x, int[] tokens, int n) {
        for (int r = 0; r < n; r++) {
            if (tokens[r] < 0 || tokens[r] >= vocab) {
                throw new IllegalArgumentException("token " + tokens[r] + " at position " + r
                        + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        double[] w = params.value;
        for (int r = 0; r < n; r++) {
            System.arraycopy(w, weight.offset() + tokens[r] * dim, x, r * dim, dim);
        }
    }

    /** dE[tokens[r]] += dx[r] for r < n. */
    public void backward(double[] dx, int[] tokens, int n) {
        backward(dx, tokens, 0, n);
    }

    /** dE[tokens[r]] += dx[r] for r in [from, to) (ranges in order give the bits of all at once). */
    public void backward(double[] dx, int[] tokens, int from, int to) {
        double[] g = params.grad;
        for (int r = from; r < to; r++) {
            int w = weight.offset() + tokens[r] * dim;
            int d = r * dim;
            for (int j = 0; j < dim; j++) {
                g[w + j] += dx[d + j];
            }
        }
    }

    public int vocab() {
        return vocab;
    }

}
