package io.neuralbytes.experiments;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One reproducible experiment, registered as a subcommand of {@code reproduce}.
 *
 * <p>An implementation is a picocli {@code @Command} class whose name is the experiment's name.
 * {@link #validate()} runs for every selected experiment before any of them starts, so a bad
 * option stops the program before anything is written.
 */
public interface Experiment extends RangedOptions {

    /** Returns the experiment's name, the same as its subcommand name. */
    String name();

    /** A data set that an experiment reads from the data folder. */
    enum DataSet {
        CIFAR10, NOVELS
    }

    /**
     * Returns the data sets the experiment reads. The "Command:" line of its report lists
     * {@code --data}, {@code --offline} and a data set's mirror options only for an experiment
     * that reads that data.
     */
    default Set<DataSet> dataSets() {
        return Set.of();
    }

    /**
     * Returns the data sets that a run with the current options reads, named as
     * {@code data download} names them: {@code cifar10} or a novel's ebook number.
     * {@code reproduce} makes sure that all of them are in the data folder before any
     * experiment trains.
     */
    default List<String> dataSetNames() {
        return List.of();
    }

    /**
     * Returns whether the experiment splits its work over {@code --threads}. When false, the
     * "Command:" line of its report leaves {@code --threads} out.
     */
    default boolean usesThreads() {
        return true;
    }

    /**
     * Returns the options whose values set the experiment's memory use, such as a hidden
     * size. The error for a run that ran out of memory suggests making them smaller.
     */
    default List<String> sizeOptions() {
        return List.of();
    }

    /** Returns no ranges: an experiment with integer options overrides this. */
    @Override
    default Map<String, IntRange> intRanges() {
        return Map.of();
    }

    /**
     * Checks the experiment's own options.
     *
     * @throws picocli.CommandLine.ParameterException naming the option, the value and what is
     *         expected
     */
    void validate();

    /**
     * Checks the options that only the data can check, such as a priming text against a
     * vocabulary built from a novel. Runs for every selected experiment after
     * {@link #validate()} and before any of them starts; data not yet in the data folder is
     * not downloaded for it, but checked again by {@link #run(RunContext)}.
     *
     * @throws picocli.CommandLine.ParameterException naming the option, the value and what is
     *         expected
     */
    default void validateAgainstData(RunContext context) {
    }

    /**
     * Runs the experiment, writing its files under {@code context.experimentFolder(name())}.
     *
     * @return the summary entries and report section for the results store
     */
    ExperimentResult run(RunContext context) throws IOException;
}
