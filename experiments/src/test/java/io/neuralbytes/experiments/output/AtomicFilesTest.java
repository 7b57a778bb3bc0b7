package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void writesIntoNewFolder() throws IOException {
        Path target = temp.resolve("a/b/file.txt");
        AtomicFiles.writeString(target, "héllo");
        assertEquals("héllo", Files.readString(target));
        assertEquals(1, countFiles(target.getParent()));
    }

    @Test
    void replacesExistingFile() throws IOException {
        Path target = temp.resolve("file.txt");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
    }

    @Test
    void failedWriteKeepsOldContent() throws IOException {
        Path target = temp.resolve("file.txt");
        AtomicFiles.writeString(target, "old");
        IOException failure = assertThrows(IOException.class, () ->
                AtomicFiles.write(target, out -> {
                    out.write(new byte[] {1, 2, 3});
                    throw new IOException("disk full");
                }));
        assertEquals("cannot write " + target.toAbsolutePath() + ": disk full",
                failure.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(1, countFiles(temp), "the temporary file must be removed");
    }

    @Test
    void uncreatableTemporaryFileNamesTarget() {
        // The target's name fits the usual limit of 255 bytes, the temporary file's does not.
        Path target = temp.resolve("e".repeat(235) + "-loss.png");
        IOException failure = assertThrows(IOException.class,
                () -> AtomicFiles.writeBytes(target, new byte[] {1}));
        assertEquals("cannot write " + target.toAbsolutePath() + ": File name too long",
                failure.getMessage());
    }

    @Test
    void failedMoveNamesTarget() throws IOException {
        Path target = temp.resolve("report.md");
        Files.createDirectories(target.resolve("inside"));
        IOException failure = assertThrows(IOException.class,
                () -> AtomicFiles.writeString(target, "text"));
        assertEquals("cannot write " + target.toAbsolutePath() + ": Is a directory",
                failure.getMessage());
        assertEquals(1, countFiles(temp), "the temporary file must be removed");
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
