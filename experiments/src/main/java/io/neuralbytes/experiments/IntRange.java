package io.neuralbytes.experiments;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The values an integer option accepts, from {@code min} to {@code max} inclusive. The
 * option's check after parsing and the parser's error for a number outside {@code int} both
 * read the bounds from here, so that their messages agree.
 */
public record IntRange(int min, int max) {

    /** Returns the range from {@code min} to {@link Integer#MAX_VALUE}. */
    public static IntRange atLeast(int min) {
        return new IntRange(min, Integer.MAX_VALUE);
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** Returns "at least 1", "0 or more" or "from 1 to 100000". */
    public String text() {
        if (max != Integer.MAX_VALUE) {
            return "from " + min + " to " + max;
        }
        return min == 0 ? "0 or more" : "at least " + min;
    }

    /**
     * Throws a usage error of {@code commandLine} with {@link #message} when {@code value} is
     * outside the range.
     */
    public void require(String option, int value, CommandLine commandLine) {
        if (!contains(value)) {
            throw new ParameterException(commandLine, message(option, value));
        }
    }

    /** Returns "--steps must be at least 1, got 0" for {@code value} outside the range. */
    public String message(String option, Object value) {
        return option + " must be " + text() + ", got " + value;
    }
}
