package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The shared-data helper: skips without the variable, fails on a wrong one. */
class SharedDataTest {

    @TempDir
    Path temp;

    @Test
    void unsetVariableSkips() {
        assertThrows(TestAbortedException.class, () -> SharedData.folder(null));
        assertThrows(TestAbortedException.class, () -> SharedData.folder(""));
    }

    @Test
    void missingFolderFails() {
        Path missing = temp.resolve("missing");

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedData.folder(missing.toString()));

        assertTrue(e.getMessage().contains("NEURALBYTES_DATA=" + missing), e.getMessage());
        assertTrue(e.getMessage().contains("is not an existing folder"), e.getMessage());
    }

    @Test
    void folderWithoutDatasetFails() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedData.requireEntry(empty, "cifar-10-batches-bin", "cifar10"));

        assertTrue(e.getMessage().contains("NEURALBYTES_DATA names " + empty), e.getMessage());
        assertTrue(e.getMessage().contains("no cifar-10-batches-bin folder"), e.getMessage());
    }

    @Test
    void existingFolderReturned() {
        assertEquals(temp, SharedData.folder(temp.toString()));
    }
}
