package io.neuralbytes.core;

import java.util.List;

/**
 * Element-wise gradient clipping: every gradient element is limited to [-limit, limit]. NaN
 * elements stay NaN, so a diverging run remains visible.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Clips every element of {@code g} in place to [-limit, limit].
     *
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public static void clipElementwise(double[] g, double limit) {
        Checks.requirePositiveFinite("clip limit", limit);
        for (int i = 0; i < g.length; i++) {
            // Math.min and Math.max return NaN for a NaN argument.
            g[i] = Math.max(-limit, Math.min(limit, g[i]));
        }
    }

    /** Clips the gradient of every parameter in place to [-limit, limit]; values are unchanged. */
    public static void clipElementwise(List<Parameter> parameters, double limit) {
        Checks.requirePositiveFinite("clip limit", limit);
        for (Parameter parameter : parameters) {
            clipElementwise(parameter.grad(), limit);
        }
    }
}
