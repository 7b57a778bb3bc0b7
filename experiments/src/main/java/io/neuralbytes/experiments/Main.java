package io.neuralbytes.experiments;

import java.io.PrintWriter;
import io.neuralbytes.experiments.bench.BenchCommand;
import io.neuralbytes.experiments.data.DataCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code neuralbytes} program.
 *
 * <p>Exit codes: 0 on success, 1 when an experiment fails, 2 for an invalid command line.
 */
@Command(name = "neuralbytes",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        versionProvider = VersionProvider.class,
        description = "From-scratch neural networks in Java that reproduce the experiments of the"
                + " Python NeuralBytes.",
        subcommands = {ReproduceCommand.class, DataCommand.class, BenchCommand.class})
public final class Main {

    static {
        // Plots are drawn into images only, so no display is needed (CI has none).
        System.setProperty("java.awt.headless", "true");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the program with {@code args} and returns its exit code; never calls System.exit. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** Runs the program printing its own messages to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        // After the subcommands are added, so that they get these converters too.
        commandLine.registerConverter(Integer.class, AsciiIntegers::parseInt);
        commandLine.registerConverter(int.class, AsciiIntegers::parseInt);
        commandLine.registerConverter(Long.class, AsciiIntegers::parseLong);
        commandLine.registerConverter(long.class, AsciiIntegers::parseLong);
        commandLine.registerConverter(Double.class, PlainDecimals::parseDouble);
        commandLine.registerConverter(double.class, PlainDecimals::parseDouble);
        commandLine.setExecutionStrategy(new ReproduceStrategy());
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        giveVersion(commandLine, new VersionProvider());
        ReproduceStrategy.hideIgnoredSharedOptions(commandLine.getSubcommands().get("reproduce"));
        return commandLine;
    }

    /**
     * Lets {@code --version} on every subcommand print the program's version, as its help
     * promises; picocli would print nothing for a subcommand without its own provider.
     */
    private static void giveVersion(CommandLine line, VersionProvider provider) {
        line.getCommandSpec().versionProvider(provider);
        for (CommandLine subcommand : line.getSubcommands().values()) {
            giveVersion(subcommand, provider);
        }
    }
}
