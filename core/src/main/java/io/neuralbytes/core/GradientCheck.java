package io.neuralbytes.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Central-difference gradient check. For every element p of every parameter, the numeric
 * gradient is (L(p + eps) - L(p - eps)) / (2 eps), and it is compared with the analytic
 * gradient by {@link #relativeError(double, double)}.
 *
 * <p>The caller first fills each {@link Parameter#grad()} with analytic gradients at the
 * current point. The loss function recomputes the loss from the current parameter values and
 * must not depend on the gradients. The check copies the gradients before it starts and
 * writes them back when it ends, and it restores every value after perturbing it, so the
 * parameters end as they started even if the loss function runs a backward pass or throws.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param maxRelativeError            the largest relative error over all elements
     * @param worstParameter              the name of the parameter that contains it
     * @param worstIndex                  its row-major index in that parameter
     * @param worstAnalytic               the analytic gradient there
     * @param worstNumeric                the numeric gradient there
     * @param maxRelativeErrorByParameter the largest relative error of each parameter, in the
     *                                    order given
     */
    public record Result(double maxRelativeError, String worstParameter, int worstIndex,
                         double worstAnalytic, double worstNumeric,
                         Map<String, Double> maxRelativeErrorByParameter) {

        /** Returns a one-line summary naming the worst element. */
        @Override
        public String toString() {
            return "max relative error " + maxRelativeError + " at " + worstParameter + "["
                    + worstIndex + "] (analytic " + worstAnalytic + ", numeric "
                    + worstNumeric + "); by parameter " + maxRelativeErrorByParameter;
        }
    }

    /**
     * Compares the gradients stored in {@code parameters} with central differences of
     * {@code lossFunction}. It calls the loss function twice per parameter element.
     *
     * @param epsilon the step eps added to and subtracted from each value; 1e-5 suits double
     *                precision and losses of order 1
     * @throws IllegalArgumentException if the list is empty, epsilon is not positive and
     *                                  finite, or two parameters share a name
     */
    public static Result check(List<Parameter> parameters, DoubleSupplier lossFunction,
                               double epsilon) {
        Checks.requirePositiveFinite("epsilon", epsilon);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("gradient check: the parameter list is empty");
        }
        List<double[]> analyticGradients = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("gradient check: two parameters are named "
                        + parameter.name() + "; names must be unique");
            }
            analyticGradients.add(parameter.grad().clone());
        }
        Map<String, Double> byParameter = new LinkedHashMap<>();
        double worstError = -1.0;
        String worstParameter = null;
        int worstIndex = -1;
        double worstAnalytic = Double.NaN;
        double worstNumeric = Double.NaN;
        try {
            for (int k = 0; k < parameters.size(); k++) {
                Parameter parameter = parameters.get(k);
                double[] analytic = analyticGradients.get(k);
                double[] p = parameter.value();
                double parameterWorst = 0.0;
                for (int i = 0; i < p.length; i++) {
                    double numeric = centralDifference(p, i, lossFunction, epsilon);
                    double error = relativeError(analytic[i], numeric);
                    if (isWorse(error, parameterWorst)) {
                        parameterWorst = error;
                    }
                    if (isWorse(error, worstError)) {
                        worstError = error;
                        worstParameter = parameter.name();
                        worstIndex = i;
                        worstAnalytic = analytic[i];
                        worstNumeric = numeric;
                    }
                }
                byParameter.put(parameter.name(), parameterWorst);
            }
        } finally {
            for (int k = 0; k < parameters.size(); k++) {
                double[] analytic = analyticGradients.get(k);
                System.arraycopy(analytic, 0, parameters.get(k).grad(), 0, analytic.length);
            }
        }
        return new Result(worstError, worstParameter, worstIndex, worstAnalytic, worstNumeric,
                Collections.unmodifiableMap(byParameter));
    }

    /** Returns whether {@code error} beats {@code worst}; the first NaN counts as the worst. */
    private static boolean isWorse(double error, double worst) {
        if (Double.isNaN(worst)) {
            return false;
        }
        return Double.isNaN(error) || error > worst;
    }

    private static double centralDifference(double[] p, int i, DoubleSupplier lossFunction,
                                            double epsilon) {
        double saved = p[i];
        try {
            p[i] = saved + epsilon;
            double lossPlus = lossFunction.getAsDouble();
            p[i] = saved - epsilon;
            double lossMinus = lossFunction.getAsDouble();
            return (lossPlus - lossMinus) / (2.0 * epsilon);
        } finally {
            p[i] = saved;
        }
    }

    /**
     * Returns |analytic - numeric| / max(|analytic|, |numeric|), in [0, 1] for finite inputs
     * of one sign and up to 2 for opposite signs. Two zero gradients agree, so the result is 0
     * when both are 0, never NaN. A NaN input gives NaN.
     *
     * <p>NOTE: the error has no absolute floor. Rounding in the loss puts noise of roughly
     * 1e-16 |L| / epsilon into each numeric gradient, so gradients near that size fail the
     * check even when correct. Check at a point where the gradients are larger, for example
     * with weights drawn from a wider range.
     */
    public static double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        if (scale == 0.0) {
            return 0.0;
        }
        return Math.abs(analytic - numeric) / scale;
    }
}
