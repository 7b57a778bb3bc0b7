package io.neuralbytes.experiments;

/**
 * Parses integers written with the ASCII digits 0-9 only. {@link Integer#parseInt} also accepts
 * other scripts' digits, such as the Arabic-Indic two, while {@link Double#parseDouble} rejects
 * them, so a command line could take {@code --steps ٢} but not {@code --lr ١}.
 */
public final class AsciiIntegers {

    private AsciiIntegers() {
    }

    /**
     * Parses {@code text} as an {@code int}.
     *
     * @throws NumberFormatException if {@code text} is not an optional sign and ASCII digits, or
     *     is outside the range of {@code int}
     */
    public static int parseInt(String text) {
        requireAsciiDigits(text);
        return Integer.parseInt(text);
    }

    /** Parses {@code text} as a {@code long}, with the rules of {@link #parseInt}. */
    public static long parseLong(String text) {
        requireAsciiDigits(text);
        return Long.parseLong(text);
    }

    private static void requireAsciiDigits(String text) {
        if (text == null || !text.matches("[+-]?[0-9]+")) {
            throw new NumberFormatException("expected ASCII digits 0-9, got '" + text + "'");
        }
    }
}
