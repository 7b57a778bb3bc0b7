package io.neuralbytes.experiments;

import io.neuralbytes.core.WorkerPool;
import io.neuralbytes.datasets.DataSources;
import io.neuralbytes.datasets.TemporaryFiles;
import io.neuralbytes.experiments.data.DataAccess;
import io.neuralbytes.experiments.output.Counts;
import io.neuralbytes.experiments.output.OutputFolder;
import io.neuralbytes.experiments.output.ResultsStore;
import io.neuralbytes.experiments.output.ShellWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs a parsed command line: handles help and version requests, checks the options of every
 * selected experiment and gets the data of all of them before any of them starts, then runs
 * the experiments one after another in registration order and merges each result into the
 * results store.
 *
 * <p>A failing experiment does not stop the others; the exit code is then 1.
 */
final class ReproduceStrategy implements IExecutionStrategy {

    private static final Logger log = LoggerFactory.getLogger(ReproduceStrategy.class);

    /** The options whose value is a mirror's address. */
    private static final Set<String> MIRROR_OPTIONS = Set.of("--cifar10-url", "--gutenberg-url");

    @Override
    public int execute(ParseResult top) {
        Integer helpExitCode = CommandLine.executeHelpRequest(top);
        if (helpExitCode != null) {
            return helpExitCode;
        }
        if (!top.hasSubcommand()) {
            throw new ParameterException(top.commandSpec().commandLine(),
                    "missing command: expected 'reproduce', 'data' or 'bench'");
        }
        ListOptions.rejectEmptyItems(top);
        if (!(top.subcommand().commandSpec().userObject() instanceof ReproduceCommand)) {
            return executeOther(top);
        }
        ParseResult reproduce = top.subcommand();
        CommandLine reproduceLine = reproduce.commandSpec().commandLine();
        ReproduceCommand command = reproduceLine.getCommand();

        Map<String, Experiment> registered = registeredExperiments(reproduceLine);
        if (!reproduce.hasSubcommand() && !registered.isEmpty()) {
            // Picocli applies an option's default only to commands that appear on the command
            // line, so running every experiment means parsing again with all names appended.
            List<String> args = new ArrayList<>(top.originalArgs());
            args.addAll(registered.keySet());
            return execute(top.commandSpec().commandLine().parseArgs(args.toArray(String[]::new)));
        }
        rejectRepeatedSharedOptions(reproduce);
        List<Experiment> selected = selectedExperiments(reproduce, registered);
        RunContext context = command.context();
        Map<Experiment, String> commands = new LinkedHashMap<>();
        for (ParseResult sub : reproduce.subcommands()) {
            commands.put((Experiment) sub.commandSpec().userObject(),
                    commandLine(reproduce, reproduce.subcommands(), sub, context));
        }
        String threads = String.valueOf(context.threads());
        if (context.threads() < 1) {
            throw new ParameterException(reproduceLine,
                    ThreadCounts.belowOneMessage(false, threads));
        }
        if (context.threads() > WorkerPool.availableProcessors()) {
            throw new ParameterException(reproduceLine,
                    ThreadCounts.aboveProcessorsMessage(false, threads));
        }
        for (Experiment experiment : selected) {
            experiment.validate();
        }
        OutputFolder.check(reproduceLine, "--out", context.outputFolder());
        checkResultFiles(reproduceLine, context, selected);
        if (selected.stream().anyMatch(e -> !e.dataSets().isEmpty())) {
            command.checkDataFolder(context);
        }
        for (Experiment experiment : selected) {
            experiment.validateAgainstData(context);
        }
        return runAll(selected, commands, context, List.copyOf(registered.keySet()),
                reproduceLine);
    }

    /**
     * Runs a command other than reproduce (data, bench) as a plain picocli command. An
     * OutOfMemoryError, which picocli rethrows unchanged, gets one line on standard error, as
     * in a failed experiment, in place of a stack trace.
     */
    private static int executeOther(ParseResult top) {
        try {
            return new CommandLine.RunLast().execute(top);
        } catch (OutOfMemoryError e) {
            ParseResult last = top;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            log.debug("{} ran out of memory", last.commandSpec().qualifiedName(), e);
            PrintWriter err = last.commandSpec().commandLine().getErr();
            err.println("neuralbytes: failed: " + OneLineErrors.outOfMemoryMessage(e, List.of(),
                    Runtime.getRuntime().maxMemory()));
            err.flush();
            return OneLineErrors.RUN_FAILED;
        }
    }

