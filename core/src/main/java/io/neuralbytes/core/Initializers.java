package io.neuralbytes.core;

/**
 * Weight initialisers. Each fills the whole array or matrix it is given, in index order, from
 * {@code rng}; the same seed gives the same weights.
 */
public final class Initializers {

    private Initializers() {
    }

    /**
     * Fills {@code w} with values uniform in [low, high).
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code low >= high}
     */
    public static void uniform(double[] w, double low, double high, RandomSource rng) {
        RandomSource.requireRange(low, high);
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.uniform(low, high);
        }
    }

    /** Fills W with values uniform in [low, high). */
    public static void uniform(Matrix W, double low, double high, RandomSource rng) {
        uniform(W.data(), low, high, rng);
    }

    /**
     * Fills {@code w} with values uniform in [-limit, limit). The original uses limit 0.1 for the
     * MLP and the CNN and 0.05 for the LSTM.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public static void uniformSymmetric(double[] w, double limit, RandomSource rng) {
        Checks.requirePositiveFinite("limit", limit);
        uniform(w, -limit, limit, rng);
    }

    /** Fills W with values uniform in [-limit, limit). */
    public static void uniformSymmetric(Matrix W, double limit, RandomSource rng) {
        uniformSymmetric(W.data(), limit, rng);
    }

    /**
     * Fills {@code w} with values uniform in [-sqrt(1/fanIn), sqrt(1/fanIn)), the scheme of the
     * original's RNN: U with fanIn = vocabulary size, W and V with fanIn = hidden size.
     *
     * @throws IllegalArgumentException if {@code fanIn} is below 1
     */
    public static void uniformFanIn(double[] w, int fanIn, RandomSource rng) {
        Checks.requirePositive("fanIn", fanIn);
        uniformSymmetric(w, Math.sqrt(1.0 / fanIn), rng);
    }

    /** Fills W with values uniform in [-sqrt(1/fanIn), sqrt(1/fanIn)). */
    public static void uniformFanIn(Matrix W, int fanIn, RandomSource rng) {
        uniformFanIn(W.data(), fanIn, rng);
    }
}
