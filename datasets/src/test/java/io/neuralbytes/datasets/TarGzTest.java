package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {

    @TempDir
    Path temp;

    /** Writes a .tar.gz whose entries are files of one byte, with the names given. */
    private Path archive(String... names) throws IOException {
        Path file = temp.resolve("archive.tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar =
                        new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String name : names) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(1);
                tar.putArchiveEntry(entry);
                tar.write(7);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    @Test
    void unpacksFilesIntoFolders() throws IOException {
        Path destination = Files.createDirectory(temp.resolve("unpacked"));

        TarGz.extract(archive("a/x.bin", "a/b/y.bin"), "https://example.org/a.tar.gz",
                destination);

        assertEquals(7, Files.readAllBytes(destination.resolve("a/x.bin"))[0]);
        assertEquals(1, Files.size(destination.resolve("a/b/y.bin")));
    }

    @Test
    void linksSkipped() throws IOException {
        Path file = temp.resolve("links.tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar =
                        new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry link = new TarArchiveEntry("a/link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry under = new TarArchiveEntry("a/link/y.bin");
            under.setSize(1);
            tar.putArchiveEntry(under);
            tar.write(7);
            tar.closeArchiveEntry();
        }
        Path destination = Files.createDirectory(temp.resolve("unpacked"));

        TarGz.extract(file, "https://example.org/links.tar.gz", destination);

        // The link is neither created nor turned into a file, so a/link is an ordinary folder.
        assertTrue(Files.isDirectory(destination.resolve("a/link"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(1, Files.size(destination.resolve("a/link/y.bin")));
    }

    @Test
    void repeatedEntryNamedNotTemporaryPath() throws IOException {
        Path destination = Files.createDirectory(temp.resolve("unpacked"));
        Path file = archive("a/x.bin", "a/x.bin");

        IOException e = assertThrows(IOException.class,
                () -> TarGz.extract(file, "https://example.org/a.tar.gz", destination));

        assertEquals("archive https://example.org/a.tar.gz is not a valid .tar.gz: its entry"
                + " 'a/x.bin' is already unpacked, as an earlier entry of that name",
                e.getMessage());
    }

    @Test
    void fileUnderFileNamedNotTemporaryPath() throws IOException {
        Path destination = Files.createDirectory(temp.resolve("unpacked"));
        Path file = archive("a", "a/x.bin");

        IOException e = assertThrows(IOException.class,
                () -> TarGz.extract(file, "https://example.org/a.tar.gz", destination));

        assertEquals("archive https://example.org/a.tar.gz is not a valid .tar.gz: its entry"
                + " 'a/x.bin' lies under 'a', which an earlier entry unpacked as a file",
                e.getMessage());
    }
}
