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

    /** Maximum length of a rate in plain decimals; a longer rate uses scientific notation. */
    static final int MAX_PLAIN_LENGTH = 20;

    /**
     * Formats a positive rate without trailing zeros: in plain decimals when that takes at
     * most {@value #MAX_PLAIN_LENGTH} characters, such as 1e-6 as {@code 0.000001}, and
     * otherwise in scientific notation, such as 1e308 as {@code 1e+308}, so that a file name
     * stays short for every double.
     */
    static String formatRate(double rate) {
        BigDecimal decimal = BigDecimal.valueOf(rate).stripTrailingZeros();
        String plain = decimal.toPlainString();
        if (plain.length() <= MAX_PLAIN_LENGTH) {
            return plain;
        }
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String mantissa = digits.length() == 1 ? digits
                : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
