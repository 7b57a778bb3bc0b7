package io.neuralbytes.core;

/**
 * Element-wise optimiser updates on flat arrays, for trainers that update a parameter in one
 * pass (or split it over threads). Like {@link ArrayProducts}, they run on the Vector API when
 * it is loaded and on plain Java otherwise; both compute every element with the same
 * operations, correctly rounded, so they give identical results.
 */
public final class UpdateKernels {

    private UpdateKernels() {
    }

    /**
     * Clips and applies one Adagrad step to the elements [from, to):
     * g = max(-limit, min(limit, g)), m += g^2, value -= lr g / sqrt(m + eps). The result equals
     * {@link GradientClipping#clipElementwise(double[], double)} followed by
     * {@link Adagrad#step(Parameter, int, int)}.
     *
     * @param value the parameter (modified)
     * @param g     its gradient, clipped in place (modified)
     * @param m     Adagrad's memory of the parameter (modified)
     */
    public static void clipAndAdagrad(double[] value, double[] g, double[] m, int from, int to,
            double limit, double learningRate, double eps) {
        if (ArrayProducts.usesVectorApi()) {
            VectorUpdates.clipAndAdagrad(value, g, m, from, to, limit, learningRate, eps);
        } else {
            clipAndAdagradPlain(value, g, m, from, to, limit, learningRate, eps);
        }
    }

    /**
     * Returns true when every element of {@code a[from .. to)} is finite (neither NaN nor
     * infinite). It adds up x - x, which is 0 for a finite x and NaN otherwise, in several
     * independent sums, so that the scan runs at the speed of the additions instead of
     * stopping at a branch per element. Use a plain loop to find where the first non-finite
     * element is.
     */
    public static boolean allFinite(double[] a, int from, int to) {
        if (ArrayProducts.usesVectorApi()) {
            return VectorUpdates.allFinite(a, from, to);
        }
        return allFinitePlain(a, from, to);
    }

    static boolean allFinitePlain(double[] a, int from, int to) {
        double sum0 = 0.0;
        double sum1 = 0.0;
        double sum2 = 0.0;
        double sum3 = 0.0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            sum0 += a[i] - a[i];
            sum1 += a[i + 1] - a[i + 1];
            sum2 += a[i + 2] - a[i + 2];
            sum3 += a[i + 3] - a[i + 3];
        }
        for (; i < to; i++) {
            sum0 += a[i] - a[i];
        }
        return sum0 + sum1 + sum2 + sum3 == 0.0;
    }

    static void clipAndAdagradPlain(double[] value, double[] g, double[] m, int from, int to,
            double limit, double learningRate, double eps) {
        for (int i = from; i < to; i++) {
            double gi = Math.max(-limit, Math.min(limit, g[i]));
            g[i] = gi;
            m[i] += gi * gi;
            value[i] -= learningRate * gi / Math.sqrt(m[i] + eps);
        }
    }
}
