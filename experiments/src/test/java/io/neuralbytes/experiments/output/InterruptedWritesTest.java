package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped by SIGTERM (what Ctrl-C's SIGINT also does) leaves no temporary file. */
class InterruptedWritesTest {

    @TempDir
    Path temp;

    @Test
    void stoppedWriterLeavesNoTemporaryFile() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("out"));
        Process child = ChildJvm.start(temp.resolve("errors.txt"), "files", folder.toString(),
                "200");
        ChildJvm.awaitReady(child);
        assertEquals(1, temporaries(folder).size(), "the endless write is in flight");

        child.destroy();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, child.exitValue());
        assertEquals(List.of(), temporaries(folder));
        assertEquals(20, names(folder).filter(name -> name.startsWith("file")).count());
        assertFalse(Files.exists(folder.resolve("endless.bin")));
    }

    @Test
    void stoppedDownloadLeavesNoTemporaryFolder() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("data"));
        Process child = ChildJvm.start(temp.resolve("errors.txt"), "folder", folder.toString());
        ChildJvm.awaitReady(child);
        assertEquals(1, names(folder).count(), "the download folder exists");

        child.destroy();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), names(folder).toList());
    }

    @Test
    void stoppedDownloadRemovesTheDataFolderItCreated() throws Exception {
        Path folder = temp.resolve("new").resolve("data");
        Process child = ChildJvm.start(temp.resolve("errors.txt"), "created", folder.toString());
        ChildJvm.awaitReady(child);
        assertEquals(1, names(folder).count(), "the download folder exists");

        child.destroy();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(temp.resolve("new")), "the folders the child created");
    }

    private static List<String> temporaries(Path folder) throws IOException {
        return names(folder).filter(name -> name.endsWith(".tmp")).toList();
    }

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).toList().stream();
        }
    }
}
