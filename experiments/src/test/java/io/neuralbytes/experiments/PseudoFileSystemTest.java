package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders on Linux's /proc, which rejects new entries with "no such file or directory", are
 * reported as not writable before any work.
 */
class PseudoFileSystemTest {

    private static final String REASON = "/proc is not writable (creating an entry in it fails"
            + " with no such file or directory)";

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    @BeforeEach
    void requireProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs the Linux /proc folder");
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args);
    }

    @Test
    void procAsOutNotWritable() {
        assertEquals(2, run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                "/proc"));

        assertTrue(err.toString().contains("--out /proc: not writable (creating an entry in it"
                + " fails with no such file or directory)"), err.toString());
    }

    @Test
    void folderInProcAsOutNotWritable() {
        assertEquals(2, run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                "/proc/neuralbytes-x"));

        assertTrue(err.toString().contains("--out /proc/neuralbytes-x: cannot be created: "
                + REASON), err.toString());
    }

    @Test
    void downloadIntoProcNotWritable() {
        assertEquals(2, run("data", "download", "--data", "/proc/neuralbytes-x", "103"));

        assertEquals(1, err.toString().lines().filter(l -> l.startsWith("neuralbytes:"))
                .count(), err.toString());
        assertTrue(err.toString().contains("data folder /proc/neuralbytes-x: cannot be created: "
                + REASON), err.toString());
    }

    @Test
    void reproduceDataInProcNotWritable() {
        assertEquals(2, run("reproduce", "rnn", "--steps", "1", "--data", "/proc/neuralbytes-x",
                "--out", temp.resolve("results").toString()));

        assertTrue(err.toString().contains("data folder /proc/neuralbytes-x: cannot be created: "
                + REASON), err.toString());
    }
}
