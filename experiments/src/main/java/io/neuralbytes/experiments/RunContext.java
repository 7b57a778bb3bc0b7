package io.neuralbytes.experiments;

import java.nio.file.Path;

/**
 * Settings shared by every experiment of one {@code reproduce} invocation.
 *
 * @param outputFolder root of the results; each experiment writes into
 *                     {@code outputFolder/<experiment>/}
 * @param seed         seed of every random source the experiment creates
 * @param dataFolder   folder holding the data sets (CIFAR-10 binaries, novels)
 * @param threads      number of worker threads an experiment may use, at least 1
 */
public record RunContext(Path outputFolder, long seed, Path dataFolder, int threads) {

    /** Returns the folder of one experiment, {@code outputFolder/<experiment>}. */
    public Path experimentFolder(String experiment) {
        return outputFolder.resolve(experiment);
    }
}
