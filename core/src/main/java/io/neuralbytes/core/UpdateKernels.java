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
