package io.neuralbytes.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.Downloader;
import io.neuralbytes.experiments.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * data download --force cifar10 keeps what the user put in cifar-10-batches-bin: a folder
 * at a data file's name stops it, and any other file or folder stays with a log line.
 */
class ForcedCifarDownloadTest {

    private static final String ARCHIVE_PATH = "/cifar/cifar-10-binary.tar.gz";
    private static final int RECORDS = 5;

    @TempDir
    Path temp;

    private LocalServer server;
    private Path data;
    private Path cifar;
    private List<String> download;
    private final StringWriter err = new StringWriter();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger downloaderLog = (Logger) LoggerFactory.getLogger(Downloader.class);

    @BeforeEach
    void downloadOnce() throws IOException {
        server = new LocalServer();
        byte[] archive = CifarArchive.build(RECORDS);
        server.serve(ARCHIVE_PATH, archive);
        data = temp.resolve("data");
        cifar = data.resolve(Cifar10.FOLDER);
        download = List.of("data", "download", "--data", data.toString(), "--cifar10-url",
                server.uri(ARCHIVE_PATH).toString(), "--cifar10-md5", CifarArchive.md5(archive));
        assertEquals(0, run(download, "cifar10"), err.toString());
        logged.start();
        downloaderLog.setLevel(Level.INFO);
        downloaderLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        server.close();
        downloaderLog.detachAppender(logged);
        downloaderLog.setLevel(null);
    }

    private int run(List<String> first, String... rest) {
        err.getBuffer().setLength(0);
        List<String> args = new ArrayList<>(first);
        args.addAll(List.of(rest));
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args.toArray(String[]::new));
    }

    @Test
    void folderAtDataBatchStopsDownload() throws IOException {
        Path batch = cifar.resolve("data_batch_4.bin");
        Files.delete(batch);
        Path notes = Files.writeString(Files.createDirectory(batch).resolve("notes.txt"),
                "my notes");
        byte[] testBatch = Files.readAllBytes(cifar.resolve(Cifar10.TEST_FILE));

        int exit = run(download, "--force", "cifar10");

        assertEquals(1, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("CIFAR-10: download failed: " + batch + " is a"
                + " folder, and the download would replace it"), err.toString());
        assertEquals("my notes", Files.readString(notes));
        assertArrayEquals(testBatch, Files.readAllBytes(cifar.resolve(Cifar10.TEST_FILE)));
        assertEquals(1, server.requestCount());
    }

    @Test
    void otherFileAndFolderKept() throws IOException {
        Path file = Files.writeString(cifar.resolve("subset.txt"), "first records");
        Path notes = Files.writeString(Files.createDirectory(cifar.resolve("mine"))
                .resolve("notes.txt"), "my notes");

        int exit = run(download, "--force", "cifar10");

        assertEquals(0, exit, err.toString());
        assertEquals("first records", Files.readString(file));
        assertEquals("my notes", Files.readString(notes));
        List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                .toList();
        // The kept names are listed in the order the file system returns them.
        String kept = messages.stream().filter(m -> m.startsWith("kept ")).findFirst()
                .orElseThrow(() -> new AssertionError("no kept line in " + messages));
        assertTrue(kept.endsWith("] in " + cifar + ", which the archive does not contain"),
                kept);
        assertTrue(kept.contains("mine"), kept);
        assertTrue(kept.contains("subset.txt"), kept);
        assertEquals(2, server.requestCount());
    }
}
