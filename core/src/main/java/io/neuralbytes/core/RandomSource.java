package io.neuralbytes.core;

import java.util.SplittableRandom;

/**
 * Seeded, reproducible random numbers: the same seed gives the same stream on every run and
 * every JVM. Seed 0 is an ordinary seed. A {@link SplittableRandom} does the work, so an
 * instance is not thread-safe; give each thread its own through {@link #split()}.
 */
public final class RandomSource {

    private final SplittableRandom random;

    /** Creates a stream determined entirely by {@code seed}; any long is valid, 0 included. */
    public RandomSource(long seed) {
        this(new SplittableRandom(seed));
    }

    private RandomSource(SplittableRandom random) {
        this.random = random;
    }

    /** Returns a uniform double in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /**
     * Returns a uniform double in [low, high).
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code low >= high}
     */
    public double uniform(double low, double high) {
        requireRange(low, high);
        return random.nextDouble(low, high);
    }

    static void requireRange(double low, double high) {
        Checks.requireFinite("low", low);
        Checks.requireFinite("high", high);
        if (!(low < high) || !Double.isFinite(high - low)) {
            throw new IllegalArgumentException("range [" + low + ", " + high
                    + ") is invalid; low must be below high and high - low finite");
        }
    }

    /**
     * Returns a uniform int in [0, bound).
     *
     * @throws IllegalArgumentException if {@code bound} is below 1
     */
    public int nextInt(int bound) {
        Checks.requirePositive("bound", bound);
        return random.nextInt(bound);
    }

    /** Returns a standard normal double (mean 0, standard deviation 1). */
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /**
     * Returns an index i drawn with probability {@code p[i] / sum(p)}, as when sampling the next
     * token from a softmax. {@code p} is not modified.
     *
     * @throws IllegalArgumentException if p is empty, has a negative or non-finite entry, or
     *                                  sums to 0
     */
    public int sampleIndex(double[] p) {
        double total = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw new IllegalArgumentException("sampleIndex: p[" + i + "] is " + p[i]
                        + "; every weight must be finite and 0 or more");
            }
            total += p[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("sampleIndex: the " + p.length
                    + " weights sum to " + total + "; at least one must be positive");
        }
        double u = random.nextDouble() * total;
        double cumulative = 0.0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        // Rounding can leave u just above the last cumulative sum.
        return last;
    }

    /** Shuffles {@code values} in place (Fisher-Yates), every permutation equally likely. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * Returns a child stream, statistically independent of this one, and advances this stream.
     * Splitting is deterministic: the same seed and the same sequence of calls give the same
     * children.
     */
    public RandomSource split() {
        return new RandomSource(random.split());
    }
}
