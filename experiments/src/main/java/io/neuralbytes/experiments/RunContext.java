package io.neuralbytes.experiments;

import io.neuralbytes.experiments.data.DataAccess;
import java.nio.file.Path;

/**
 * Settings shared by every experiment of one {@code reproduce} invocation.
 *
 * @param outputFolder root of the results; each experiment writes into
 *                     {@code outputFolder/<experiment>/}
 * @param seed         seed of every random source the experiment creates
 * @param data         the data sets (CIFAR-10 binaries, novels): found in the data folder, or
 *                     downloaded when missing unless {@code --offline}
 * @param threads      number of worker threads an experiment may use, at least 1
 */
public record RunContext(Path outputFolder, long seed, DataAccess data, int threads) {

    /** Returns the data folder, absolute. */
    public Path dataFolder() {
        return data.folder();
    }

    /** Returns the folder of one experiment, {@code outputFolder/<experiment>}. */
    public Path experimentFolder(String experiment) {
        return outputFolder.resolve(experiment);
    }
}
