package io.neuralbytes.core;

import java.util.List;

/** Plain gradient descent: p -= lr g for every element. It keeps no state between steps. */
public final class Sgd implements Optimizer {

    private final double learningRate;

    /**
     * Creates the rule with learning rate {@code learningRate}.
     *
     * @throws IllegalArgumentException if the learning rate is NaN, infinite, zero or negative
     */
    public Sgd(double learningRate) {
        this.learningRate = Checks.requirePositiveFinite("learning rate", learningRate);
    }

    /** Returns the learning rate. */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            step(parameter);
        }
    }

    /** Updates one parameter: p -= lr g. Only its value is modified. */
    public void step(Parameter parameter) {
        double[] p = parameter.value();
        double[] g = parameter.grad();
        for (int i = 0; i < p.length; i++) {
            p[i] -= learningRate * g[i];
        }
    }
}
