package io.neuralbytes.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.datasets.DataDirectory.Origin;
import io.neuralbytes.datasets.DataSources;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests that {@code reproduce} checks the data already on disk before any training. */
class PrepareChecksTest {

    private static final String ARCHIVE_PATH = "/cifar/cifar-10-binary.tar.gz";
    private static final int RECORDS = 12;
    private static final Novel CHAR_NOVEL = Catalogue.novel(103);
    private static final Novel WORD_NOVEL = Catalogue.novel(3809);
    private static final String NOT_READY = "neuralbytes: data not ready, so no experiment ran: ";

    @TempDir
    Path temp;

    private LocalServer server;
    private Path data;
    private Path results;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        data = temp.resolve("data");
        results = temp.resolve("results");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(List<String> args) {
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
    }

    private List<String> reproduce(String... rest) {
        List<String> args = new ArrayList<>(List.of("reproduce"));
        args.addAll(List.of(rest));
        args.addAll(List.of("--data", data.toString(), "--out", results.toString()));
        return args;
    }

    private Path novelFile(Novel novel) throws IOException {
        return Files.createDirectories(data.resolve(Novels.FOLDER)).resolve(novel.fileName());
    }

    /** Returns the shared copy of {@code novel}; skips the test unless it is the tested copy. */
    private static Path sharedNovel(Novel novel) throws IOException {
        Path file = Novels.find(SharedData.withNovels(), novel.ebook());
        assumeTrue(Novels.matchesTestedCopy(file, novel), file + " is not the tested copy");
        return file;
    }

    /** Downloads the test archive from the local server, then cuts one byte off test_batch. */
    private Path truncatedCifar(String archiveUrl, byte[] archive) throws IOException {
        assertEquals(0, run(List.of("data", "download", "--data", data.toString(),
                "--cifar10-url", archiveUrl, "--cifar10-md5", CifarArchive.md5(archive),
                "cifar10")), err.toString());
        Path batch = data.resolve(Cifar10.FOLDER).resolve(Cifar10.TEST_FILE);
        byte[] bytes = Files.readAllBytes(batch);
        Files.write(batch, Arrays.copyOf(bytes, bytes.length - 1));
        return batch;
    }

