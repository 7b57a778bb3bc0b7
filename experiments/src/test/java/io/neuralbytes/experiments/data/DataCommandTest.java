package io.neuralbytes.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.datasets.DataDirectory.Origin;
import io.neuralbytes.datasets.DataSources;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import io.neuralbytes.experiments.output.ProgressReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code neuralbytes data} and the downloads of {@code reproduce}, against a local server on
 * 127.0.0.1 that serves generated files.
 */
class DataCommandTest {

    private static final String ARCHIVE_PATH = "/cifar/cifar-10-binary.tar.gz";
    private static final int RECORDS = 12;
    private static final int EBOOK = 103;
    private static final String NOVEL_PATH = "/gutenberg/cache/epub/103/pg103.txt";

    @TempDir
    Path temp;

    private LocalServer server;
    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<Logger> capturedLoggers = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        data = temp.resolve("data");
        logged.start();
        for (Class<?> source : List.of(DataAccess.class, ProgressReporter.class)) {
            Logger logger = (Logger) LoggerFactory.getLogger(source);
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(logged);
            capturedLoggers.add(logger);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        for (Logger logger : capturedLoggers) {
            logger.detachAppender(logged);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Returns the options that point the downloads at the local server. */
    private List<String> sources(byte[] archive) {
        server.serve(ARCHIVE_PATH, archive);
        return List.of("--data", data.toString(),
                "--cifar10-url", server.uri(ARCHIVE_PATH).toString(),
                "--cifar10-md5", CifarArchive.md5(archive),
                "--gutenberg-url", server.uri("/gutenberg/").toString());
    }

    private static String[] args(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private List<String> entries(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String statusLine(String dataset) {
        return out.toString().lines().filter(line -> line.startsWith(dataset + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no status line for "
                        + dataset + " in:\n" + out));
    }

    @Test
    void cifarDownloadedThenStatusPresent() throws IOException {
        byte[] archive = CifarArchive.build(RECORDS);
        List<String> sources = sources(archive);

        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());

        assertTrue(out.toString().startsWith("CIFAR-10: downloaded and checked, in "
                + data.resolve(Cifar10.FOLDER)), out.toString());
        assertEquals(List.of(Cifar10.FOLDER), entries(data));
        Cifar10 cifar = Cifar10.open(data);
        assertEquals(CifarArchive.CLASS_NAMES, cifar.classNames());
        assertEquals((11 + 4) % 10, cifar.trainBatch(4).label(11));
        assertEquals(1, server.requestCount());
        // The test archive is a few KiB, so its progress counts bytes.
        assertTrue(archive.length < DownloadProgress.BYTES_LIMIT, archive.length + " bytes");
        String finished = "CIFAR-10: " + archive.length + "/" + archive.length + " bytes (100%)";
        assertTrue(messages().stream().anyMatch(m -> m.startsWith(finished)),
                messages().toString());

        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()), err.toString());
        assertTrue(out.toString().startsWith("data folder: " + data + " (from --data)"),
                out.toString());
        assertTrue(statusLine("cifar10").contains("present  verified: 72 records in 6 files"),
                out.toString());
        assertTrue(statusLine("103").endsWith("missing  run: ./neuralbytes data download --data "
                + data + " 103"), out.toString());
    }

    @Test
    void statusCompleteFolderExitsZero() throws IOException {
        assertEquals(0, run(args(List.of("data", "download", "cifar10"),
                sources(CifarArchive.build(RECORDS)).toArray(String[]::new))), err.toString());
        Path novels = Files.createDirectories(data.resolve(Novels.FOLDER));
        for (Novel novel : Catalogue.NOVELS) {
            Files.writeString(novels.resolve(novel.fileName()), "Another edition.\n");
        }

        assertEquals(0, run("data", "status", "--data", data.toString()), out.toString());

        assertTrue(statusLine("103").contains("present  not verified"), out.toString());
    }

    @Test
    void statusFileWhereFolderGoesIsInvalid() throws IOException {
        Files.createDirectories(data);
        Path cifar = Files.writeString(data.resolve(Cifar10.FOLDER), "notes");
        Path novels = Files.writeString(data.resolve(Novels.FOLDER), "notes");

        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()));

