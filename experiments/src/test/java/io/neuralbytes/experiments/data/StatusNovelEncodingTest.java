package io.neuralbytes.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.experiments.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data status marks a novel that training would reject as not UTF-8 invalid. */
class StatusNovelEncodingTest {

    private static final Novel NOVEL = Catalogue.novel(103);

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path writeNovel(Path data, byte[] bytes) throws IOException {
        Path novels = Files.createDirectories(data.resolve(Novels.FOLDER));
        return Files.write(novels.resolve(NOVEL.fileName()), bytes);
    }

    private String statusLine() {
        return out.toString().lines().filter(line -> line.startsWith("103 ")).findFirst()
                .orElseThrow(() -> new AssertionError("no status line for 103 in:\n" + out));
    }

    @Test
    void randomBytesInvalidAsInTraining() throws IOException {
        Path data = temp.resolve("data");
        Path file = writeNovel(data, new byte[] {(byte) 0xB6, 1, 'r', 'a', 'n', 'd'});
        String reason = file + " is not valid UTF-8: invalid byte 0xB6 at byte offset 0";

        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()));
        assertTrue(statusLine().contains("present  invalid: " + reason), out.toString());

        int exit = run("reproduce", "rnn", "--level", "char", "--steps", "1", "--offline",
                "--data", data.toString(), "--out", temp.resolve("results").toString());
        assertEquals(1, exit, err.toString());
        // reproduce runs the same check before training, so the reason is the same.
        assertTrue(err.toString().contains("data not ready, so no experiment ran: Around the"
                + " World in Eighty Days (Gutenberg ebook 103) is invalid: " + reason),
                err.toString());
    }

    @Test
    void latin1TextInvalid() throws IOException {
        Path data = temp.resolve("data");
        Path file = writeNovel(data, "Phileas Fogg, caf\u00e9 noir.\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()));

        assertTrue(statusLine().contains("present  invalid: " + file + " is not valid UTF-8:"
                + " invalid byte 0xE9 at byte offset 17"), out.toString());
    }

    @Test
    void otherUtf8EditionStillUsable() throws IOException {
        Path data = temp.resolve("data");
        writeNovel(data, "Phileas Fogg, caf\u00e9 noir.\n".getBytes(StandardCharsets.UTF_8));

        run("data", "status", "--data", data.toString());

        assertTrue(statusLine().contains("present  not verified: " + NOVEL.fileName()
                + " has SHA-256 "), out.toString());
    }
}