    /**
     * Rejects, before any training, an {@code --out} whose summary or report a save could not
     * merge into, or where an experiment's folder is a file or a symbolic link to
     * a missing folder.
     */
    private static void checkResultFiles(CommandLine reproduceLine, RunContext context,
                                         List<Experiment> selected) {
        try {
            new ResultsStore(context.outputFolder(), List.of()).checkMergeable();
        } catch (IOException e) {
            throw new ParameterException(reproduceLine, "--out: " + e.getMessage());
        }
        for (Experiment experiment : selected) {
            Path folder = context.experimentFolder(experiment.name());
            String link = OutputFolder.danglingLink(folder);
            if (link != null) {
                throw new ParameterException(reproduceLine, "--out: " + link);
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new ParameterException(reproduceLine, "--out: " + folder.toAbsolutePath()
                        + " is a file; expected a folder for the " + experiment.name()
                        + " results");
            }
        }
    }

    private int runAll(List<Experiment> experiments, Map<Experiment, String> commands,
                       RunContext context, List<String> order, CommandLine reproduceLine) {
        ResultsStore store = new ResultsStore(context.outputFolder(), order);
        Path firstCreated = OutputFolder.firstMissing(context.outputFolder());
        boolean readsData = experiments.stream().anyMatch(e -> !e.dataSets().isEmpty());
        Path dataFirstCreated = readsData ? OutputFolder.firstMissing(context.dataFolder()) : null;
        if (dataFirstCreated != null) {
            // Also when the run is stopped (Ctrl-C), once its temporary files are gone.
            TemporaryFiles.runAfterShutdownCleanup(
                    () -> DataAccess.deleteCreatedIfEmpty(context.dataFolder(), dataFirstCreated));
        }
        String notReady = prepareData(experiments, context);
        if (notReady != null) {
            // As after a failed experiment, the empty folders go before the error line.
            OutputFolder.deleteEmpty(context.outputFolder(), firstCreated);
            DataAccess.deleteCreatedIfEmpty(context.dataFolder(), dataFirstCreated);
            reproduceLine.getErr().println("neuralbytes: data not ready, so no experiment ran: "
                    + notReady);
            reproduceLine.getErr().flush();
            return OneLineErrors.RUN_FAILED;
        }
        int failures = 0;
        for (Experiment experiment : experiments) {
            long start = System.nanoTime();
            Path folder = context.experimentFolder(experiment.name());
            Path experimentFolderCreated = OutputFolder.firstMissing(folder);
            try {
                int threads = experiment.usesThreads() ? context.threads() : 1;
                log.info("{}: starting (seed {}, {}, output {})", experiment.name(),
                        context.seed(), Counts.count(threads, "thread"),
                        context.outputFolder().toAbsolutePath());
                ExperimentResult result = withCommand(experiment.run(context),
                        commands.get(experiment));
                store.save(result);
                log.info("{}: finished in {} s; report in {}", experiment.name(),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9),
                        store.reportFile().toAbsolutePath());
            } catch (IOException | UncheckedIOException | IllegalArgumentException
                     | IllegalStateException e) {
                failures++;
                log.debug("{} failed", experiment.name(), e);
                // A failed run leaves no empty folder behind; files it wrote stay.
                OutputFolder.deleteEmpty(folder, experimentFolderCreated);
                DataAccess.deleteCreatedIfEmpty(context.dataFolder(), dataFirstCreated);
                printFailure(reproduceLine, experiment, OneLineErrors.describe(e));
            } catch (OutOfMemoryError e) {
                // The run's arrays are unreachable once it has unwound, so the message and
                // the next experiments have memory again.
                failures++;
                log.debug("{} ran out of memory", experiment.name(), e);
                OutputFolder.deleteEmpty(folder, experimentFolderCreated);
                DataAccess.deleteCreatedIfEmpty(context.dataFolder(), dataFirstCreated);
                printFailure(reproduceLine, experiment, OneLineErrors.outOfMemoryMessage(e,
                        experiment.sizeOptions(), Runtime.getRuntime().maxMemory()));
            }
        }
        OutputFolder.deleteEmpty(context.outputFolder(), firstCreated);
        // A failed download can leave behind an empty data folder that this run created, so
        // remove it as data download does. When the last experiment failed, its catch block has
        // already removed that folder, before printing the error.
        DataAccess.deleteCreatedIfEmpty(context.dataFolder(), dataFirstCreated);
        return failures == 0 ? 0 : 1;
    }

    /**
     * Checks, and unless offline downloads, the data of every experiment before any of them
     * trains, so that missing or invalid data cannot stop a run after another has written its
     * files. Returns the reason on one line when some data set is missing, invalid or failed
     * to download, else null.
     */
    private static String prepareData(List<Experiment> experiments, RunContext context) {
        Set<String> datasets = new LinkedHashSet<>();
        for (Experiment experiment : experiments) {
            datasets.addAll(experiment.dataSetNames());
        }
        if (datasets.isEmpty()) {
            return null;
        }
        try {
            context.data().prepare(datasets);
            return null;
        } catch (IOException | UncheckedIOException | IllegalArgumentException
                 | IllegalStateException e) {
            log.debug("data not ready", e);
            return OneLineErrors.describe(e);
        }
    }

    /**
     * Prints the error line of a failed experiment. The caller removes the empty folders the
     * run created first, because their "removed" log line would otherwise follow the error,
     * which is then no longer the last line a user reads.
     */
    private static void printFailure(CommandLine reproduceLine, Experiment experiment,
                                     String reason) {
        reproduceLine.getErr().println("neuralbytes: experiment " + experiment.name()
                + " failed: " + reason);
        reproduceLine.getErr().flush();
    }

    /**
     * Returns the command line that repeats one experiment's run from the repository's folder,
     * whatever folder the run started in. It lists the shared options that the experiment
     * uses, wherever they stood on the original command line and with paths made absolute,
     * then the experiment's name and its own options, each as given.
     *
     * <p>The shared options ({@code --out}, {@code --seed}, {@code --offline}, ...) apply to
     * every experiment of the invocation even when they follow another experiment's name, so
     * they are collected from {@code reproduce} and from all of {@code experiments}. Each is
     * given once, because {@link #rejectRepeatedSharedOptions} rejects a repeated one. Those
     * the experiment ignores are left out (see {@link #ignoredSharedOptions}). {@code --out},
     * and {@code --data} for an experiment that reads data, are always listed with the
     * absolute folder that {@code context} resolved, whether the folder came from the command
     * line, from the environment variable or from the default.
     */
    static String commandLine(ParseResult reproduce, List<ParseResult> experiments,
                              ParseResult experiment, RunContext context) {
        Map<String, List<String>> shared = new LinkedHashMap<>();
        collectOptions(reproduce, true, shared);
        for (ParseResult other : experiments) {
            collectOptions(other, true, shared);
        }
        Experiment target = (Experiment) experiment.commandSpec().userObject();
        shared.keySet().removeAll(ignoredSharedOptions(target));
        // put() keeps the position of an option that was given and appends one that was not.
        shared.put("--out", List.of(context.outputFolder().toAbsolutePath().normalize()
                .toString()));
        if (!target.dataSets().isEmpty()) {
            shared.put("--data", List.of(context.dataFolder().toString()));
        }
        Map<String, List<String>> own = new LinkedHashMap<>();
        collectOptions(experiment, false, own);

        StringBuilder command = new StringBuilder("./neuralbytes reproduce");
        appendOptions(command, shared);
        command.append(' ').append(experiment.commandSpec().name());
        appendOptions(command, own);
        return command.toString();
    }

    /**
     * Returns the long names of the shared options that do not change {@code experiment}'s
     * run: the data options when it reads no data, each data set's mirror options when it
     * does not read that data set, and {@code --threads} when it runs on one thread.
     */
    static Set<String> ignoredSharedOptions(Experiment experiment) {
        Set<Experiment.DataSet> dataSets = experiment.dataSets();
        Set<String> ignored = new HashSet<>();
        if (dataSets.isEmpty()) {
            ignored.addAll(List.of("--data", "--offline"));
        }
        if (!dataSets.contains(Experiment.DataSet.CIFAR10)) {
            ignored.addAll(List.of("--cifar10-url", "--cifar10-md5"));
        }
        if (!dataSets.contains(Experiment.DataSet.NOVELS)) {
            ignored.add("--gutenberg-url");
        }
        if (!experiment.usesThreads()) {
            ignored.add("--threads");
        }
        return ignored;
    }

    /**
     * Hides from each experiment's help the shared options that it ignores (see
     * {@link #ignoredSharedOptions}), such as {@code --data} for mlp. They are still accepted
     * after the experiment's name, because they apply to the other experiments of the
     * invocation, and {@code reproduce --help} still lists them all.
     */
    static void hideIgnoredSharedOptions(CommandLine reproduceLine) {
        for (CommandLine experimentLine : reproduceLine.getSubcommands().values()) {
            CommandSpec spec = experimentLine.getCommandSpec();
            Set<String> ignored = ignoredSharedOptions(experimentLine.getCommand());
            for (OptionSpec option : List.copyOf(spec.options())) {
                if (option.inherited() && !option.hidden()
                        && ignored.contains(option.longestName())) {
                    spec.remove(option);
                    spec.addOption(option.toBuilder().hidden(true).build());
                }
            }
        }
    }

    /**
     * Puts the matched options of {@code parsed} into {@code options}, by longest name: the
     * shared options (those of {@code reproduce} and their inherited copies) when
     * {@code shared} is true, else the command's own options. A flag maps to an empty list.
     */
    private static void collectOptions(ParseResult parsed, boolean shared,
                                       Map<String, List<String>> options) {
        boolean isReproduce = parsed.commandSpec().userObject() instanceof ReproduceCommand;
        for (OptionSpec option : parsed.matchedOptions()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            boolean isShared = isReproduce || option.inherited();
            if (isShared != shared) {
                continue;
            }
            List<String> values = option.arity().max() == 0
                    ? List.of() : List.copyOf(option.originalStringValues());
            options.put(option.longestName(), values);
        }
    }

    private static void appendOptions(StringBuilder command, Map<String, List<String>> options) {
        for (Map.Entry<String, List<String>> option : options.entrySet()) {
            if (option.getValue().isEmpty()) {
                command.append(' ').append(option.getKey());
                continue;
            }
            for (String value : option.getValue()) {
                // A mirror's query string may carry an access token, so the report shows
                // it as ?... and a rerun needs it added back.
                String shown = MIRROR_OPTIONS.contains(option.getKey())
                        ? DataSources.redacted(value) : value;
                command.append(' ').append(option.getKey()).append(' ')
                        .append(shellQuoted(shown));
            }
        }
    }

    /** Returns {@code value} as a shell reads it back: quoted unless it is plain. */
    static String shellQuoted(String value) {
        return ShellWords.quote(value);
    }

    /**
     * Returns {@code text} as a Markdown code span: between single backticks, or, when the text
     * contains backticks (a --prime value may), between one more backtick than its longest run
     * of them, with spaces inside so that a backtick at either end is not read as a delimiter.
     */
    static String codeSpan(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        if (longest == 0) {
            return "`" + text + "`";
        }
        String fence = "`".repeat(longest + 1);
        return fence + " " + text + " " + fence;
    }

    /** Puts a "Command:" line under the section's heading. */
    static ExperimentResult withCommand(ExperimentResult result, String command) {
        if (command == null) {
            return result;
        }
        String section = result.reportSection();
        int headingEnd = section.indexOf('\n');
        String line = "Command: " + codeSpan(command) + "\n\n";
        String withLine = headingEnd < 0
                ? section + "\n\n" + line
                : section.substring(0, headingEnd + 1) + "\n" + line
                        + section.substring(headingEnd + 1).stripLeading();
        return new ExperimentResult(result.experiment(), result.runs(), withLine);
    }

    /**
     * Rejects a shared option ({@code --seed}, {@code --out}, ...) given in more than one place,
     * for example once after each experiment's name. A shared option applies to every
     * experiment, so two values cannot each apply to one experiment as the user meant.
     *
     * @throws ParameterException naming the option
     */
    private static void rejectRepeatedSharedOptions(ParseResult reproduce) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<ParseResult> places = new ArrayList<>();
        places.add(reproduce);
        places.addAll(reproduce.subcommands());
        for (ParseResult place : places) {
            boolean isReproduce = place == reproduce;
            for (OptionSpec option : place.matchedOptions()) {
                if (!isReproduce && !option.inherited()) {
                    continue;
                }
                if (seen.put(option.longestName(), Boolean.TRUE) != null) {
                    throw new ParameterException(reproduce.commandSpec().commandLine(),
                            option.longestName() + " is given more than once; it applies to"
                                    + " every experiment, so give it once");
                }
            }
        }
    }

    /** Returns the experiments of {@code reproduce} by name, in registration order. */
    private static Map<String, Experiment> registeredExperiments(CommandLine reproduceLine) {
        Map<String, Experiment> registered = new LinkedHashMap<>();
        for (CommandLine sub : reproduceLine.getSubcommands().values()) {
            Experiment experiment = sub.getCommand();
            registered.putIfAbsent(experiment.name(), experiment);
        }
        return registered;
    }

    /**
     * Returns the experiments named on the command line in registration order, or all of
     * them.
     *
     * @throws ParameterException if an experiment is named twice, because its two sets of
     *         options could not both apply
     */
    private static List<Experiment> selectedExperiments(ParseResult reproduce,
                                                        Map<String, Experiment> registered) {
        if (!reproduce.hasSubcommand()) {
            return new ArrayList<>(registered.values());
        }
        Map<String, Experiment> selected = new LinkedHashMap<>();
        for (ParseResult sub : reproduce.subcommands()) {
            String name = sub.commandSpec().name();
            if (selected.containsKey(name)) {
                throw new ParameterException(reproduce.commandSpec().commandLine(),
                        "experiment '" + name + "' is named more than once");
            }
            selected.put(name, (Experiment) sub.commandSpec().userObject());
        }
        List<Experiment> ordered = new ArrayList<>();
        for (String name : registered.keySet()) {
            if (selected.containsKey(name)) {
                ordered.add(selected.get(name));
            }
        }
        return ordered;
    }
}
