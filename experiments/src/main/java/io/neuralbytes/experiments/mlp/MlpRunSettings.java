package io.neuralbytes.experiments.mlp;

import java.math.BigDecimal;

/**
 * The settings of one training run of the sweep.
 *
 * @param epochs       full-batch updates, at least 1
 * @param learningRate step size of gradient descent, positive and finite
 */
record MlpRunSettings(int epochs, double learningRate) {

    /** Returns the run's name, also the start of its file names, such as {@code e100-lr0.1}. */
    String name() {
        return "e" + epochs + "-lr" + formatRate(learningRate);
    }

    /** Formats a rate in plain decimals without trailing zeros, such as 1e-6 as 0.000001. */
    static String formatRate(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }
}
