package io.neuralbytes.experiments;

import java.io.IOException;

/**
 * One reproducible experiment, registered as a subcommand of {@code reproduce}.
 *
 * <p>An implementation is a picocli {@code @Command} class whose name is the experiment's name.
 * {@link #validate()} runs for every selected experiment before any of them starts, so a bad
 * option stops the program before anything is written.
 */
public interface Experiment {

    /** Returns the experiment's name, the same as its subcommand name. */
    String name();

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
