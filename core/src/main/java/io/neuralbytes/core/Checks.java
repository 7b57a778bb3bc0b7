package io.neuralbytes.core;

/**
 * Argument checks that throw {@link IllegalArgumentException} with a one-line message naming
 * the setting and the rejected value, for example
 * {@code "learning rate must be a positive finite number, got NaN"}.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks that {@code value} is finite and greater than zero.
     *
     * @param name the setting as a reader knows it, such as {@code "learning rate"}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN, infinite, zero or negative
     */
    public static double requirePositiveFinite(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is at least 1.
     *
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is neither NaN nor infinite.
     *
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is zero or more.
     *
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static int requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
        return value;
    }

    /**
     * Checks that the slice [offset, offset + length) of {@code array}, named {@code name} in
     * the message, lies inside it; the message starts with {@code operation}.
     *
     * @throws IllegalArgumentException if the slice reaches outside the array
     */
    static void requireSlice(String operation, String name, double[] array, int offset,
            int length) {
        if (offset < 0 || (long) offset + length > array.length) {
            throw new IllegalArgumentException(operation + ": " + name + " has length "
                    + array.length + " but the slice is [" + offset + ", "
                    + ((long) offset + length) + "); the slice must lie inside " + name);
        }
    }
}
