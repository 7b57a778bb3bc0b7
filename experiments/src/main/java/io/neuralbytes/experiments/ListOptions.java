package io.neuralbytes.experiments;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Validation of options that take a list of distinct values, such as {@code --level char,word}.
 * A value given twice would otherwise run once, silently, so it is rejected instead. So is an
 * empty list or an empty item, which would otherwise run nothing or fall back to the default.
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

    /**
     * Rejects a comma-separated option of {@code parsed} or of its subcommands whose value is
     * empty or has an empty item, such as {@code --lr ,} or {@code --runs rnn-char,,cnn}.
     * Picocli would turn {@code ,} into an empty list, which runs nothing or the default.
     *
     * @throws ParameterException naming the option and what it expects
     */
    public static void rejectEmptyItems(ParseResult parsed) {
        for (OptionSpec option : parsed.matchedOptions()) {
            if (option.splitRegex().isEmpty()) {
                continue;
            }
            for (String value : option.originalStringValues()) {
                if (hasEmptyItem(value, option.splitRegex())) {
                    throw new ParameterException(parsed.commandSpec().commandLine(),
                            emptyItemMessage(option), option, value);
                }
            }
        }
        for (ParseResult subcommand : parsed.subcommands()) {
            rejectEmptyItems(subcommand);
        }
    }

    private static boolean hasEmptyItem(String value, String splitRegex) {
        // The limit -1 keeps trailing empty items, which String.split drops by default.
        for (String item : value.split(splitRegex, -1)) {
            if (item.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns "--lr has an empty item; expected one or more RATE values separated by commas",
     * the error for a list option given an empty value, a lone comma or two commas in a row.
     */
    public static String emptyItemMessage(OptionSpec option) {
        return option.longestName() + " has an empty item; expected one or more "
                + option.paramLabel() + " values separated by commas";
    }
}
