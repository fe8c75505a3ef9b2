package tearnn.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tearnn.loss.LossKind;
import tearnn.math.Fn;
import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.State;

/**
 * Generates from a next-token model: feed a prime sequence, then repeatedly turn the logits into a
 * distribution and pick the next token, greedily (the most likely) or by sampling with a temperature
 * (p proportional to exp(logit / temperature)), optionally among the top k only.
 */
public final class Sampler {
    private final Model model;
    private final State state;
    private final int vocab;
    private final int[] one = new int[1];
    private final Batch step;
    private double[] last;

    public Sampler(Model model) {
        if (!model.architecture().input().tokens() || model.architecture().lastStepOnly()
                || model.architecture().loss() != LossKind.SOFTMAX_CE) {
            throw new IllegalArgumentException("sampling needs a next-token model (token input, softmax at every step)");
        }
        this.model = model;
        this.state = model.newState(1);
        this.vocab = model.architecture().outputs();
        this.step = Batch.ofTokens(1, 1, one, null);
    }

    /** Resets the state and feeds the prime tokens (at least one). */
    public void prime(int[] tokens) {
        if (tokens == null || tokens.length == 0) {
            throw new IllegalArgumentException("the prime must hold at least one token");
        }
        state.reset();
        double[] logits = model.predict(Batch.ofTokens(tokens.length, 1, tokens, null), state);
        last = Arrays.copyOfRange(logits, (tokens.length - 1) * vocab, tokens.length * vocab);
    }

    /** Feeds one more token. */
    public void feed(int token) {
        one[0] = token;
        double[] logits = model.predict(step, state);
        last = Arrays.copyOf(logits, vocab);
    }

    /** The distribution over the next token at this temperature (softmax of logits / temperature). */
    public double[] distribution(double temperature) {
        if (last == null) {
            throw new IllegalStateException("prime the sampler first");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        return softmax(last, temperature);
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double z = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Fn.exp((logits[i] - max) / temperature);
            z += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= z;
        }
        return p;
    }

    /** Indices of the k largest values, largest first (ties by lower index). */
    public static int[] topK(double[] p, int k) {
        return Fn.topK(p, p.length, k);
    }

    /**
     * Picks the next token: greedy (the most likely), else sampled at the temperature, among the
     * {@code topK} most likely (0 = all).
     */
    public int pick(boolean greedy, double temperature, int topK, Rng rng) {
        if (greedy) {
            return topK(last == null ? distribution(1) : last, 1)[0];
        }
        double[] p = distribution(temperature);
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0 (0 = all), got " + topK);
        }
        if (topK > 0 && topK < p.length) {
            int[] keep = topK(p, topK);
            double z = 0;
            for (int i : keep) {
                z += p[i];
            }
            double u = rng.nextDouble() * z;
            for (int i : keep) {
                u -= p[i];
                if (u < 0) {
                    return i;
                }
            }
            return keep[keep.length - 1];
        }
        double u = rng.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** Primes, then generates {@code n} tokens. */
    public int[] generate(int[] prime, int n, boolean greedy, double temperature, int topK, Rng rng) {
        if (n < 0) {
            throw new IllegalArgumentException("number of tokens to generate must be >= 0, got " + n);
        }
        prime(prime);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = pick(greedy, temperature, topK, rng);
            if (i + 1 < n) {
                feed(out[i]);
            }
        }
        return out;
    }

    /** A beam search result: tokens after the prime and their total log probability. */
    public record Beam(int[] tokens, double logProb) {
    }

    /**
     * Beam search: keeps the {@code width} most probable continuations of {@code n} tokens, returned
     * best first.
     */
    public List<Beam> beamSearch(int[] prime, int n, int width) {
        if (width <= 0 || n <= 0) {
            throw new IllegalArgumentException("beam width and length must be positive, got " + width + " and " + n);
        }
        prime(prime);
        List<Beam> beams = new ArrayList<>();
        List<State> states = new ArrayList<>();
        List<double[]> logits = new ArrayList<>();
        beams.add(new Beam(new int[0], 0));
        states.add(state.copy());
        logits.add(last);
        for (int step = 0; step < n; step++) {
            List<Beam> cand = new ArrayList<>();
            List<Integer> parent = new ArrayList<>();
            for (int b = 0; b < beams.size(); b++) {
                double[] p = softmax(logits.get(b), 1);
                for (int k : topK(p, width)) {
                    int[] seq = Arrays.copyOf(beams.get(b).tokens(), step + 1);
                    seq[step] = k;
                    cand.add(new Beam(seq, beams.get(b).logProb() + Math.log(p[k])));
                    parent.add(b);
                }
            }
            double[] scores = new double[cand.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = cand.get(i).logProb();
            }
            int[] best = topK(scores, width);
            List<Beam> nextBeams = new ArrayList<>();
            List<State> nextStates = new ArrayList<>();
            List<double[]> nextLogits = new ArrayList<>();
            for (int i : best) {
                Beam c = cand.get(i);
                nextBeams.add(c);
                if (step + 1 < n) {
                    State s = states.get(parent.get(i)).copy();
                    one[0] = c.tokens()[step];
                    double[] l = model.predict(this.step, s);
                    nextStates.add(s);
                    nextLogits.add(Arrays.copyOf(l, vocab));
                }
            }
            beams = nextBeams;
            states = nextStates;
            logits = nextLogits;
        }
        return beams;
    }
}
