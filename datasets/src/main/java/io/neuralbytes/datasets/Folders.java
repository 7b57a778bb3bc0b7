package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes into folders that another run may delete at any moment. A run that failed deletes
 * the empty folders it created, and another run may be about to write into one of them.
 */
public final class Folders {

    /** Maximum attempts of {@link #createThen} before a vanished folder is an error. */
    public static final int MAX_ATTEMPTS = 3;

    private Folders() {
    }

    /** An action inside a folder that may throw {@link IOException}. */
    @FunctionalInterface
    public interface FolderAction<T> {
        T run() throws IOException;
    }

    /**
     * Creates {@code folder} and its missing parents, then runs {@code action}. Both steps run
     * again, up to {@value #MAX_ATTEMPTS} times in all, when {@code action} fails with a
     * {@link NoSuchFileException} (or an {@link IOException} caused by one, as
     * {@link TemporaryFiles#create} throws) and the folder is gone.
     */
    public static <T> T createThen(Path folder, FolderAction<T> action) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(folder);
            try {
                return action.run();
            } catch (IOException e) {
                boolean missing = e instanceof NoSuchFileException
                        || e.getCause() instanceof NoSuchFileException;
                if (!missing || Files.exists(folder) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
