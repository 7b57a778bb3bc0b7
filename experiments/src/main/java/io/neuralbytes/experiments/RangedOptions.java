package io.neuralbytes.experiments;

import java.util.Map;

/**
 * A command whose integer options accept narrower ranges than {@code int}. A value too large
 * or too small for an {@code int} then gets an error naming the option's own range, such as
 * "--repeats must be from 1 to 100000", in place of the bounds of {@code int}.
 */
public interface RangedOptions {

    /** Returns each integer option's range, by the option's long name. */
    Map<String, IntRange> intRanges();
}
