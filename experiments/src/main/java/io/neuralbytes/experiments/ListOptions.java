package io.neuralbytes.experiments;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validation of options that take a list of distinct values, such as {@code --level char,word}.
 * A value given twice would otherwise run once, silently, so it is rejected instead.
 */
public final class ListOptions {

    private ListOptions() {
    }

    /**
     * Returns the first value of {@code values} whose key equals the key of an earlier value,
     * or null when every key is distinct or {@code values} is null.
     *
     * @param key maps a value to what makes it the same as another, such as its lower case
     */
    public static <T> T firstRepeated(List<T> values, Function<T, ?> key) {
        if (values == null) {
            return null;
        }
        Set<Object> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(key.apply(value))) {
                return value;
            }
        }
        return null;
    }

    /**
     * Returns the one-line error for {@code repeated} given twice to {@code option}, such as
     * "--level lists 'char' more than once; give each value once".
     */
    public static String repeatedMessage(String option, Object repeated) {
        return option + " lists '" + repeated + "' more than once; give each value once";
    }
}
