package io.neuralbytes.experiments.data;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code neuralbytes data}: shows and downloads the data sets of the experiments. */
@Command(name = "data",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Show which data sets the data folder has (status) and download the missing ones"
                    + " from their publishers (download): CIFAR-10 from the University of"
                    + " Toronto, the Jules Verne novels from Project Gutenberg."},
        subcommands = {DataStatusCommand.class, DataDownloadCommand.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions options;

    /** Rejects {@code data} without a subcommand. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing subcommand: expected 'status' or 'download'");
    }

    /** Returns the data sets in the folder the options choose, never offline. */
    DataAccess access() {
        return new DataAccess(options.directory(), options.sources(spec.commandLine()), false);
    }
}
