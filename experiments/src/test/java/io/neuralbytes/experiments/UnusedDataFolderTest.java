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

/** The data folder is checked only when a selected experiment reads data. */
class UnusedDataFolderTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args);
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
}
