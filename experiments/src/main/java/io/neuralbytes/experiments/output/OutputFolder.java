package io.neuralbytes.experiments.output;

import io.neuralbytes.datasets.Folders;
import io.neuralbytes.datasets.TemporaryFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
     * The check creates nothing at {@code folder} or on the way to it, so runs that check the
     * same missing folder at once cannot delete each other's folders.
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
        String link = danglingLink(folder);
        if (link != null) {
            return link;
        }
        for (int attempt = 1; ; attempt++) {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return "cannot be created (no folder on its path exists)";
            }
            if (!Files.isDirectory(existing)) {
                return existing.equals(folder) ? "not a folder" : existing + " is not a folder";
            }
            try {
                probe(existing, existing.relativize(folder));
                return null;
            } catch (IOException e) {
                String reason = failureReason(e, existing, folder);
                if (reason != null) {
                    return reason;
                }
                // A run that failed may have deleted the empty folder it created, so look again.
                if (attempt == Folders.MAX_ATTEMPTS) {
                    return "cannot be created in " + existing + " (no such file or directory)";
                }
            }
        }
    }

    /**
     * Returns why the probe of {@link #problem} failed with {@code e}, naming {@code existing}
     * when it is not {@code folder} itself. Returns null when {@code existing} has vanished
     * since, so that the caller looks again.
     */
    private static String failureReason(IOException e, Path existing, Path folder) {
        // TemporaryFiles.createFolder wraps the file system's exception in its own.
        IOException failure = e.getCause() instanceof FileSystemException cause ? cause : e;
        boolean itself = existing.equals(folder);
        if (failure instanceof AccessDeniedException) {
            return itself ? "permission denied"
                    : "cannot be created in " + existing + " (permission denied)";
        }
        if (failure instanceof NoSuchFileException) {
            if (!Files.exists(existing)) {
                return null;
            }
            // Pseudo-file systems such as /proc reject a new entry with this error.
            String what = itself ? "not writable"
                    : "cannot be created: " + existing + " is not writable";
            return what + " (creating an entry in it fails with no such file or directory)";
        }
        if (failure instanceof FileSystemException fileError) {
            String reason = fileError.getReason() == null ? "cannot be written"
                    : fileError.getReason().toLowerCase(Locale.ROOT);
            String where = itself ? "" : " in " + existing;
            return "cannot be created or written" + where + " (" + reason + ")";
        }
        return "cannot be created or written (" + e.getMessage() + ")";
    }

    /**
     * Returns a message naming the symbolic link on the way to {@code path} whose target does
     * not exist, or null when there is none. Creating {@code path} would fail at such a link
     * after the work is done. Runs do not create the target instead, because the link may
     * point to a drive that is not mounted.
     *
     * @param path the folder to create or write in, absolute or relative to the working folder
     */
    public static String danglingLink(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return p + " is a symbolic link to " + target(p) + ", which does not exist;"
                        + " create that folder or remove the link";
            }
        }
        return null;
    }

    /** Returns the target of the link {@code link}, resolved against the link's folder. */
    private static Path target(Path link) {
        try {
            return link.resolveSibling(Files.readSymbolicLink(link)).normalize();
        } catch (IOException e) {
            // The link was removed after the caller saw it, so name it by its own path.
            return link;
        }
    }

    /**
     * Writes and deletes a file in {@code existing} when {@code missing} is empty. Otherwise
     * creates a new folder of this check in {@code existing}, the folders {@code missing} and
     * a file inside it, and deletes that folder again.
     */
    private static void probe(Path existing, Path missing) throws IOException {
        if (missing.toString().isEmpty()) {
            Files.delete(Files.createTempFile(existing, PROBE_PREFIX, ".tmp"));
            return;
        }
        Path own = TemporaryFiles.createFolder(existing, PROBE_PREFIX);
        try {
            Path folder = Files.createDirectories(own.resolve(missing));
            Files.createTempFile(folder, PROBE_PREFIX, ".tmp");
        } finally {
            TemporaryFiles.deleteFolder(own);
        }
    }

    /**
     * Returns the outermost folder on the way to {@code folder} that does not exist yet, or
     * null when {@code folder} exists. {@link #deleteEmpty} then removes what a run created.
     */
    public static Path firstMissing(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path missing = null;
        // A link to nothing is not missing: it is the user's, so deleteEmpty must keep it.
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
                p = p.getParent()) {
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