    @Test
    void offlineInvalidWordNovelTrainsNothing() throws IOException {
        Files.copy(sharedNovel(CHAR_NOVEL), novelFile(CHAR_NOVEL));
        byte[] text = "Captain Robur\n".getBytes(StandardCharsets.US_ASCII);
        text[7] = (byte) 0xFF;
        Path word = Files.write(novelFile(WORD_NOVEL), text);

        int exit = run(reproduce("rnn", "--offline", "--steps", "2"));

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(NOT_READY + "The Master of the World (Gutenberg ebook"
                + " 3809) is invalid: "), message);
        assertTrue(message.contains(word.getFileName() + " is not valid UTF-8: invalid byte"
                + " 0xFF at byte offset 7"), message);
        assertFalse(message.contains("ebook 103"), message);
        assertTrue(message.strip().endsWith(". To use valid copies, name a folder that has it"
                + " with --data or the NEURALBYTES_DATA environment variable; to replace it,"
                + " run: ./neuralbytes data download --data " + data + " --force 3809"),
                message);
        assertFalse(Files.exists(results), "the char run trained before the check");
    }

    @Test
    void offlineListsInvalidAndMissingTogether() throws IOException {
        byte[] archive = CifarArchive.build(RECORDS);
        server.serve(ARCHIVE_PATH, archive);
        String archiveUrl = server.uri(ARCHIVE_PATH).toString();
        Path batch = truncatedCifar(archiveUrl, archive);
        Files.writeString(novelFile(WORD_NOVEL), "");

        int exit = run(reproduce("cnn", "rnn", "--offline", "--cifar10-url", archiveUrl,
                "--cifar10-md5", CifarArchive.md5(archive)));

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        // The problems come in the catalogue's order, whether missing or invalid.
        assertTrue(message.startsWith(NOT_READY + "CIFAR-10 is invalid: CIFAR-10 file " + batch
                + " has " + (RECORDS * Cifar10.RECORD_BYTES - 1) + " bytes"), message);
        assertTrue(message.contains(". Around the World in Eighty Days (Gutenberg ebook 103) not"
                + " found: expected pg103-<title>.txt in " + data.resolve(Novels.FOLDER)
                + ". The Master"), message);
        assertTrue(message.contains(". The Master of the World (Gutenberg ebook 3809) is"
                + " invalid: " + WORD_NOVEL.fileName() + " is empty (0 bytes); training on it"
                + " fails. "), message);
        assertTrue(message.strip().endsWith("; to download the missing and replace the invalid"
                + " data, run: ./neuralbytes data download --data " + data + " --cifar10-url "
                + archiveUrl + " --cifar10-md5 " + CifarArchive.md5(archive)
                + " --force cifar10 103 3809"), message);
        assertEquals(1, server.requestCount(), "only the setup's download");
        assertFalse(Files.exists(results));
    }

    @Test
    void onlineDownloadsMissingThenRejectsInvalid() throws IOException {
        // A download must match the tested copy's SHA-256, so the server sends that copy.
        server.serve("/gutenberg/cache/epub/103/pg103.txt",
                Files.readAllBytes(sharedNovel(CHAR_NOVEL)));
        Files.writeString(novelFile(WORD_NOVEL), "");
        String gutenberg = server.uri("/gutenberg/").toString();

        int exit = run(reproduce("rnn", "--steps", "2", "--gutenberg-url", gutenberg));

        assertEquals(1, exit);
        assertEquals(1, server.requestCount());
        assertTrue(Files.exists(novelFile(CHAR_NOVEL)), err.toString());
        String message = err.toString();
        assertTrue(message.startsWith(NOT_READY + "The Master of the World (Gutenberg ebook"
                + " 3809) is invalid: " + WORD_NOVEL.fileName() + " is empty (0 bytes)"),
                message);
        assertTrue(message.strip().endsWith("; to replace it, run: ./neuralbytes data download"
                + " --data " + data + " --gutenberg-url " + gutenberg + " --force 3809"),
                message);
        assertFalse(Files.exists(results));
    }

    @Test
    void folderInCifarNamedToMove() throws IOException {
        byte[] archive = CifarArchive.build(RECORDS);
        server.serve(ARCHIVE_PATH, archive);
        truncatedCifar(server.uri(ARCHIVE_PATH).toString(), archive);
        Path meta = data.resolve(Cifar10.FOLDER).resolve(Cifar10.META_FILE);
        Files.delete(meta);
        Files.createDirectory(meta);
        String reason = meta + " is a folder, expected a CIFAR-10 file; move it away";

        int exit = run(reproduce("cnn", "--offline"));

        assertEquals(1, exit);
        String message = err.toString();
        // data download --force would stop on the folder, so the error offers no command.
        assertEquals(NOT_READY + "CIFAR-10 is invalid: " + reason, message.strip());
        assertFalse(Files.exists(results));

        assertEquals(DataStatusCommand.INCOMPLETE, run(List.of("data", "status", "--data",
                data.toString())));
        assertTrue(out.toString().contains(" present  invalid: " + reason), out.toString());
    }

    @Test
    void prepareAcceptsDifferingUtf8Novel() throws IOException {
        Files.writeString(novelFile(CHAR_NOVEL), "Phileas Fogg \u00e9tait\n");
        DataAccess access = new DataAccess(new DataDirectory(data, Origin.OPTION),
                DataSources.official(), true);

        access.prepare(List.of("103"));

        String check = DataCheck.novel(data, CHAR_NOVEL);
        assertTrue(check.startsWith(DataCheck.NOT_VERIFIED), check);
    }
}
