package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data folder named by NEURALBYTES_DATA; tests that need it are skipped without it. */
final class SharedData {

    private SharedData() {
    }

    /** Returns the data folder, or skips the calling test when the variable is unset. */
    static Path folder() {
        String value = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(value != null && !value.isBlank(), DataDirectory.ENVIRONMENT_VARIABLE
                + " is not set, so tests on the real CIFAR-10 files and novels are skipped");
        Path folder = Path.of(value);
        assumeTrue(Files.isDirectory(folder), DataDirectory.ENVIRONMENT_VARIABLE + "=" + value
                + " is not a folder, so tests on the real data are skipped");
        return folder;
    }

    static Path novel(String fileName) {
        Path file = folder().resolve(Novels.FOLDER).resolve(fileName);
        assumeTrue(Files.isRegularFile(file), file + " is missing, so this test is skipped");
        return file;
    }
}
