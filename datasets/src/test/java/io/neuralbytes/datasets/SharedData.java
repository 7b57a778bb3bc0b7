package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data folder named by NEURALBYTES_DATA. Tests that need it are skipped when the
 * variable is unset, and fail when it is set but the folder or a needed file is missing, so
 * a CI job that sets it wrongly cannot pass by skipping.
 */
final class SharedData {

    private SharedData() {
    }

    /** Returns the data folder, or skips the calling test when the variable is unset. */
    static Path folder() {
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

    /** Returns a novel of the shared data folder, failing when the file is missing. */
    static Path novel(String fileName) {
        Path file = folder().resolve(Novels.FOLDER).resolve(fileName);
        if (!Files.isRegularFile(file)) {
            fail(DataDirectory.ENVIRONMENT_VARIABLE + " names " + folder() + ", but " + file
                    + " is missing; run './neuralbytes data download --data " + folder()
                    + " novels'");
        }
        return file;
    }
}
