package io.neuralbytes.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder that contains every dataset, and where it was chosen from.
 *
 * <p>The folder is chosen by, in order: an explicit option (for example {@code --data}), the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, then the folder {@value #DEFAULT_FOLDER}
 * in the working directory.
 * Inside it, CIFAR-10 lives in {@value Cifar10#FOLDER} and the novels in
 * {@value Novels#FOLDER}.
 *
 * @param path absolute, normalised folder; it may not exist yet
 * @param origin which of the three choices gave it
 */
public record DataDirectory(Path path, Origin origin) {

    public static final String ENVIRONMENT_VARIABLE = "NEURALBYTES_DATA";

    /** Default folder, relative to the working directory. */
    public static final String DEFAULT_FOLDER = "data";

    /** The choice that gave the folder. */
    public enum Origin {
        OPTION, ENVIRONMENT, DEFAULT
    }

    public DataDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Chooses the data folder from the option, the environment, then the default.
     *
     * @param option the folder the user named, or null when none was named
     */
    public static DataDirectory resolve(Path option) {
        return resolve(option, System.getenv(ENVIRONMENT_VARIABLE), Path.of(""));
    }

    /**
     * Chooses the data folder as {@link #resolve(Path)} does, from the given environment value
     * and working directory. A blank environment value counts as unset.
     */
    public static DataDirectory resolve(Path option, String environmentValue,
            Path workingDirectory) {
        if (option != null) {
            return new DataDirectory(normalise(option), Origin.OPTION);
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return new DataDirectory(normalise(Path.of(environmentValue.strip())),
                    Origin.ENVIRONMENT);
        }
        return new DataDirectory(normalise(workingDirectory.resolve(DEFAULT_FOLDER)),
                Origin.DEFAULT);
    }

    private static Path normalise(Path path) {
        return path.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        String from = switch (origin) {
            case OPTION -> "--data";
            case ENVIRONMENT -> ENVIRONMENT_VARIABLE;
            case DEFAULT -> "the default";
        };
        return path + " (from " + from + ")";
    }
}
