package io.neuralbytes.experiments;

import io.neuralbytes.experiments.cnn.CnnExperiment;
import io.neuralbytes.experiments.data.DataAccess;
import io.neuralbytes.experiments.data.DataOptions;
import io.neuralbytes.experiments.data.MirrorOptions;
import io.neuralbytes.experiments.mlp.MlpExperiment;
import io.neuralbytes.experiments.output.OutputFolder;
import io.neuralbytes.experiments.sequence.LstmExperiment;
import io.neuralbytes.experiments.sequence.RnnExperiment;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code reproduce} command: runs the experiments named after it, or all of them.
 *
 * <p>Register an experiment by adding its class to {@code subcommands}; that list also fixes
 * the order of the sections in {@code report.md}. The shared options are inherited, so they
 * may stand before or after an experiment's name.
 */
@Command(name = "reproduce",
        mixinStandardHelpOptions = true,
        subcommandsRepeatable = true,
        synopsisSubcommandLabel = "[EXPERIMENT [ITS OPTIONS]]...",
        commandListHeading = "Experiments:%n",
        usageHelpWidth = 100,
        description = {
            "Reproduce the experiments of the Python original. Write plots and per-experiment"
                    + " files into --out, with summary.json (one entry per run) and report.md.",
            "Without an experiment name, run every experiment. Name one or more to run only"
                    + " those; an experiment's own options follow its name."},
        subcommands = {
            MlpExperiment.class,
            CnnExperiment.class,
            RnnExperiment.class,
            LstmExperiment.class,
        })
public final class ReproduceCommand {

    @Option(names = "--out", scope = ScopeType.INHERIT, paramLabel = "FOLDER",
            defaultValue = "results",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path outputFolder;

    @Option(names = "--seed", scope = ScopeType.INHERIT, paramLabel = "N", defaultValue = "0",
            description = "Seed of every random source (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    MirrorOptions mirrorOptions;

    @Option(names = "--offline", scope = ScopeType.INHERIT,
            description = "Never download: missing data is an error (default: download what"
                    + " an experiment needs and the data folder lacks).")
    boolean offline;

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Worker threads, from 1 to the number of processors (default: the"
                    + " number of processors).")
    Integer threads;

    @Spec
    CommandSpec spec;

    /**
     * Returns the shared settings; without --threads, one thread per processor.
     *
     * @throws picocli.CommandLine.ParameterException if a download address or checksum option
     *     is invalid
     */
    RunContext context() {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        DataAccess data = new DataAccess(dataOptions.resolve(spec.commandLine()),
                mirrorOptions.sources(spec.commandLine()), offline);
        return new RunContext(outputFolder, seed, data, workers);
    }

    /**
     * Checks the data folder of {@code context}. {@link #context} leaves that check out, so
     * that an experiment that reads no data runs whatever the data folder is.
     *
     * @throws picocli.CommandLine.ParameterException if the data folder is a file or a symbolic
     *     link to a missing folder, or is missing and cannot be created for a download
     */
    void checkDataFolder(RunContext context) {
        dataOptions.checkFolder(spec.commandLine(), context.data().directory());
        if (!offline && !Files.exists(context.dataFolder(), LinkOption.NOFOLLOW_LINKS)) {
            // A download would create the folder, so a folder that cannot be created fails now.
            OutputFolder.check(spec.commandLine(), "data folder", context.dataFolder());
        }
    }
}
