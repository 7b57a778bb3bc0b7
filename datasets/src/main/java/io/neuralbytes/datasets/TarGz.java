package io.neuralbytes.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Unpacks {@code .tar.gz} archives: regular files and folders only, never outside the target. */
final class TarGz {

    private static final Logger LOG = LoggerFactory.getLogger(TarGz.class);

    private TarGz() {
    }

    /**
     * Unpacks every folder and regular file of an archive into {@code destination}, skipping
     * links and special files.
     *
     * @param source where the archive came from, such as its URL, named in error messages
     *     instead of the temporary file
     * @throws IOException if the archive is damaged or an entry would land outside
     *     {@code destination}
     */
    static void extract(Path archive, Object source, Path destination) throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        String current = null;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                GzipCompressorInputStream gzip = new GzipCompressorInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                current = entry.getName();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new UnsafeEntryException("archive " + source + " has entry '"
                            + entry.getName() + "', which points outside the folder it unpacks"
                            + " to");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile() && !entry.isSymbolicLink() && !entry.isLink()) {
                    // isFile() is also true for links, which must not become empty files.
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                } else {
                    LOG.debug("skipping {} in {}: not a regular file or folder",
                            entry.getName(), source);
                }
            }
        } catch (UnsafeEntryException e) {
            throw e;
        } catch (EOFException e) {
            throw new IOException("archive " + source + " is not a valid .tar.gz: it ends"
                    + " before its last entry is complete", e);
        } catch (FileAlreadyExistsException e) {
            String existing = root.relativize(Path.of(e.getFile())).toString();
            String problem = existing.equals(Path.of(current).normalize().toString())
                    ? "is already unpacked, as an earlier entry of that name"
                    : "lies under '" + existing + "', which an earlier entry unpacked as a file";
            throw new IOException("archive " + source + " is not a valid .tar.gz: its entry '"
                    + current + "' " + problem, e);
        } catch (FileSystemException e) {
            // The exception names a path in the temporary folder, so the entry is named instead.
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new IOException("archive " + source + " could not be unpacked: entry '"
                    + current + "': " + reason, e);
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException("archive " + source + " is not a valid .tar.gz: " + reason, e);
        }
    }

    /** An entry whose path would land outside the destination folder. */
    private static final class UnsafeEntryException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafeEntryException(String message) {
            super(message);
        }
    }
}
