package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes into folders that other runs delete. */
class FoldersTest {

    @TempDir
    Path temp;

    @Test
    void createThenRetriesWhenFolderVanishes() throws IOException {
        Path folder = temp.resolve("results");
        AtomicInteger attempts = new AtomicInteger();

        Path file = Folders.createThen(folder, () -> {
            if (attempts.incrementAndGet() == 1) {
                // Another run's cleanup deletes the empty folder just after it was created.
                Files.delete(folder);
            }
            return Files.createFile(folder.resolve("summary.json"));
        });

        assertEquals(2, attempts.get());
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void createThenRetriesTemporaryFile() throws IOException {
        Path folder = temp.resolve("vocabulary");
        Path target = folder.resolve("chars.txt");
        AtomicInteger attempts = new AtomicInteger();

        // TemporaryFiles.create reports the missing folder as an IOException caused by
        // NoSuchFileException, which the retry must recognise too.
        Path temporary = Folders.createThen(folder, () -> {
            if (attempts.incrementAndGet() == 1) {
                Files.delete(folder);
            }
            return TemporaryFiles.create(target);
        });
        TemporaryFiles.release(temporary);

        assertEquals(2, attempts.get());
        assertTrue(Files.isRegularFile(temporary));
        assertEquals(folder, temporary.getParent());
    }

    @Test
    void createThenGivesUpAfterThreeAttempts() {
        Path folder = temp.resolve("results");
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(NoSuchFileException.class, () -> Folders.createThen(folder, () -> {
            attempts.incrementAndGet();
            Files.delete(folder);
            return Files.createFile(folder.resolve("summary.json"));
        }));

        assertEquals(Folders.MAX_ATTEMPTS, attempts.get());
    }

    @Test
    void createThenKeepsOtherErrors() throws IOException {
        Path folder = temp.resolve("results");
        AtomicInteger attempts = new AtomicInteger();

        IOException e = assertThrows(IOException.class, () -> Folders.createThen(folder, () -> {
            attempts.incrementAndGet();
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals(1, attempts.get());
    }
}
