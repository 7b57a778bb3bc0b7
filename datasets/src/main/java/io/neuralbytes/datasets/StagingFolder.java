package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary folder of one download, {@code .neuralbytes-download-*} inside the data
 * folder, and the removal of such folders left by a download that was killed.
 *
 * <p>A download holds an exclusive OS file lock on the file {@value #LOCK_FILE} inside its
 * folder from just after creating the folder until the folder is deleted. The operating
 * system releases the lock when the process ends, however it ends, so a folder whose lock
 * another download can take belongs to no running download. A folder's modification time
 * does not show this, because it does not change while a file inside it grows.
 */
final class StagingFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StagingFolder.class);

    static final String PREFIX = ".neuralbytes-download-";
    static final String LOCK_FILE = "download.lock";

    private final Path path;
    private final FileChannel lockChannel;

    private StagingFolder(Path path, FileChannel lockChannel) {
        this.path = path;
        this.lockChannel = lockChannel;
    }

    /**
     * Creates a new staging folder in {@code dataDirectory} and locks it until {@link #close}.
     */
    static StagingFolder create(Path dataDirectory) throws IOException {
        Path folder = TemporaryFiles.createFolder(dataDirectory, PREFIX);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            channel.lock();
            return new StagingFolder(folder, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            TemporaryFiles.deleteFolder(folder);
            throw e;
        }
    }

    /** Returns the folder. */
    Path path() {
        return path;
    }

    /** Deletes the folder with everything in it, then releases its lock. */
    @Override
    public void close() {
        try {
            AtomicFiles.deleteRecursively(path);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary download folder {}: {}", path,
                    e.toString());
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("could not release the lock of {}: {}", path, e.toString());
            }
            TemporaryFiles.release(path);
        }
    }

    /**
     * Deletes the staging folders in {@code dataDirectory} that no running download holds:
     * those last modified before {@code before} whose lock this process can take. A folder
     * made after {@code before} is left alone even when unlocked, because its download may
     * not have taken its lock yet.
     *
     * @return the folders deleted
     */
    static List<Path> deleteLeftovers(Path dataDirectory, Instant before) throws IOException {
        FileTime limit = FileTime.from(before);
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> folders =
                Files.newDirectoryStream(dataDirectory, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(folder).compareTo(limit) < 0
                        && deleteIfUnlocked(folder)) {
                    LOG.info("deleted {}, left by an interrupted download", folder);
                    deleted.add(folder);
                }
            }
        }
        return deleted;
    }

    /**
     * Deletes {@code folder} while holding its lock, unless a download holds it. A folder
     * from a version without lock files gets one here.
     */
    private static boolean deleteIfUnlocked(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            // The folder is gone because its download finished meanwhile.
            return false;
        }
        try (channel) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // A download in this JVM holds the lock.
                return false;
            }
            if (lock == null) {
                return false;
            }
            AtomicFiles.deleteRecursively(folder);
            return true;
        } catch (NoSuchFileException e) {
            // Another cleanup deleted part of the folder first.
            return false;
        }
    }
}