        assertTrue(statusLine("cifar10").contains("missing  invalid: " + cifar + " exists but is"
                + " not a folder; move it away"), out.toString());
        assertTrue(statusLine("103").contains("missing  invalid: " + novels + " exists but is"
                + " not a folder; move it away"), out.toString());
        // The download stops before fetching anything, and the user's file stays.
        assertEquals(1, run(args(List.of("data", "download", "cifar10"),
                sources(CifarArchive.build(RECORDS)).toArray(String[]::new))));
        assertTrue(err.toString().contains("CIFAR-10: download failed: " + cifar + " exists but"
                + " is not a folder"), err.toString());
        assertEquals("notes", Files.readString(cifar));
    }

    @Test
    void statusEmptyNovelIsInvalid() throws IOException {
        Path novels = Files.createDirectories(data.resolve(Novels.FOLDER));
        Novel first = Catalogue.NOVELS.get(0);
        Files.writeString(novels.resolve(first.fileName()), "");

        assertTrue(run("data", "status", "--data", data.toString()) != 0, out.toString());

        assertTrue(statusLine(Integer.toString(first.ebook())).contains("present  invalid: "
                + first.fileName() + " is empty (0 bytes); training on it fails"), out.toString());
    }

    @Test
    void statusInvalidCifarExitsNonZero() throws IOException {
        assertEquals(0, run(args(List.of("data", "download", "cifar10"),
                sources(CifarArchive.build(RECORDS)).toArray(String[]::new))), err.toString());
        Path batch = data.resolve(Cifar10.FOLDER).resolve("data_batch_2.bin");
        byte[] bytes = Files.readAllBytes(batch);
        bytes[Cifar10.RECORD_BYTES] = 12;
        Files.write(batch, bytes);

        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()));

        assertTrue(statusLine("cifar10").contains("present  invalid: CIFAR-10 file " + batch
                + ", record 1 (byte offset 3073): label 12 is outside 0-9"), out.toString());
    }

    @Test
    void dataOptionFileOrEmptyRejected() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        for (String command : List.of("data status", "data download", "reproduce cnn")) {
            List<String> arguments = new ArrayList<>(List.of(command.split(" ")));
            arguments.addAll(List.of("--offline", "--out", temp.resolve("out").toString()));
            if (command.startsWith("data")) {
                arguments = new ArrayList<>(List.of(command.split(" ")));
            }

            arguments.addAll(List.of("--data", file.toString()));
            assertEquals(2, run(arguments.toArray(String[]::new)), command);
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().contains("--data " + file + ": not a folder"),
                    err.toString());

            arguments.set(arguments.size() - 1, "");
            assertEquals(2, run(arguments.toArray(String[]::new)), command);
            assertTrue(err.toString().contains("--data must not be empty"), err.toString());
        }
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void statusHelpListsExitCodesNotMirrors() {
        assertEquals(0, run("data", "status", "--help"));

        assertTrue(out.toString().contains("Exit codes:"), out.toString());
        assertTrue(out.toString().contains("a data set is missing or invalid"), out.toString());
        assertFalse(out.toString().contains("--cifar10-url"), out.toString());
        assertFalse(out.toString().contains("--gutenberg-url"), out.toString());
        assertEquals(0, run("data", "download", "--help"));
        assertTrue(out.toString().contains("--cifar10-url"), out.toString());
    }

    @Test
    void downloadHintNamesFolderUnlessDefault() {
        Path folder = temp.resolve("my data");
        DataAccess chosen = new DataAccess(new DataDirectory(folder, Origin.OPTION),
                DataSources.official(), true);
        DataAccess fromEnvironment = new DataAccess(new DataDirectory(temp, Origin.ENVIRONMENT),
                DataSources.official(), true);
        DataAccess byDefault = new DataAccess(new DataDirectory(temp, Origin.DEFAULT),
                DataSources.official(), true);

        assertEquals("./neuralbytes data download --data '" + folder + "' cifar10",
                chosen.downloadCommand("cifar10"));
        assertEquals("./neuralbytes data download --data " + temp + " 103",
                fromEnvironment.downloadCommand("103"));
        DataAccess mirrored = new DataAccess(new DataDirectory(temp, Origin.OPTION),
                DataSources.official().withCifar10(URI.create("http://127.0.0.1:8080/c.tar.gz"),
                        "0123456789abcdef0123456789abcdef")
                        .withGutenberg(URI.create("http://127.0.0.1:8080/g/")), true);
        assertEquals("./neuralbytes data download --data " + temp + " --cifar10-url"
                + " http://127.0.0.1:8080/c.tar.gz --cifar10-md5 0123456789abcdef0123456789abcdef"
                + " --force cifar10", mirrored.downloadCommand("--force", "cifar10"));
        assertEquals("./neuralbytes data download --data " + temp + " --gutenberg-url"
                + " http://127.0.0.1:8080/g/ 103", mirrored.downloadCommand("103"));
        assertEquals("./neuralbytes data download --data " + temp + " --cifar10-url"
                + " http://127.0.0.1:8080/c.tar.gz --cifar10-md5 0123456789abcdef0123456789abcdef"
                + " --gutenberg-url http://127.0.0.1:8080/g/ cifar10 103 83",
                mirrored.downloadCommand("cifar10", "103", "83"));
        // The default folder is relative to the working directory, which the hint's
        // ./neuralbytes may not run in, so it is named too.
        assertEquals("./neuralbytes data download --data " + temp + " 103",
                byDefault.downloadCommand("103"));
    }

    @Test
    void downloadHintNamesLauncherAsCalled() {
        DataAccess access = new DataAccess(new DataDirectory(temp, Origin.OPTION),
                DataSources.official(), true);
        String before = System.getProperty(DataAccess.LAUNCHER_PROPERTY);
        try {
            System.setProperty(DataAccess.LAUNCHER_PROPERTY, "../my tools/neuralbytes");
            assertEquals("'../my tools/neuralbytes' data download --data " + temp + " 103",
                    access.downloadCommand("103"));
            System.setProperty(DataAccess.LAUNCHER_PROPERTY, "nb");
            assertEquals("nb data download --data " + temp + " cifar10",
                    access.downloadCommand("cifar10"));
        } finally {
            if (before == null) {
                System.clearProperty(DataAccess.LAUNCHER_PROPERTY);
            } else {
                System.setProperty(DataAccess.LAUNCHER_PROPERTY, before);
            }
        }
    }

    @Test
    void presentCifarNotDownloadedAgain() throws IOException {
        List<String> sources = sources(CifarArchive.build(RECORDS));
        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());

        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());

        assertTrue(out.toString().startsWith("CIFAR-10: present in "), out.toString());
        assertEquals(1, server.requestCount());
        assertEquals(0, run(args(List.of("data", "download", "--force", "cifar10"),
                sources.toArray(String[]::new))), err.toString());
        assertEquals(2, server.requestCount());
        assertEquals(List.of(Cifar10.FOLDER), entries(data));
    }

    @Test
    void forcedDownloadKeepsOwnFiles() throws IOException {
        List<String> sources = sources(CifarArchive.build(RECORDS));
        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());
        Path source = Files.writeString(data.resolve(Cifar10.FOLDER).resolve("SOURCE.md"),
                "mirrored on 2026-12-01");

        assertEquals(0, run(args(List.of("data", "download", "--force", "cifar10"),
                sources.toArray(String[]::new))), err.toString());

        assertEquals(2, server.requestCount());
        assertEquals("mirrored on 2026-12-01", Files.readString(source));
        assertEquals(RECORDS, Cifar10.open(data).testBatch().size());
    }

    @Test
    void forcedDownloadKeepsFolderNamedLikeArchive() throws IOException {
        List<String> sources = sources(CifarArchive.build(RECORDS));
        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());
        Path own = Files.createDirectories(data.resolve("cifar-10-binary.tar.gz"));
        Path inside = Files.writeString(own.resolve("notes.txt"), "mine");

        int exit = run(args(List.of("data", "download", "--force", "cifar10"),
                sources.toArray(String[]::new)));

        assertEquals(0, exit, err.toString());
        assertEquals("mine", Files.readString(inside));
    }

    @Test
    void forcedDownloadRejectsFolderAtDataFile() throws IOException {
        List<String> sources = sources(CifarArchive.build(RECORDS));
        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());
        Path meta = data.resolve(Cifar10.FOLDER).resolve(Cifar10.META_FILE);
        Files.delete(meta);
        Path inside = Files.writeString(Files.createDirectory(meta).resolve("notes.txt"), "mine");

        int exit = run(args(List.of("data", "download", "--force", "cifar10"),
                sources.toArray(String[]::new)));

        assertEquals(1, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(meta + " is a folder, and the download would replace"
                + " it with its own entry of that name, deleting everything in it; move or"
                + " rename the folder, then download again"), err.toString());
        assertEquals("mine", Files.readString(inside));
        // The folder is found before the download, so the archive is fetched only once.
        assertEquals(1, server.requestCount());
    }

    @Test
    void forcedDownloadRejectsFolderAtArchiveEntry() throws IOException {
        List<String> sources = sources(CifarArchive.build(RECORDS, List.of("readme.html")));
        assertEquals(0, run(args(List.of("data", "download", "cifar10"), sources.toArray(
                String[]::new))), err.toString());
        Path readme = data.resolve(Cifar10.FOLDER).resolve("readme.html");
        Files.delete(readme);
        Path inside = Files.writeString(Files.createDirectory(readme).resolve("notes.txt"),
                "mine");

        int exit = run(args(List.of("data", "download", "--force", "cifar10"),
                sources.toArray(String[]::new)));

        assertEquals(1, exit);
        assertTrue(err.toString().contains(readme + " is a folder, and the download would"
                + " replace it"), err.toString());
        assertEquals("mine", Files.readString(inside));
        assertEquals(RECORDS, Cifar10.open(data).testBatch().size());
    }

    @Test
    void novelDownloadRejectsFolderAtFile() throws IOException {
        server.serve(NOVEL_PATH, "Not the novel.\n".getBytes(StandardCharsets.UTF_8));
        Path file = data.resolve(Novels.FOLDER).resolve(Catalogue.novel(EBOOK).fileName());
        Path inside = Files.writeString(Files.createDirectories(file).resolve("notes.txt"),
                "mine");

        int exit = run(args(List.of("data", "download", "--force", "103"),
                sources(new byte[1]).toArray(String[]::new)));

        assertEquals(1, exit);
        assertTrue(err.toString().contains(file + " is a folder, and the download would"
                + " replace it"), err.toString());
        assertEquals("mine", Files.readString(inside));
        assertEquals(0, server.requestCount());
    }

    @Test
    void checksumMismatchFailsAndKeepsNothing() throws IOException {
        byte[] archive = CifarArchive.build(RECORDS);
        server.serve(ARCHIVE_PATH, archive);
        String otherMd5 = CifarArchive.md5(new byte[] {1, 2, 3});

        int exit = run("data", "download", "cifar10", "--data", data.toString(),
                "--cifar10-url", server.uri(ARCHIVE_PATH).toString(), "--cifar10-md5", otherMd5);

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("neuralbytes: CIFAR-10: download failed: checksum mismatch"
                + " for " + server.uri(ARCHIVE_PATH) + ": MD5 is " + CifarArchive.md5(archive)
                + ", expected " + otherMd5), message);
        assertTrue(message.strip().endsWith("nothing was kept. If this mirror's archive differs"
                + " from the official one on purpose, give its MD5 with --cifar10-md5."), message);
        assertEquals(List.of(), entries(data));
    }

    @Test
    void corruptedArchiveFailsAndKeepsNothing() throws IOException {
        byte[] archive = CifarArchive.build(RECORDS);
        byte[] corrupted = Arrays.copyOf(archive, archive.length / 2);

        int exit = run(args(List.of("data", "download", "cifar10"), sources(corrupted).toArray(
                String[]::new)));

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("neuralbytes: CIFAR-10: download failed: "), message);
        assertEquals(List.of(), entries(data));
        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()));
        assertTrue(statusLine("cifar10").contains("missing"), out.toString());
    }

    @Test
    void novelOfOtherTextFailsAndKeepsNothing() throws IOException {
        server.serve(NOVEL_PATH, "Not the novel.\n".getBytes(StandardCharsets.UTF_8));

        int exit = run(args(List.of("data", "download", "103"), sources(new byte[1]).toArray(
                String[]::new)));

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("neuralbytes: Around the World in Eighty Days (ebook 103):"
                + " download failed: checksum mismatch for " + server.uri(NOVEL_PATH)
                + ": SHA-256 is "), message);
        assertTrue(message.contains("expected " + Catalogue.novel(EBOOK).sha256()), message);
        // The command created the data folder, so it removes it again.
        assertFalse(Files.exists(data));
    }

    @Test
    void gutenbergUrlKeepsQueryString() throws IOException {
        server.serve(NOVEL_PATH, "Not the novel.\n".getBytes(StandardCharsets.UTF_8));

        int exit = run("data", "download", "--data", data.toString(), "--gutenberg-url",
                server.uri("/gutenberg?x=1").toString(), "103");

        assertEquals(1, exit);
        assertEquals(List.of(URI.create(NOVEL_PATH + "?x=1")), server.requestUris());
        // The novel reached the checksum, so the server found the path with the slash added.
        String message = err.toString();
        assertTrue(message.contains("checksum mismatch for " + server.uri(NOVEL_PATH + "?...")
                + ": SHA-256 is "), message);
        assertFalse(message.contains("x=1"), message);
    }

    @Test
    void mirrorTokenKeptOutOfLogsAndReport() throws IOException {
        server.serve(NOVEL_PATH, Files.readAllBytes(sharedNovel()));
        Path results = temp.resolve("results");
        String mirror = server.uri("/gutenberg/?token=xyz").toString();
        ListAppender<ILoggingEvent> all = new ListAppender<>();
        all.start();
        Logger project = (Logger) LoggerFactory.getLogger("io.neuralbytes");
        project.setLevel(Level.INFO);
        project.setAdditive(false);
        project.addAppender(all);
        int exit;
        try {
            exit = run("reproduce", "rnn", "--level", "char", "--steps", "2", "--data",
                    data.toString(), "--out", results.toString(), "--gutenberg-url", mirror);
        } finally {
            project.detachAppender(all);
            project.setLevel(null);
            project.setAdditive(true);
        }

        assertEquals(0, exit, err.toString());
        assertEquals(List.of(URI.create(NOVEL_PATH + "?token=xyz")), server.requestUris());
        List<String> lines = new ArrayList<>(messages());
        all.list.forEach(event -> lines.add(event.getFormattedMessage()));
        assertTrue(lines.contains("downloading Around the World in Eighty Days from "
                + server.uri(NOVEL_PATH) + "?..."), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.contains("xyz")), lines.toString());
        String report = Files.readString(results.resolve("report.md"));
        assertTrue(report.contains(" --gutenberg-url '" + server.uri("/gutenberg/") + "?...' "),
                report);
        assertFalse(report.contains("xyz"), report);
        assertFalse(Files.readString(results.resolve("summary.json")).contains("xyz"));
        assertFalse(err.toString().contains("xyz"), err.toString());
    }

    @Test
    void offlineHintShowsMirrorWithoutQuery() {
        int exit = run("reproduce", "cnn", "--offline", "--data", data.toString(), "--out",
                temp.resolve("results").toString(), "--cifar10-url",
                "http://127.0.0.1:9/c.tar.gz?token=xyz");

        assertEquals(1, exit);
        assertTrue(err.toString().strip().endsWith(" --cifar10-url"
                + " 'http://127.0.0.1:9/c.tar.gz?...' --cifar10-md5 "
                + Catalogue.CIFAR10_ARCHIVE_MD5 + " cifar10"), err.toString());
        assertFalse(err.toString().contains("xyz"), err.toString());
    }

    @Test
    void refusedMirrorLeavesNoDataFolder() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path newData = temp.resolve("new/data");

        int exit = run("data", "download", "103", "--data", newData.toString(),
                "--gutenberg-url", "http://127.0.0.1:" + closedPort + "/gutenberg/");

        assertEquals(1, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("neuralbytes: Around the World in Eighty Days"
                + " (ebook 103): download failed: "), err.toString());
        assertFalse(Files.exists(temp.resolve("new")), "data folder created by the command");
    }

    @Test
    void failedDownloadKeepsExistingDataFolder() throws IOException {
        Files.createDirectories(data);
        server.serve(NOVEL_PATH, "Not the novel.\n".getBytes(StandardCharsets.UTF_8));

        int exit = run(args(List.of("data", "download", "103"), sources(new byte[1]).toArray(
                String[]::new)));

        assertEquals(1, exit);
        assertTrue(Files.isDirectory(data));
        assertEquals(List.of(), entries(data));
    }

    @Test
    void smallDownloadCountsBytes() throws IOException {
        server.serve(NOVEL_PATH, "Not the novel.\n".getBytes(StandardCharsets.UTF_8));

        run(args(List.of("data", "download", "103"), sources(new byte[1]).toArray(
                String[]::new)));

        List<String> progress = messages().stream()
                .filter(line -> line.contains("/15 bytes (100%)")).toList();
        assertEquals(1, progress.size(), messages().toString());
        assertTrue(progress.get(0).contains(": 15/15 bytes (100%), "), progress.get(0));
        assertFalse(messages().stream().anyMatch(line -> line.contains(" KiB")),
                messages().toString());
    }

    @Test
    void progressUnitFitsSize() {
        assertEquals(1, DownloadProgress.unitBytes(52));
        assertEquals(1, DownloadProgress.unitBytes(DownloadProgress.BYTES_LIMIT - 1));
        assertEquals(1024, DownloadProgress.unitBytes(DownloadProgress.BYTES_LIMIT));
        assertEquals(1024, DownloadProgress.unitBytes(-1));
        assertEquals("bytes", DownloadProgress.unitName(1));
        assertEquals("KiB", DownloadProgress.unitName(1024));
    }

    @Test
    void novelDownloadedThenStatusVerified() throws IOException {
        Path tested = sharedNovel();
        server.serve(NOVEL_PATH, Files.readAllBytes(tested));

        assertEquals(0, run(args(List.of("data", "download", "103"), sources(new byte[1])
                .toArray(String[]::new))), err.toString());

        Path file = data.resolve(Novels.FOLDER).resolve(Catalogue.novel(EBOOK).fileName());
        assertEquals(-1L, Files.mismatch(tested, file));
        assertEquals(List.of(Novels.FOLDER), entries(data));
        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                data.toString()));
        assertTrue(statusLine("103").contains("present  verified: SHA-256 of the tested copy"),
                out.toString());
    }

    @Test
    void reproduceCnnDownloadsMissingCifarOnce() throws IOException {
        List<String> sources = sources(CifarArchive.build(RECORDS));
        Path results = temp.resolve("results");
        String[] cnn = args(List.of("reproduce", "cnn", "--out", results.toString(),
                "--epochs", "1", "--images-per-file", "10"), sources.toArray(String[]::new));

        assertEquals(0, run(cnn), err.toString());
        assertEquals(0, run(cnn), err.toString());

        assertEquals(1, server.requestCount());
        assertTrue(Files.exists(results.resolve("summary.json")));
        assertEquals(List.of(Cifar10.FOLDER), entries(data));
        long folderLines = messages().stream()
                .filter(m -> m.equals("data folder " + data + " (from --data)"))
                .count();
        assertEquals(2, folderLines, "one line per run: " + messages());
    }

    @Test
    void offlineWithoutCifarFailsWithHint() throws IOException {
        Path results = temp.resolve("results");

        int exit = run(args(List.of("reproduce", "cnn", "--offline", "--out",
                results.toString()), sources(CifarArchive.build(RECORDS)).toArray(
                String[]::new)));

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("CIFAR-10 not found: expected a folder " + Cifar10.FOLDER
                + " in " + data), message);
        // The hint keeps the mirror the command named.
        assertTrue(message.contains("--offline forbids downloading it, so leave out --offline,"
                + " name a folder that has it with --data or the NEURALBYTES_DATA environment"
                + " variable, or run: "), message);
        assertTrue(message.strip().endsWith(" run: ./neuralbytes data download --data "
                + data + " --cifar10-url " + server.uri(ARCHIVE_PATH) + " --cifar10-md5 "
                + CifarArchive.md5(CifarArchive.build(RECORDS)) + " cifar10"), message);
        assertEquals(0, server.requestCount());
        assertFalse(Files.exists(data));
        assertFalse(Files.exists(results));
    }

    @Test
    void reproduceRefusedMirrorLeavesNoDataFolder() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path newData = temp.resolve("new/data");
        Path results = temp.resolve("results");

        int exit = run("reproduce", "cnn", "--epochs", "1", "--data", newData.toString(),
                "--cifar10-url", "http://127.0.0.1:" + closedPort + "/cifar.tar.gz",
                "--out", results.toString());

        assertEquals(1, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("neuralbytes: data not ready, so no experiment ran:"
                + " download of http://127.0.0.1:" + closedPort + "/cifar.tar.gz failed"),
                err.toString());
        assertFalse(Files.exists(temp.resolve("new")), "data folder created by reproduce");
        assertFalse(Files.exists(results));
    }

    @Test
    void reproduceFailedNovelLeavesNoDataFolder() throws IOException {
        Path results = temp.resolve("results");

        // The server has no novel, so the download gets 404.
        int exit = run(args(List.of("reproduce", "rnn", "--level", "char", "--out",
                results.toString()), sources(new byte[1]).toArray(String[]::new)));

        assertEquals(1, exit);
        assertEquals(1, server.requestCount());
        assertTrue(err.toString().startsWith("neuralbytes: data not ready, so no experiment"
                + " ran: download of " + server.uri(NOVEL_PATH) + " failed"), err.toString());
        assertFalse(Files.exists(data), "data folder created by reproduce");
        assertFalse(Files.exists(results));
    }

    /**
     * Runs the program with the log lines of {@link DataAccess} written into {@link #err}, so
     * that err shows them and the error lines in the order they happened.
     */
    private int runLoggingIntoErr(String... args) {
        AppenderBase<ILoggingEvent> intoErr = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                err.write(event.getFormattedMessage() + "\n");
            }
        };
        intoErr.start();
        Logger dataLogger = (Logger) LoggerFactory.getLogger(DataAccess.class);
        dataLogger.addAppender(intoErr);
        try {
            return run(args);
        } finally {
            dataLogger.detachAppender(intoErr);
        }
    }

    @Test
    void reproduceErrorIsLastLine() throws IOException {
        Path results = temp.resolve("results");

        // The server has no novel, so the download gets 404.
        int exit = runLoggingIntoErr(args(List.of("reproduce", "rnn", "--level", "char",
                "--out", results.toString()), sources(new byte[1]).toArray(String[]::new)));

        assertEquals(1, exit);
        List<String> lines = err.toString().lines().toList();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("removed " + data)),
                err.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("neuralbytes: data not ready, so no"
                + " experiment ran: "), err.toString());
        assertFalse(Files.exists(data), "data folder created by reproduce");
    }

    @Test
    void downloadErrorIsLastLine() throws IOException {
        int exit = runLoggingIntoErr(args(List.of("data", "download", "103"),
                sources(new byte[1]).toArray(String[]::new)));

        assertEquals(1, exit);
        List<String> lines = err.toString().lines().toList();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("removed " + data)),
                err.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("neuralbytes: Around the World in"
                + " Eighty Days (ebook 103): download failed: "), err.toString());
        assertFalse(Files.exists(data), "data folder created by data download");
    }

    @Test
    void reproduceFailedDownloadKeepsExistingDataFolder() throws IOException {
        Files.createDirectories(data);

        int exit = run(args(List.of("reproduce", "rnn", "--level", "char", "--out",
                temp.resolve("results").toString()), sources(new byte[1]).toArray(
                String[]::new)));

        assertEquals(1, exit);
        assertTrue(Files.isDirectory(data));
        assertEquals(List.of(), entries(data));
    }

    @Test
    void offlineWithoutNovelFailsWithHint() throws IOException {
        Path results = temp.resolve("results");

        int exit = run(args(List.of("reproduce", "rnn", "--level", "char", "--offline",
                "--out", results.toString()), sources(new byte[1]).toArray(String[]::new)));

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("Around the World in Eighty Days (Gutenberg ebook 103) not"
                + " found: expected pg103-<title>.txt in " + data.resolve(Novels.FOLDER)
                + ". --offline forbids downloading it"), message);
        assertTrue(message.strip().endsWith(" run: ./neuralbytes data download --data " + data
                + " --gutenberg-url " + server.uri("/gutenberg/") + " 103"), message);
        assertEquals(0, server.requestCount());
        assertFalse(Files.exists(data));
        assertFalse(Files.exists(results));
    }

    @Test
    void hintsPrintQuotedFolderUnwrapped() throws IOException {
        Path spaced = Files.createDirectories(temp.resolve("my data"));
        String command = "./neuralbytes data download --data '" + spaced + "' 103";

        assertEquals(DataStatusCommand.INCOMPLETE, run("data", "status", "--data",
                spaced.toString()));
        assertTrue(statusLine("103").endsWith("missing  run: " + command), out.toString());

        int exit = run("reproduce", "rnn", "--level", "char", "--offline", "--data",
                spaced.toString(), "--out", temp.resolve("results").toString());

        assertEquals(1, exit);
        assertTrue(err.toString().strip().endsWith(", or run: " + command), err.toString());
        assertFalse(err.toString().contains("run '"), err.toString());
    }

    @Test
    void offlineListsAllMissingDataAtOnce() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path results = temp.resolve("results");

        int exit = run("reproduce", "cnn", "rnn", "lstm", "--offline", "--data",
                empty.toString(), "--out", results.toString());

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("neuralbytes: data not ready, so no experiment ran:"
                + " CIFAR-10 not found: expected a folder " + Cifar10.FOLDER + " in " + empty
                + ". Around the World in Eighty Days (Gutenberg ebook 103) not found"), message);
        for (int ebook : List.of(3809, 1268, 83)) {
            assertTrue(message.contains("(Gutenberg ebook " + ebook + ") not found: expected pg"
                    + ebook + "-<title>.txt in " + empty.resolve(Novels.FOLDER)), message);
        }
        assertTrue(message.contains("--offline forbids downloading them"), message);
        assertTrue(message.strip().endsWith(", or run: ./neuralbytes data download --data "
                + empty + " cifar10 103 3809 1268 83"), message);
        assertEquals(List.of(), entries(empty));
        assertFalse(Files.exists(results));
    }

    @Test
    void offlineMissingWordNovelTrainsNothing() throws IOException {
        Files.createDirectories(data.resolve(Novels.FOLDER));
        Files.copy(sharedNovel(), data.resolve(Novels.FOLDER).resolve(
                Catalogue.novel(EBOOK).fileName()));
        Path results = temp.resolve("results");

        int exit = run("reproduce", "rnn", "--offline", "--steps", "2", "--data",
                data.toString(), "--out", results.toString());

        assertEquals(1, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().strip().endsWith(", or run: ./neuralbytes data download"
                + " --data " + data + " 3809"), err.toString());
        assertFalse(Files.exists(results), "the char run trained before the check");
    }

    @Test
    void reproduceDownloadsAllBeforeTraining() throws IOException {
        byte[] novel = Files.readAllBytes(sharedNovel());
        server.serve(NOVEL_PATH, novel);
        Path results = temp.resolve("results");

        // The word run's novel, 3809, is not on the server, so its download gets 404.
        int exit = run(args(List.of("reproduce", "rnn", "--steps", "2", "--out",
                results.toString()), sources(new byte[1]).toArray(String[]::new)));

        assertEquals(1, exit);
        assertEquals(2, server.requestCount());
        assertTrue(err.toString().startsWith("neuralbytes: data not ready, so no experiment"
                + " ran: download of " + server.uri("/gutenberg/cache/epub/3809/pg3809.txt")
                + " failed"), err.toString());
        assertTrue(Files.exists(data.resolve(Novels.FOLDER).resolve(
                Catalogue.novel(EBOOK).fileName())), "the downloaded novel stays");
        assertFalse(Files.exists(results), "the char run trained before the download");
    }

    @Test
    void invalidSourceOptionsRejected() {
        String[][] cases = {
            {"--cifar10-md5", "abc", "--cifar10-md5 must be 32 hex digits, got 'abc'"},
            {"--cifar10-md5", "0123456789abcdef0123456789abcdef", "--cifar10-md5 is the MD5 of"
                    + " a mirror's archive, so it needs --cifar10-url; the official archive is"
                    + " always checked against its published MD5 c32a1d4ab5d03f1284b67883e8d87530"},
            {"--cifar10-url", "ftp://127.0.0.1/a.tar.gz", "--cifar10-url must be an http or"
                    + " https address"},
            {"--gutenberg-url", "file:///tmp/", "--gutenberg-url must be an http or https"
                    + " address"},
            {"--cifar10-url", "http://127.0.0.1:99999/a.tar.gz", "--cifar10-url has port 99999,"
                    + " but a port must be between 1 and 65535"},
            {"--gutenberg-url", "http://127.0.0.1:0/", "--gutenberg-url has port 0, but a port"
                    + " must be between 1 and 65535"},
            {"--gutenberg-url", "http://user:secret@127.0.0.1:9/", "--gutenberg-url must not"
                    + " contain a user name or password"},
        };
        for (String[] c : cases) {
            for (String command : List.of("data download", "reproduce cnn")) {
                List<String> arguments = new ArrayList<>(List.of(command.split(" ")));
                arguments.addAll(List.of("--data", data.toString(), "--out",
                        temp.resolve("results").toString(), c[0], c[1]));
                if (command.startsWith("data")) {
                    arguments.remove("--out");
                    arguments.remove(temp.resolve("results").toString());
                }
                assertEquals(2, run(arguments.toArray(String[]::new)), command + " " + c[0]);
                assertEquals(1, err.toString().lines().count(), err.toString());
                assertTrue(err.toString().contains(c[2]), err.toString());
            }
        }
        assertFalse(Files.exists(data));
        assertFalse(Files.exists(temp.resolve("results")));
        assertEquals(0, server.requestCount());
    }

    @Test
    void malformedMirrorAddressHidesQuery() {
        String[][] cases = {
            {"--gutenberg-url", "http://127.0.0.1:18731/?token=s3cr3t%zz", "--gutenberg-url"
                    + " must be an address such as https://example.org/path, got"
                    + " 'http://127.0.0.1:18731/?...'"},
            {"--cifar10-url", "http://127.0.0.1:18731/a b.tgz?token=s3cr3t", "--cifar10-url"
                    + " must be an address such as https://example.org/path, got"
                    + " 'http://127.0.0.1:18731/a b.tgz?...'"},
            {"--cifar10-url", "ftp://127.0.0.1/a.tgz?token=s3cr3t", "--cifar10-url must be an"
                    + " http or https address such as https://example.org/path, got"
                    + " 'ftp://127.0.0.1/a.tgz?...'"},
            {"--gutenberg-url", "file:///tmp/?token=s3cr3t", "--gutenberg-url must be an"
                    + " http or https address such as https://example.org/path, got"
                    + " 'file:///tmp/?...'"},
        };
        for (String[] c : cases) {
            for (String command : List.of("data download", "reproduce rnn --steps 1")) {
                err.getBuffer().setLength(0);
                List<String> arguments = new ArrayList<>(List.of(command.split(" ")));
                arguments.addAll(List.of("--data", data.toString(), c[0], c[1]));
                if (command.startsWith("reproduce")) {
                    arguments.addAll(List.of("--out", temp.resolve("results").toString()));
                }

                assertEquals(2, run(arguments.toArray(String[]::new)), command + " " + c[1]);
                assertEquals(1, err.toString().lines().count(), err.toString());
                assertTrue(err.toString().contains(c[2]), err.toString());
                assertFalse(err.toString().contains("s3cr3t"), err.toString());
            }
        }
        assertFalse(Files.exists(data));
        assertFalse(Files.exists(temp.resolve("results")));
        assertEquals(0, server.requestCount());
    }

    @Test
    void unknownDatasetRejected() {
        assertEquals(2, run("data", "download", "42", "--data", data.toString()));
        assertTrue(err.toString().contains("unknown data set '42': expected cifar10, novels,"
                + " all or one of the ebook numbers 103, 3809"), err.toString());
        assertEquals(2, run("data", "--data", data.toString()));
        assertTrue(err.toString().contains("missing subcommand: expected 'status' or"
                + " 'download'"), err.toString());
        assertFalse(Files.exists(data));
    }

    @Test
    void repeatedDatasetRejected() {
        assertEquals(2, run("data", "download", "103", "103", "--data", data.toString()));
        assertEquals("neuralbytes: data download lists '103' more than once; give each data set"
                + " once. See 'neuralbytes data download --help'.", err.toString().strip());
        err.getBuffer().setLength(0);

        assertEquals(2, run("data", "download", "cifar10", "CIFAR10", "--data",
                data.toString()));
        assertTrue(err.toString().contains("lists 'CIFAR10' more than once"), err.toString());
        assertFalse(Files.exists(data));
        assertEquals(0, server.requestCount());
    }

    @Test
    void overlappingDatasetsRejected() {
        String[][] cases = {
            {"novels", "103", "'103' is already in 'novels'"},
            {"103", "novels", "'novels' includes '103'"},
            {"all", "novels", "'novels' is already in 'all'"},
            {"novels", "all", "'all' includes 'novels'"},
            {"cifar10", "all", "'all' includes 'cifar10'"},
            {"all", "CIFAR10", "'CIFAR10' is already in 'all'"},
            {"103", "0103", "'0103' is the same data set as '103'"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);

            // The mirror options send a download that the check fails to stop to 127.0.0.1.
            assertEquals(2, run("data", "download", c[0], c[1], "--data", data.toString(),
                    "--cifar10-url", server.uri(ARCHIVE_PATH).toString(), "--gutenberg-url",
                    server.uri("/gutenberg/").toString()), c[0] + " " + c[1]);
            assertEquals("neuralbytes: data download lists overlapping data sets: " + c[2]
                    + "; give each data set once. See 'neuralbytes data download --help'.",
                    err.toString().strip());
        }
        assertFalse(Files.exists(data));
        assertEquals(0, server.requestCount());
    }

    @Test
    void ebookInOtherDigitsRejected() {
        // The Arabic-Indic digits of 103, which Integer.parseInt reads as 103.
        assertEquals(2, run("data", "download", "\u0661\u0660\u0663", "--data",
                data.toString()));
        assertTrue(err.toString().contains("unknown data set '\u0661\u0660\u0663': expected"
                + " cifar10, novels, all or one of the ebook numbers 103, 3809"), err.toString());
        assertFalse(Files.exists(data));
    }

    private static Path sharedNovel() throws IOException {
        Path file = Novels.find(SharedData.withNovels(), EBOOK);
        assumeTrue(Novels.matchesTestedCopy(file, Catalogue.novel(EBOOK)),
                file + " is not the tested copy");
        return file;
    }
}
