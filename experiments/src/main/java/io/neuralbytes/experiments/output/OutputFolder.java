package io.neuralbytes.experiments.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks an output folder option before any work starts, so that a folder that cannot receive
 * results fails in one line instead of after the training.
 */
public final class OutputFolder {

    private static final String PROBE_PREFIX = ".neuralbytes-write-check-";

    private OutputFolder() {
    }

    /**
     * Checks that {@code folder} is, or can be created as, a folder this process can write in.
     * Folders created for the check and the probe file written into it are deleted again.
     *
     * @param commandLine the command whose option this is, for error messages
     * @param option the option's name, such as {@code --out}
     * @throws ParameterException naming the option, the path and the reason when the path is
     *     empty, is a file, or cannot be created or written
     */
    public static void check(CommandLine commandLine, String option, Path folder) {
        if (folder.toString().isEmpty()) {
            throw new ParameterException(commandLine, option
                    + " must not be empty; expected a folder");
        }
        String problem = problem(folder.toAbsolutePath().normalize());
        if (problem != null) {
            throw new ParameterException(commandLine, option + " " + folder + ": " + problem);
        }
    }

    /** Returns why results cannot be written into {@code folder}, or null when they can. */
    static String problem(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing.equals(folder) ? "not a folder" : existing + " is not a folder";
        }
        Path firstCreated = firstMissing(folder);
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, PROBE_PREFIX, ".tmp");
            Files.delete(probe);
            return null;
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (NoSuchFileException e) {
            return "cannot be created (no such file or directory: " + e.getFile() + ")";
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "cannot be written"
                    : e.getReason().toLowerCase(Locale.ROOT);
            return "cannot be created or written (" + reason + ")";
        } catch (IOException e) {
            return "cannot be created or written (" + e.getMessage() + ")";
        } finally {
            deleteEmpty(folder, firstCreated);
        }
    }

    /**
     * Returns the outermost folder on the way to {@code folder} that does not exist yet, or
     * null when {@code folder} exists. {@link #deleteEmpty} then removes what a run created.
     */
    public static Path firstMissing(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path missing = null;
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * Deletes {@code folder} and its parents up to {@code firstCreated} while they are empty.
     * Does nothing when {@code firstCreated} is null.
     */
    public static void deleteEmpty(Path folder, Path firstCreated) {
        if (firstCreated == null) {
            return;
        }
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path p = absolute; p != null && p.startsWith(firstCreated); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // The folder is not empty (a run wrote files, or another process did), so it
                // and its parents stay.
                return;
            }
        }
    }
}
