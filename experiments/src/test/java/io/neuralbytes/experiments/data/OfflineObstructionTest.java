package io.neuralbytes.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.experiments.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline run whose data is blocked by a file or folder of the user's gives the reason
 * data status gives, not a download command that would stop on the same thing.
 */
class OfflineObstructionTest {

    @TempDir
    Path temp;

    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void createData() throws IOException {
        data = Files.createDirectory(temp.resolve("data"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int reproduceOffline(String experiment, String lengthOption) {
        return run("reproduce", experiment, lengthOption, "1", "--offline", "--data",
                data.toString(), "--out", temp.resolve("results").toString());
    }

    private String statusLine(String dataset) {
        run("data", "status", "--data", data.toString());
        return out.toString().lines().filter(line -> line.startsWith(dataset + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no status line for "
                        + dataset + " in:\n" + out));
    }

    @Test
    void fileAtNovelsFolderNamed() throws IOException {
        Path file = Files.writeString(data.resolve(Novels.FOLDER), "notes");
        String reason = file + " exists but is not a folder; move it away";

        assertEquals(1, reproduceOffline("rnn", "--steps"));

        assertEquals("neuralbytes: data not ready, so no experiment ran: " + reason,
                err.toString().strip());
        assertTrue(statusLine("103").contains("missing  invalid: " + reason), out.toString());
        assertEquals("notes", Files.readString(file));
    }

    @Test
    void fileAtCifarFolderNamed() throws IOException {
        Path file = Files.writeString(data.resolve(Cifar10.FOLDER), "notes");
        String reason = file + " exists but is not a folder; move it away";

        assertEquals(1, reproduceOffline("cnn", "--epochs"));

        assertEquals("neuralbytes: data not ready, so no experiment ran: " + reason,
                err.toString().strip());
        assertTrue(statusLine("cifar10").contains("missing  invalid: " + reason),
                out.toString());
    }

    @Test
    void folderAtNovelFileNamed() throws IOException {
        Path folder = data.resolve(Novels.FOLDER).resolve(Catalogue.novel(103).fileName());
        Path inside = Files.writeString(Files.createDirectories(folder).resolve("notes.txt"),
                "mine");
        String reason = folder + " is a folder, expected the novel's file; move it away";

        assertEquals(1, reproduceOffline("rnn", "--steps"));

        // The word run's novel is missing too, and only it can be downloaded.
        assertTrue(err.toString().startsWith("neuralbytes: data not ready, so no experiment"
                + " ran: " + reason + ". The Master of the World (Gutenberg ebook 3809) not"
                + " found"), err.toString());
        assertTrue(err.toString().strip().endsWith(" data download --data " + data + " 3809"),
                err.toString());
        assertTrue(statusLine("103").contains("missing  invalid: " + reason), out.toString());
        assertEquals("mine", Files.readString(inside));
    }
}
