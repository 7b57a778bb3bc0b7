package io.neuralbytes.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                GzipCompressorInputStream gzip = new GzipCompressorInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new UnsafeEntryException("archive " + source + " has entry '"
                            + entry.getName() + "', which points outside the folder it unpacks"
                            + " to");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
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
