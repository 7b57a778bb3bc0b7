package io.neuralbytes.datasets;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files of atomic writes, shared by the datasets and experiments modules, and
 * their removal when a run is stopped.
 *
 * <p>A temporary file sits beside its target and is named {@code .<target>.<hex>.tmp}, where
 * {@code <hex>} is 16 random hexadecimal digits. Three things keep them from piling up:
 * <ol>
 *   <li>the writer deletes its temporary file when the write fails;</li>
 *   <li>every temporary file and folder in flight is registered here, and a shutdown hook
 *       deletes them when the JVM stops early, for example on SIGINT or SIGTERM;</li>
 *   <li>a process killed outright (SIGKILL, power loss) runs no hook, so the first write into
 *       a folder deletes the files there that match the pattern exactly and were last
 *       modified before this JVM started ({@link #deleteStale}).</li>
 * </ol>
 * Files are created with {@link Files#createFile}, so they get the permissions the umask
 * gives (usually 0644), not the owner-only 0600 of {@link Files#createTempFile}; the final
 * file keeps them.
 */
public final class TemporaryFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryFiles.class);

    /** Names made by {@link #create}; 1 to 16 digits also match an earlier version's names. */
    static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static final Set<Path> IN_FLIGHT = new HashSet<>();
    private static final Set<Path> CLEANED_FOLDERS = ConcurrentHashMap.newKeySet();
    /** Run by the shutdown hook after the files in flight are deleted, in order. */
    private static final List<Runnable> AFTER_SHUTDOWN_CLEANUP = new ArrayList<>();
    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteInFlight,
                "neuralbytes-temporary-files"));
    }

    private TemporaryFiles() {
    }

    /**
     * Creates an empty temporary file beside {@code target} and registers it. Before the first
     * file in a folder, deletes that folder's stale temporary files.
     *
     * @param target absolute path of the file the temporary file will become
     * @throws IOException if the file cannot be created, or the JVM is shutting down
     */
    public static Path create(Path target) throws IOException {
        Path folder = target.getParent();
        if (CLEANED_FOLDERS.add(folder)) {
            deleteStale(folder, runStart());
        }
        synchronized (LOCK) {
            rejectWhenStopping(target);
            Path temporary = folder.resolve("." + target.getFileName() + "."
                    + String.format("%016x", RANDOM.nextLong()) + ".tmp");
            try {
                Files.createFile(temporary);
            } catch (IOException e) {
                throw writeFailure(target, temporary, e);
            }
            IN_FLIGHT.add(temporary);
            return temporary;
        }
    }

    /**
     * Returns the error for a failed write of {@code target} through {@code temporary}. It
     * names the target, which the user asked for, and the reason, such as "cannot write
     * /out/mlp/e100-lr0.1-loss.png: Read-only file system", rather than the temporary file.
     */
    public static IOException writeFailure(Path target, Path temporary, IOException cause) {
        return new IOException("cannot write " + target + ": " + reason(cause, temporary),
                cause);
    }

    /**
     * Returns why {@code e} failed in words: for a {@link FileSystemException}, whose message
     * is often only a path, the file system's reason; otherwise the message, with
     * {@code temporary} replaced by "its temporary file".
     */
    private static String reason(IOException e, Path temporary) {
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty is in its place";
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replace(temporary.toString(), "its temporary file");
    }

    /**
     * Creates a temporary folder named {@code prefix} plus random digits inside {@code parent}
     * and registers it, so that a shutdown deletes it with everything in it.
     *
     * @throws IOException naming {@code parent} and the reason, if the folder cannot be
     *     created
     */
    public static Path createFolder(Path parent, String prefix) throws IOException {
        synchronized (LOCK) {
            rejectWhenStopping(parent.resolve(prefix));
            Path folder;
            try {
                folder = Files.createTempDirectory(parent, prefix);
            } catch (IOException e) {
                throw new IOException("cannot write in " + parent + ": "
                        + reason(e, parent.resolve(prefix)), e);
            }
            IN_FLIGHT.add(folder);
            return folder;
        }
    }

    /**
     * Runs {@code task} when the JVM stops, after the temporary files and folders in flight
     * are deleted: for example to remove a folder that a stopped download created, which is
     * empty only then. JVM shutdown hooks run in no set order, so such a task cannot be a
     * hook of its own. The task also runs at a normal exit, so it must leave a finished
     * command's results alone.
     */
    public static void runAfterShutdownCleanup(Runnable task) {
        synchronized (LOCK) {
            AFTER_SHUTDOWN_CLEANUP.add(task);
        }
    }

    /**
     * Deletes a temporary folder made by {@link #createFolder} with everything in it, then
     * stops tracking it for the shutdown cleanup, even when the deletion fails.
     */
    public static void deleteFolder(Path temporary) throws IOException {
        try {
            AtomicFiles.deleteRecursively(temporary);
        } finally {
            release(temporary);
        }
    }

    /** Forgets a temporary file or folder that was moved into place or deleted. */
    public static void release(Path temporary) {
        synchronized (LOCK) {
            IN_FLIGHT.remove(temporary);
        }
    }

    /** Returns when this JVM started: files from before then belong to no running write. */
    public static Instant runStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /**
     * Deletes the regular files directly in {@code folder} whose names match the temporary
     * pattern exactly and that were last modified before {@code before}. Anything else, and a
     * missing folder, is left alone.
     *
     * @return the files deleted
     */
    public static List<Path> deleteStale(Path folder, Instant before) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return deleted;
        }
        FileTime limit = FileTime.from(before);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> NAME.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(entry).compareTo(limit) < 0
                        && Files.deleteIfExists(entry)) {
                    LOG.info("deleted {}, left by an interrupted run", entry);
                    deleted.add(entry);
                }
            }
        }
        return deleted;
    }

    private static void rejectWhenStopping(Path target) throws IOException {
        if (stopping) {
            throw new IOException("cannot write " + target
                    + ": the program is shutting down");
        }
    }

    /** The shutdown hook: deletes what is still in flight and rejects new temporary files. */
    private static void deleteInFlight() {
        List<Path> paths;
        List<Runnable> after;
        synchronized (LOCK) {
            stopping = true;
            paths = new ArrayList<>(IN_FLIGHT);
            IN_FLIGHT.clear();
            after = new ArrayList<>(AFTER_SHUTDOWN_CLEANUP);
        }
        for (Path path : paths) {
            // A writer thread may still be adding files to a folder, so try a few times.
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    AtomicFiles.deleteRecursively(path);
                    break;
                } catch (IOException e) {
                    // Tried again. A file that stays is deleted by the next run's cleanup.
                }
            }
        }
        for (Runnable task : after) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // The JVM is stopping: nothing is left to report it to.
            }
        }
    }
}
