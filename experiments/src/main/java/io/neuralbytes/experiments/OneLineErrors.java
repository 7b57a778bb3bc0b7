package io.neuralbytes.experiments;

import io.neuralbytes.datasets.DataSources;
import io.neuralbytes.experiments.output.ErrorMessages;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a bad command line or a failed run as one line on standard error, instead of
 * picocli's full usage text or a stack trace. Exit codes: 2 for a bad command line, 1 for a
 * failed run.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int USAGE_ERROR = 2;
    static final int RUN_FAILED = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("neuralbytes: " + message(ex, args) + ". See '"
                + helpCommand(ex).getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return USAGE_ERROR;
    }

    /**
     * Returns the command whose help to point to: the one that declares the option in error.
     * A shared option such as --threads, given after an experiment's name, is reported on the
     * experiment, whose help may hide it, so the hint names {@code reproduce --help}.
     */
    private static CommandLine helpCommand(ParameterException ex) {
        CommandLine commandLine = ex.getCommandLine();
        if (!(ex.getArgSpec() instanceof OptionSpec option)) {
            return commandLine;
        }
        String name = option.longestName();
        while (commandLine.getParent() != null) {
            OptionSpec declared = commandLine.getCommandSpec().findOption(name);
            if (declared != null && !declared.inherited()) {
                break;
            }
            commandLine = commandLine.getParent();
        }
        return commandLine;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine,
                                        ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("neuralbytes: failed: " + describe(ex));
        boolean expected = ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException
                || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException;
        if (!expected) {
            // An unexpected exception is a bug, so the stack trace is worth showing.
            ex.printStackTrace(err);
        }
        err.flush();
        return RUN_FAILED;
    }

    /** Returns the exception on one line, as {@link ErrorMessages#describe} does. */
    static String describe(Throwable e) {
        return ErrorMessages.describe(e);
    }

    /**
     * Returns the one-line reason for a command or an experiment that ran out of memory, with
     * what to do: smaller {@code sizeOptions} when it has any, or a larger heap than
     * {@code maxHeapBytes}, the JVM's maximum. The heap suggested is twice the maximum,
     * rounded up to whole GiB.
     */
    static String outOfMemoryMessage(OutOfMemoryError e, List<String> sizeOptions,
                                     long maxHeapBytes) {
        long mebibyte = 1L << 20;
        long suggestedGibibytes = Math.max(1, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
        String sizes = sizeOptions.isEmpty()
                ? null : "smaller sizes (" + String.join(", ", sizeOptions) + ")";
        String reason = e.getMessage() == null || e.getMessage().isBlank()
                ? "" : " (" + e.getMessage() + ")";
        if (String.valueOf(e.getMessage()).contains("array size exceeds VM limit")) {
            // No heap can store an array longer than the JVM allows, so only smaller sizes help.
            return "out of memory" + reason + ": an array longer than Java allows"
                    + (sizes == null ? "" : "; use " + sizes);
        }
        String heap = "give Java more heap, for example JAVA_TOOL_OPTIONS=-Xmx"
                + suggestedGibibytes + "g";
        return "out of memory" + reason + " with a maximum heap of "
                + maxHeapBytes / mebibyte + " MiB; " + (sizes == null ? heap
                : "use " + sizes + ", or " + heap);
    }

    private static String message(ParameterException ex, String[] args) {
        String repeated = repeatedExperiment(ex.getCommandLine(), args);
        if (repeated != null) {
            // Picocli gives a repeated subcommand a fresh instance without the inherited
            // options, so its parse error would blame an option instead of the repetition.
            return "experiment '" + repeated + "' is named more than once";
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> arguments = unmatched.getUnmatched();
            String first = arguments.isEmpty() ? "" : arguments.get(0);
            if (!first.startsWith("-") && isExperimentLevel(ex.getCommandLine())) {
                return "unknown experiment '" + first + "'; expected one of: "
                        + String.join(", ", experimentNames(ex.getCommandLine()));
            }
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'" + experimentOptionHint(ex, first);
            }
            return "unexpected argument '" + first + "'";
        }
        if (ex instanceof OverwrittenOptionException overwritten
                && overwritten.getOverwritten() instanceof OptionSpec option) {
            return option.longestName() + " is given more than once; give it once";
        }
        String conversion = conversionMessage(ex);
        if (conversion != null) {
            return conversion;
        }
        return ex.getMessage().lines().collect(Collectors.joining(" "));
    }

    /**
     * Returns "--seed must be an integer, got 'abc'" in place of picocli's "Invalid value for
     * option '--seed': 'abc' is not a long", or null when {@code ex} is no such conversion
     * error or the option's type has no wording here.
     */
    static String conversionMessage(ParameterException ex) {
        if (!(ex.getArgSpec() instanceof OptionSpec option) || ex.getValue() == null
                || !String.valueOf(ex.getMessage()).startsWith("Invalid value for option")) {
            return null;
        }
        if (!option.splitRegex().isEmpty() && String.valueOf(ex.getValue()).isBlank()) {
            return ListOptions.emptyItemMessage(option);
        }
        Class<?>[] types = option.auxiliaryTypes();
        Class<?> type = types.length > 0 ? types[0] : option.type();
        String expected;
        String value = String.valueOf(ex.getValue());
        // Only digits, with no spaces: ' 5' fails to parse as an integer, not as too large.
        boolean integerText = value.matches("[+-]?[0-9]+");
        boolean otherDigits = value.chars().anyMatch(c -> c > 127 && Character.isDigit(c));
        if (type == int.class || type == Integer.class) {
            expected = otherDigits ? "an integer in the digits 0-9" : "an integer";
            if (integerText) {
                IntRange range = ownRange(ex.getCommandLine(), option);
                if (range != null) {
                    // Both bounds, because "at least 1" reads wrong for a number too large.
                    return option.longestName() + " must be from " + range.min() + " to "
                            + range.max() + ", got '" + value + "'";
                }
                return outOfRange(option, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
        } else if (type == long.class || type == Long.class) {
            expected = otherDigits ? "an integer in the digits 0-9" : "an integer";
            if (integerText) {
                return outOfRange(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
            }
        } else if (type == short.class || type == Short.class) {
            expected = "an integer";
        } else if (type == double.class || type == Double.class || type == float.class
                || type == Float.class) {
            if (PlainDecimals.SYNTAX.matcher(value).matches()) {
                // Plain decimal text fails only when its magnitude is too large for a double.
                return option.longestName() + " must be at most " + PlainDecimals.MAX_TEXT
                        + " in magnitude, got '" + value + "'";
            }
            // One message for everything else, NaN and Infinity in any spelling included.
            expected = "a decimal number such as 0.01 or 1e-3";
            if (value.matches("[+-]?[0-9]+,[0-9]+")) {
                return option.longestName() + " must be " + expected + ", got '" + value
                        + "'; write the decimal with a point, as in " + value.replace(',', '.');
            }
        } else if (type == java.net.URI.class) {
            // The value did not parse as a URI, so the query is cut at the first '?' as text:
            // a mirror's query may carry an access token.
            return option.longestName() + " must be an address such as"
                    + " https://example.org/path, got '" + DataSources.redacted(value) + "'";
        } else {
            return null;
        }
        return option.longestName() + " must be " + expected + ", got '" + ex.getValue() + "'";
    }

    /**
     * Returns "--seed must be at most 9223372036854775807, got '99999999999999999999'" for an
     * integer too large for the option's type, or "at least" its minimum for one too small. A
     * thread count gets the range of {@link ThreadCounts} instead, 1 to the number of
     * processors, and an option of a {@link RangedOptions} command gets its own range.
     */
    private static String outOfRange(OptionSpec option, String value, long min, long max) {
        if (option.longestName().equals("--threads")) {
            boolean list = option.isMultiValue();
            return value.startsWith("-")
                    ? ThreadCounts.belowOneMessage(list, value)
                    : ThreadCounts.aboveProcessorsMessage(list, value);
        }
        String bound = value.startsWith("-") ? "at least " + min : "at most " + max;
        return option.longestName() + " must be " + bound + ", got '" + value + "'";
    }

    /** Returns the range that {@code commandLine}'s command gives {@code option}, or null. */
    private static IntRange ownRange(CommandLine commandLine, OptionSpec option) {
        if (commandLine.getCommand() instanceof RangedOptions ranged) {
            return ranged.intRanges().get(option.longestName());
        }
        return null;
    }

    /** Tells whether a free word at this point would have been an experiment name. */
    private static boolean isExperimentLevel(CommandLine commandLine) {
        return commandLine.getCommand() instanceof ReproduceCommand
                || commandLine.getCommand() instanceof Experiment;
    }

    /** Returns an experiment name that occurs twice in {@code args}, or null. */
    private static String repeatedExperiment(CommandLine commandLine, String[] args) {
        if (!isExperimentLevel(commandLine)) {
            return null;
        }
        List<String> names = experimentNames(commandLine);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String arg : args) {
            if (names.contains(arg) && !seen.add(arg)) {
                return arg;
            }
        }
        return null;
    }


    /**
     * Returns a hint for an option given before the experiment names that only experiments take.
     * The hint names those experiments and where the option goes. Other options get "".
     */
    private static String experimentOptionHint(ParameterException ex, String argument) {
        CommandLine commandLine = ex.getCommandLine();
        if (!(commandLine.getCommand() instanceof ReproduceCommand)) {
            return "";
        }
        String name = argument.split("=", 2)[0];
        List<String> takers = commandLine.getSubcommands().values().stream()
                .filter(sub -> sub.getCommandSpec().findOption(name) != null)
                .map(sub -> ((Experiment) sub.getCommand()).name())
                .distinct()
                .toList();
        if (takers.isEmpty()) {
            return "";
        }
        return "; it is an option of " + String.join(", ", takers) + ", so it goes after the"
                + " experiment's name, as in 'reproduce " + takers.get(0) + " " + name + " ...'";
    }

    private static List<String> experimentNames(CommandLine commandLine) {
        CommandLine reproduce = commandLine.getCommand() instanceof ReproduceCommand
                ? commandLine : commandLine.getParent();
        return reproduce.getSubcommands().values().stream()
                .map(sub -> ((Experiment) sub.getCommand()).name())
                .distinct()
                .toList();
    }
}
