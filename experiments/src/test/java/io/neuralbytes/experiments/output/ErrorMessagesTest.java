package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorMessagesTest {

    @TempDir
    Path temp;

    @Test
    void fileErrorsNameTheProblem() {
        assertEquals("permission denied: /data/x",
                ErrorMessages.describe(new AccessDeniedException("/data/x")));
        assertEquals("not found: /data/x",
                ErrorMessages.describe(new NoSuchFileException("/data/x")));
        assertEquals("/data/x is not a folder",
                ErrorMessages.describe(new NotDirectoryException("/data/x")));
        assertEquals("/data/x already exists (and /data/y)",
                ErrorMessages.describe(new FileAlreadyExistsException("/data/x", "/data/y", null)));
        assertEquals("/data/x: Read-only file system", ErrorMessages.describe(
                new FileSystemException("/data/x", null, "Read-only file system")));
    }

    @Test
    void folderUnderFileGetsReason() throws IOException {
        Path file = Files.writeString(temp.resolve("jules-verne"), "not a folder");

        IOException e = assertThrows(IOException.class,
                () -> Files.createDirectories(file.resolve("sub")));

        // The JDK's message would be the bare path; the reason comes from the operating system.
        assertEquals(file.resolve("sub") + ": Not a directory", ErrorMessages.describe(e));
    }

    @Test
    void wrappedErrorKeepsItsOwnMessage() {
        AccessDeniedException cause = new AccessDeniedException("/data/x");

        assertEquals("permission denied: /data/x",
                ErrorMessages.describe(new UncheckedIOException(cause)));
        assertEquals("cannot write /data/x: denied",
                ErrorMessages.describe(new UncheckedIOException("cannot write /data/x: denied",
                        cause)));
        assertEquals("bad value", ErrorMessages.describe(new IllegalArgumentException("bad\nvalue")));
        assertEquals("java.lang.IllegalStateException",
                ErrorMessages.describe(new IllegalStateException()));
    }
}
