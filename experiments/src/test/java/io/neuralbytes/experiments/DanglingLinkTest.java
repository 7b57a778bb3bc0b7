package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link to a missing folder, given as an output or data folder, is rejected with
 * exit code 2 before any work, and the link stays.
 */
class DanglingLinkTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args);
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
}
