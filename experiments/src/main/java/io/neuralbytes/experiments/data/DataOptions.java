package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.experiments.output.OutputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The option that chooses the data folder, shared by {@code reproduce} and {@code data}. It is
 * inherited, so it may stand before or after a subcommand's name. {@link MirrorOptions} contains
 * the download addresses, which only the commands that download take.
 *
 * <p>{@code --data} has no default of its own: without it, {@link DataDirectory#resolve} picks
 * the folder, so the command line and the library cannot disagree.
 */
public final class DataOptions {

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "FOLDER",
            description = "Folder containing the data sets (default: the environment variable "
                    + DataDirectory.ENVIRONMENT_VARIABLE + " if set, else ./"
                    + DataDirectory.DEFAULT_FOLDER + ").")
    Path folder;

    /**
     * Returns the data folder the options, the environment or the default choose, checked
     * as {@link #checkFolder} does.
     *
     * @param commandLine the command whose options these are, for error messages
     * @throws ParameterException if {@code --data} is empty or the folder fails the check
     */
    public DataDirectory directory(CommandLine commandLine) {
        DataDirectory directory = resolve(commandLine);
        checkFolder(commandLine, directory);
        return directory;
    }

    /**
     * Returns the data folder the options, the environment or the default choose, without
     * looking at the disk, for commands that may not read data.
     *
     * @throws ParameterException if {@code --data} is empty
     */
    public DataDirectory resolve(CommandLine commandLine) {
        if (folder != null && folder.toString().isEmpty()) {
            throw new ParameterException(commandLine, "--data must not be empty; expected a"
                    + " folder");
        }
        return DataDirectory.resolve(folder);
    }

    /**
     * Checks that {@code directory}, chosen by {@link #resolve}, is a folder or can be created,
     * so neither a file nor a symbolic link to a missing folder.
     *
     * @param commandLine the command whose options these are, for error messages
     * @throws ParameterException naming the option or variable that chose the folder
     */
    public void checkFolder(CommandLine commandLine, DataDirectory directory) {
        Path path = directory.path();
        String source = switch (directory.origin()) {
            case OPTION -> "--data " + folder;
            case ENVIRONMENT -> DataDirectory.ENVIRONMENT_VARIABLE + "="
                    + System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
            case DEFAULT -> "the default data folder " + path;
        };
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new ParameterException(commandLine, source + ": not a folder");
        }
        String link = OutputFolder.danglingLink(path);
        if (link != null) {
            throw new ParameterException(commandLine, source + ": " + link);
        }
    }
}
