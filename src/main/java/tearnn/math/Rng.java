package tearnn.math;

/**
 * The project's one source of randomness: xoshiro128** on four {@code int} words, seeded by
 * splitmix32. Only int arithmetic, so a seed gives the same stream on the JVM, in JavaScript (where
 * {@code long} is a slow BigInt and {@code java.util.Random} differs) and in WebAssembly.
 */
public final class Rng {
    private int s0;
    private int s1;
    private int s2;
    private int s3;

    public Rng(int seed) {
        seed(seed);
    }

    /** Starts over as {@code new Rng(seed)} would, without allocating. */
    public void seed(int seed) {
        int z = seed;
        z += 0x9E3779B9;
        s0 = mix(z);
        z += 0x9E3779B9;
        s1 = mix(z);
        z += 0x9E3779B9;
        s2 = mix(z);
        z += 0x9E3779B9;
        s3 = mix(z);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
    }

    /**
     * Starts over on stream {@code stream} of {@code seed}: streams of one seed are as unrelated as
     * different seeds (the stream number is mixed before it meets the seed).
     */
    public void seed(int seed, int stream) {
        seed(seed ^ mix(stream * 0x632BE5AB + 0x3C6EF372));
    }

    /** A generator continuing from a saved {@link #state()}. */
    public static Rng fromState(int[] state) {
        if (state == null || state.length != 4) {
            throw new IllegalArgumentException("generator state must be 4 ints");
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("generator state must not be all zero");
        }
        Rng r = new Rng(0);
        r.s0 = state[0];
        r.s1 = state[1];
        r.s2 = state[2];
        r.s3 = state[3];
        return r;
    }

    public int[] state() {
        return new int[] {s0, s1, s2, s3};
    }

    /** Continues from where {@code other} is now (a copy of its state, without allocating). */
    public void copyFrom(Rng other) {
        s0 = other.s0;
        s1 = other.s1;
        s2 = other.s2;
        s3 = other.s3;
    }

    private static int mix(int z) {
        z = (z ^ (z >>> 16)) * 0x85EBCA6B;
        z = (z ^ (z >>> 13)) * 0xC2B2AE35;
        return z ^ (z >>> 16);
    }

    /** 32 uniformly random bits. */
    public int nextInt() {
        int result = Integer.rotateLeft(s1 * 5, 7) * 9;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Integer.rotateLeft(s3, 11);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        int hi = nextInt() >>> 5; // 27 bits
        int lo = nextInt() >>> 6; // 26 bits
        return (hi * 67108864.0 + lo) * (1.0 / 9007199254740992.0);
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) (nextDouble() * bound);
    }

    /**
     * Approximately standard normal: the sum of 12 uniforms minus 6 (Irwin-Hall). Mean 0, variance
     * 1, tails cut at +-6; uses no transcendental function, so it is bit-identical everywhere.
     */
    public double nextGaussian() {
        double s = 0;
        for (int i = 0; i < 12; i++) {
            s += nextDouble();
        }
        return s - 6;
    }

    /** Fisher-Yates shuffle of a[0..n). */
    public void shuffle(int[] a, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
