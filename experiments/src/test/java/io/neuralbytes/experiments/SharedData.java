package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.datasets.Novels;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data folder named by NEURALBYTES_DATA, for tests that run experiments on it. Those
 * tests are skipped when the variable is unset, and fail when it is set but the folder or the
 * data set they need is missing, so a CI job that sets it wrongly cannot pass by skipping.
 * Tests that use it still pass {@code --offline}, so a missing file never starts a download.
 */
public final class SharedData {

    private SharedData() {
    }

    /** Returns the data folder, or skips the calling test when the variable is unset. */
    public static Path folder() {
        return folder(System.getenv(DataDirectory.ENVIRONMENT_VARIABLE));
    }

    /** Returns the folder {@code value} names, as {@link #folder()} does for the variable. */
    static Path folder(String value) {
        assumeTrue(value != null && !value.isBlank(), DataDirectory.ENVIRONMENT_VARIABLE
                + " is not set, so tests on the real CIFAR-10 files and novels are skipped");
        Path folder = Path.of(value.strip());
        if (!Files.isDirectory(folder)) {
            fail(DataDirectory.ENVIRONMENT_VARIABLE + "=" + value + ": " + folder
                    + " is not an existing folder; unset the variable to skip the tests on"
                    + " the real data");
        }
        return folder;
    }

    /** Returns the data folder after checking that it has the CIFAR-10 folder. */
    public static Path withCifar10() {
        return requireEntry(folder(), Cifar10.FOLDER, "cifar10");
    }

    /** Returns the data folder after checking that it has the novels folder. */
    public static Path withNovels() {
        return requireEntry(folder(), Novels.FOLDER, "novels");
    }

    static Path requireEntry(Path folder, String entry, String dataset) {
        if (!Files.isDirectory(folder.resolve(entry))) {
            fail(DataDirectory.ENVIRONMENT_VARIABLE + " names " + folder + ", but it has no "
                    + entry + " folder; to fetch it, run: ./neuralbytes data download --data "
                    + folder + " " + dataset);
        }
        return folder;
    }
}
