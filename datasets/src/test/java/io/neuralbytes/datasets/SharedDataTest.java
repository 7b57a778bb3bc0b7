package io.neuralbytes.datasets;

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
        assertThrows(TestAbortedException.class, () -> SharedData.folder(" "));
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
    void fileInsteadOfFolderFails() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThrows(AssertionFailedError.class, () -> SharedData.folder(file.toString()));
    }

    @Test
    void existingFolderReturned() {
        assertEquals(temp, SharedData.folder(temp.toString()));
    }
}
