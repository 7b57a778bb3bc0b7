package io.neuralbytes.core;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adagrad: for every element, m += g^2, then p -= lr g / sqrt(m + eps). Because eps > 0, a zero
 * gradient gives a zero update, never NaN, even before any non-zero gradient has been seen.
 * The rule keeps one memory array m per {@link Parameter}, created as zeros the first time the
 * parameter is seen and found again by identity.
 */
public final class Adagrad implements Optimizer {

    /** The default eps, the value the original uses. */
    public static final double DEFAULT_EPS = 1e-8;

    private final double learningRate;
    private final double eps;
    private final Map<Parameter, double[]> memories = new IdentityHashMap<>();

    /** Creates the rule with eps = {@value #DEFAULT_EPS}. */
    public Adagrad(double learningRate) {
        this(learningRate, DEFAULT_EPS);
    }

    /**
     * Creates the rule.
     *
     * @throws IllegalArgumentException if the learning rate or eps is NaN, infinite, zero or
     *                                  negative
     */
    public Adagrad(double learningRate, double eps) {
        this.learningRate = Checks.requirePositiveFinite("learning rate", learningRate);
        this.eps = Checks.requirePositiveFinite("eps", eps);
    }

    /** Returns the learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Returns eps, the constant added to m under the square root. */
    public double eps() {
        return eps;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            step(parameter);
        }
    }

    /** Updates every element of one parameter; its value and its memory are modified. */
    public void step(Parameter p) {
        step(p, 0, p.size());
    }

    /**
     * Updates only elements [from, to) of one parameter, such as the row of an embedding that a
     * one-hot input selected. Other elements and their memory stay as they are.
     *
     * @throws IllegalArgumentException if the range is not inside [0, p.size()]
     */
    public void step(Parameter p, int from, int to) {
        if (from < 0 || to > p.size() || from > to) {
            throw new IllegalArgumentException("Adagrad step: range [" + from + ", " + to
                    + ") is invalid for parameter " + p + " of " + p.size() + " elements");
        }
        double[] value = p.value();
        double[] g = p.grad();
        double[] m = memory(p);
        for (int i = from; i < to; i++) {
            m[i] += g[i] * g[i];
            value[i] -= learningRate * g[i] / Math.sqrt(m[i] + eps);
        }
    }

    /**
     * Returns the memory array m of {@code p} itself (same length and layout as its value),
     * creating it as zeros if {@code p} has not been seen yet. Tests read it, and checkpoints
     * may save and restore it by writing into the returned array. Safe to call from several
     * threads; the returned array itself is not guarded.
     */
    public synchronized double[] memory(Parameter p) {
        return memories.computeIfAbsent(p, key -> new double[key.size()]);
    }
}
