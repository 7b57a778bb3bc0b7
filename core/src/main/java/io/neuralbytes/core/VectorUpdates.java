package io.neuralbytes.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link UpdateKernels}. Lane-wise min, max, add, multiply, divide and
 * square root are rounded as their scalar forms, so each element gets exactly the result of the
 * plain loop. Only loaded when the module {@code jdk.incubator.vector} is present.
 */
final class VectorUpdates {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorUpdates() {
    }

    static void clipAndAdagrad(double[] value, double[] g, double[] m, int from, int to,
            double limit, double learningRate, double eps) {
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            DoubleVector gi = DoubleVector.fromArray(S, g, i).min(limit).max(-limit);
            gi.intoArray(g, i);
            DoubleVector mi = DoubleVector.fromArray(S, m, i).add(gi.mul(gi));
            mi.intoArray(m, i);
            DoubleVector step = gi.mul(learningRate).div(mi.add(eps).sqrt());
            DoubleVector.fromArray(S, value, i).sub(step).intoArray(value, i);
        }
        UpdateKernels.clipAndAdagradPlain(value, g, m, i, to, limit, learningRate, eps);
    }
}
