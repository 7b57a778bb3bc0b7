package io.neuralbytes.experiments;

import java.util.regex.Pattern;

/**
 * Parses the decimal numbers of the command line: an optional sign, ASCII digits with at most
 * one point, and an optional exponent, such as {@code 0.01}, {@code -2.5} or {@code 1e-3}.
 * {@link Double#parseDouble} also accepts Java's own syntax ({@code 0x1p3}, {@code 1d},
 * {@code NaN}, {@code Infinity}), which would turn a typing slip into a run with an unintended
 * value, so every option of type {@code double} goes through this class instead.
 */
public final class PlainDecimals {

    /** The accepted text: an optional sign, digits with at most one point, an exponent. */
    public static final Pattern SYNTAX =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** The text of the largest finite double, for the message about a value too large. */
    public static final String MAX_TEXT = "1.7976931348623157e308";

    private PlainDecimals() {
    }

    /**
     * Parses {@code text} as a finite {@code double}. A value too small for a double becomes
     * zero (or negative zero), as with {@link Double#parseDouble}.
     *
     * @throws NumberFormatException if {@code text} does not match {@link #SYNTAX}, or its
     *     magnitude is above {@link Double#MAX_VALUE}
     */
    public static double parseDouble(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new NumberFormatException("expected a decimal number such as 0.01 or 1e-3, got '"
                    + text + "'");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("expected a magnitude of at most " + MAX_TEXT
                    + ", got '" + text + "'");
        }
        return value;
    }
}
