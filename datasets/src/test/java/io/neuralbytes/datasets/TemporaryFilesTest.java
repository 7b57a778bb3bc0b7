package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {

    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2021-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(temp.resolve(name), "partial");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void deletesOnlyOldFilesOfTheExactPattern() throws IOException {
        Path stale = file(".e100-lr0.1-loss.png.00ab34cd56ef7890.tmp", OLD);
        Path staleShortHex = file(".summary.json.e64e0db0bb1d57f.tmp", OLD);
        Path recent = file(".report.md.1234567890abcdef.tmp", CUTOFF.plusSeconds(1));
        List<Path> kept = List.of(
                file("notes.tmp", OLD),
                file(".notes.tmp", OLD),
                file("report.md.1234567890abcdef.tmp", OLD),
                file(".report.md.1234567890ABCDEF.tmp", OLD),
                file(".report.md.1234567890abcdef0.tmp", OLD),
                file(".report.md.1234567890abcdef.tmp.bak", OLD),
                file("report.md", OLD));
        Path folderLikeATemporary = Files.createDirectory(
                temp.resolve(".cnn.0123456789abcdef.tmp"));
        Files.setLastModifiedTime(folderLikeATemporary, FileTime.from(OLD));

        List<Path> deleted = TemporaryFiles.deleteStale(temp, CUTOFF);

        assertEquals(Set.of(stale, staleShortHex), Set.copyOf(deleted));
        assertTrue(Files.notExists(stale));
        assertTrue(Files.notExists(staleShortHex));
        assertTrue(Files.exists(recent));
        for (Path file : kept) {
            assertTrue(Files.exists(file), file.toString());
        }
        assertTrue(Files.isDirectory(folderLikeATemporary));
    }

    @Test
    void missingFolderHasNothingToDelete() throws IOException {
        assertEquals(List.of(), TemporaryFiles.deleteStale(temp.resolve("absent"), CUTOFF));
    }

    @Test
    void firstWriteIntoAFolderDeletesItsLeftovers() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("first"));
        Path stale = Files.writeString(folder.resolve(".words-vocabulary.txt.0a.tmp"), "x");
        Files.setLastModifiedTime(stale, FileTime.from(TemporaryFiles.runStart()
                .minusSeconds(60)));

        AtomicFiles.writeString(folder.resolve("words-vocabulary.txt"), "the\n");

        try (Stream<Path> entries = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("words-vocabulary.txt")), entries.toList());
        }
    }

    @Test
    void uncreatableTemporaryFileNamesTarget() {
        // The target's name fits the usual limit of 255 bytes, the temporary file's does not.
        Path target = temp.resolve("v".repeat(235) + "-vocabulary.txt");
        IOException failure = assertThrows(IOException.class,
                () -> AtomicFiles.writeString(target, "text"));
        assertEquals("cannot write " + target.toAbsolutePath() + ": File name too long",
                failure.getMessage());
    }

    @Test
    void uncreatableTemporaryFolderNamesParent() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "a file, not a folder");
        IOException failure = assertThrows(IOException.class,
                () -> TemporaryFiles.createFolder(file, ".neuralbytes-download-"));
        assertEquals("cannot write in " + file + ": Not a directory", failure.getMessage());
    }

    @Test
    void writtenFileHasThePermissionsOfAPlainWrite() throws IOException {
        Path plain = Files.writeString(temp.resolve("plain.txt"), "x");
        Path atomic = temp.resolve("atomic.txt");

        AtomicFiles.writeString(atomic, "x");

        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        // Under an owner-only umask (077) both would be 0600 and the test could not fail.
        assumeTrue(expected.contains(PosixFilePermission.GROUP_READ),
                "the umask gives plain files " + expected);
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
    }
}
