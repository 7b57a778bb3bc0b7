package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks of the output and data folders before any work. A symbolic link to a missing folder
 * is rejected and stays. The data folder is checked only when an experiment reads data. A
 * folder on Linux's /proc, which rejects new entries with "no such file or directory", is
 * reported as not writable.
 */
class FolderChecksTest {

    private static final String PROC_REASON = "/proc is not writable (creating an entry in it"
            + " fails with no such file or directory)";

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args);
    }

    private static void requireProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs the Linux /proc folder");
    }

    private Path link(String name) throws IOException {
        return Files.createSymbolicLink(temp.resolve(name), temp.resolve("nowhere"));
    }

    private String linkProblem(Path link) {
        return link + " is a symbolic link to " + temp.resolve("nowhere") + ", which does not"
                + " exist; create that folder or remove the link";
    }

    @Test
    void outLinkRejectedBeforeTraining() throws IOException {
        Path link = link("results");

        int exit = run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                link.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--out " + link + ": " + linkProblem(link)),
                err.toString());
        assertFalse(err.toString().contains("starting"), err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(temp.resolve("nowhere")));
    }

    @Test
    void experimentFolderLinkRejected() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("mlp"), temp.resolve("nowhere"));

        int exit = run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                out.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--out: " + linkProblem(link)), err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void folderBelowLinkRejected() throws IOException {
        Path link = link("results");
        Path below = link.resolve("run1");

        int exit = run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                below.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--out " + below + ": " + linkProblem(link)),
                err.toString());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void benchOutLinkRejected() throws IOException {
        Path link = link("bench");

        int exit = run("bench", "--runs", "mlp", "--threads", "1", "--out", link.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--out " + link + ": " + linkProblem(link)),
                err.toString());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void downloadDataLinkRejected() throws IOException {
        Path link = link("data");

        int exit = run("data", "download", "--data", link.toString(), "103");

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--data " + link + ": " + linkProblem(link)),
                err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(temp.resolve("nowhere")));
    }

    @Test
    void mlpRunsWithFileAsData() throws IOException {
        Path file = Files.writeString(temp.resolve("afile"), "not data");
        Path out = temp.resolve("results");

        int exit = run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--data",
                file.toString(), "--out", out.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(Files.isRegularFile(out.resolve("mlp/predictions.txt")));
        assertEquals("not data", Files.readString(file));
    }

    @Test
    void mlpRunsWithLinkToNothingAsData() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("data"), temp.resolve("nowhere"));
        Path out = temp.resolve("results");

        int exit = run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--data",
                link.toString(), "--out", out.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(temp.resolve("nowhere")));
    }

    @Test
    void cnnRejectsFileAsData() throws IOException {
        Path file = Files.writeString(temp.resolve("afile"), "not data");
        Path out = temp.resolve("results");

        int exit = run("reproduce", "mlp", "cnn", "--offline", "--data", file.toString(),
                "--out", out.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--data " + file + ": not a folder"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void procAsOutNotWritable() {
        requireProc();
        assertEquals(2, run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                "/proc"));

        assertTrue(err.toString().contains("--out /proc: not writable (creating an entry in it"
                + " fails with no such file or directory)"), err.toString());
    }

    @Test
    void folderInProcAsOutNotWritable() {
        requireProc();
        assertEquals(2, run("reproduce", "mlp", "--epochs", "10", "--lr", "0.1", "--out",
                "/proc/neuralbytes-x"));

        assertTrue(err.toString().contains("--out /proc/neuralbytes-x: cannot be created: "
                + PROC_REASON), err.toString());
    }

    @Test
    void downloadIntoProcNotWritable() {
        requireProc();
        assertEquals(2, run("data", "download", "--data", "/proc/neuralbytes-x", "103"));

        assertEquals(1, err.toString().lines().filter(l -> l.startsWith("neuralbytes:"))
                .count(), err.toString());
        assertTrue(err.toString().contains("data folder /proc/neuralbytes-x: cannot be created: "
                + PROC_REASON), err.toString());
    }

    @Test
    void reproduceDataInProcNotWritable() {
        requireProc();
        assertEquals(2, run("reproduce", "rnn", "--steps", "1", "--data", "/proc/neuralbytes-x",
                "--out", temp.resolve("results").toString()));

        assertTrue(err.toString().contains("data folder /proc/neuralbytes-x: cannot be created: "
                + PROC_REASON), err.toString());
    }
}
