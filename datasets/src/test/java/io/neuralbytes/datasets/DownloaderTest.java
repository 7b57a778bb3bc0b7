package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local server: success, and a clean data folder after every failure. */
class DownloaderTest {

    private static final String ARCHIVE_PATH = "/cifar-10-binary.tar.gz";
    private static final int RECORDS = 3;

    @TempDir
    Path temp;

    private Path data;
    private LocalServer server;
    private final List<long[]> progress = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalServer();
        data = temp.resolve("data");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Returns a .tar.gz in the official layout: cifar-10-batches-bin/ with the given files. */
    private static byte[] cifarArchive(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            TarArchiveEntry folder = new TarArchiveEntry(Cifar10.FOLDER + "/");
            tar.putArchiveEntry(folder);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> cifarFiles() {
        Map<String, byte[]> files = new TreeMap<>();
        String prefix = Cifar10.FOLDER + "/";
        for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
            files.put(prefix + "data_batch_" + k + ".bin", GeneratedCifar.fileBytes(k, RECORDS));
        }
        files.put(prefix + Cifar10.TEST_FILE, GeneratedCifar.fileBytes(0, RECORDS));
        files.put(prefix + Cifar10.META_FILE, (String.join("\n", GeneratedCifar.CLASS_NAMES)
                + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(prefix + "readme.html", "<html></html>".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private Downloader downloader(byte[] archive, LocalServer.Mode mode) throws Exception {
        server.serve(ARCHIVE_PATH, archive, mode);
        DataSources sources = DataSources.official()
                .withCifar10(server.uri(ARCHIVE_PATH), md5(archive))
                .withGutenberg(server.uri("/gutenberg"));
        return new Downloader(data, sources, false,
                (name, received, total) -> progress.add(new long[] {received, total}));
    }

    private List<Path> dataFolderEntries() throws IOException {
        if (!Files.exists(data)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(data)) {
            return entries.toList();
        }
    }

    @Test
    void outsideHostRefusedInTests() throws Exception {
        assertTrue(Boolean.getBoolean(Downloader.LOOPBACK_ONLY_PROPERTY),
                "the build must run tests with -D" + Downloader.LOOPBACK_ONLY_PROPERTY + "=true");
        DataSources sources = DataSources.official()
                .withGutenberg(URI.create("http://mirror.invalid/files/?token=abc"));
        Downloader downloader = new Downloader(data, sources, false, (n, r, t) -> { });

        IOException e = assertThrows(IOException.class, () -> downloader.novel(103));

        assertEquals("download of http://mirror.invalid/files/cache/epub/103/pg103.txt?... rejected:"
                + " -Dneuralbytes.loopbackOnly=true allows only 127.0.0.1, localhost and ::1",
                e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void cifarDownloadedCheckedAndUnpacked() throws Exception {
        byte[] archive = cifarArchive(cifarFiles());
        Downloader downloader = downloader(archive, LocalServer.Mode.COMPLETE);

        Path folder = downloader.cifar10();

        assertEquals(data.resolve(Cifar10.FOLDER), folder);
        assertEquals(List.of(folder), dataFolderEntries());
        Cifar10 cifar = Cifar10.open(data);
        assertEquals(GeneratedCifar.CLASS_NAMES, cifar.classNames());
        assertEquals(GeneratedCifar.label(2, 1), cifar.trainBatch(2).label(1));
        assertEquals(GeneratedCifar.pixel(0, 2, 100), cifar.testBatch().pixel(2, 0, 3, 4));
        assertArrayEquals(new long[] {0, archive.length}, progress.get(0));
        assertArrayEquals(new long[] {archive.length, archive.length},
                progress.get(progress.size() - 1));
    }

    @Test
    void presentCifarNotDownloadedAgain() throws Exception {
        Downloader downloader = downloader(cifarArchive(cifarFiles()), LocalServer.Mode.COMPLETE);
        downloader.cifar10();

        Path again = downloader.cifar10();

        assertEquals(data.resolve(Cifar10.FOLDER), again);
        assertEquals(1, server.requestCount());
    }

    @Test
    void fileWhereDataFolderGoesKeptAndReported() throws Exception {
        Files.createDirectories(data);
        Path notes = Files.writeString(data.resolve(Cifar10.FOLDER), "my notes");
        Downloader downloader = downloader(cifarArchive(cifarFiles()), LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::downloadCifar10);

        assertEquals(notes + " exists but is not a folder; move it away or choose another data"
                + " folder, so that the download does not replace it", e.getMessage());
        assertEquals("my notes", Files.readString(notes));
        assertTrue(progress.isEmpty(), "nothing should be downloaded");
    }

    @Test
    void forcedDownloadReplacesOnlyArchiveFiles() throws Exception {
        Path old = GeneratedCifar.writeFolder(data.resolve(Cifar10.FOLDER), 1);
        Files.writeString(old.resolve("readme.html"), "old readme");
        Files.writeString(old.resolve("SOURCE.md"), "copied from the lab server");
        Path notes = Files.createDirectory(old.resolve("notes"));
        Files.writeString(notes.resolve("subset.txt"), "first record only");
        Downloader downloader = downloader(cifarArchive(cifarFiles()), LocalServer.Mode.COMPLETE);

        downloader.downloadCifar10();

        assertEquals(RECORDS, Cifar10.open(data).testBatch().size());
        assertEquals(RECORDS, Cifar10.open(data).trainBatch(5).size());
        assertEquals("<html></html>", Files.readString(old.resolve("readme.html")));
        assertEquals("copied from the lab server", Files.readString(old.resolve("SOURCE.md")));
        assertEquals("first record only", Files.readString(notes.resolve("subset.txt")));
        assertEquals(List.of(old), dataFolderEntries());
    }

    @Test
    void corruptedArchiveLeavesNothing() throws Exception {
        byte[] archive = cifarArchive(cifarFiles());
        Downloader downloader = downloader(archive, LocalServer.Mode.COMPLETE);
        String expectedMd5 = md5(archive);
        byte[] corrupted = archive.clone();
        corrupted[corrupted.length / 2] ^= 0x5A;
        server.serve(ARCHIVE_PATH, corrupted, LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertEquals("checksum mismatch for " + server.uri(ARCHIVE_PATH) + ": MD5 is "
                + md5(corrupted) + ", expected " + expectedMd5 + "; nothing was kept.",
                e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void droppedConnectionLeavesNothing() throws Exception {
        byte[] archive = cifarArchive(cifarFiles());
        Downloader downloader = downloader(archive, LocalServer.Mode.DROP_HALFWAY);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertTrue(e.getMessage().startsWith("download of " + server.uri(ARCHIVE_PATH)),
                e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
        assertTrue(Files.notExists(data.resolve(Cifar10.FOLDER)));
    }

    @Test
    void stalledConnectionTimesOut() throws Exception {
        byte[] archive = cifarArchive(cifarFiles());
        server.serve(ARCHIVE_PATH, archive, LocalServer.Mode.STALL_HALFWAY);
        DataSources sources = DataSources.official()
                .withCifar10(server.uri(ARCHIVE_PATH), md5(archive));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Downloader downloader = new Downloader(data, sources, false, DownloadListener.NONE,
                client, Duration.ofMillis(300));

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertTrue(e.getMessage().startsWith("download of " + server.uri(ARCHIVE_PATH)
                + " timed out: no data for 300 ms after " + archive.length / 2 + " bytes"),
                e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void invalidStallTimeoutRejected() {
        HttpClient client = HttpClient.newHttpClient();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Downloader(data, DataSources.official(), false, DownloadListener.NONE,
                        client, Duration.ZERO));

        assertEquals("invalid stall timeout PT0S: expected a positive duration", e.getMessage());
    }

    @Test
    void missingFileOnServerLeavesNothing() throws Exception {
        Downloader downloader = downloader(cifarArchive(cifarFiles()), LocalServer.Mode.NOT_FOUND);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertEquals("download of " + server.uri(ARCHIVE_PATH) + " failed: HTTP status 404,"
                + " expected 200", e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void incompleteArchiveLeavesNothing() throws Exception {
        Map<String, byte[]> files = cifarFiles();
        files.remove(Cifar10.FOLDER + "/" + Cifar10.TEST_FILE);
        Downloader downloader = downloader(cifarArchive(files), LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertTrue(e.getMessage().contains("is invalid, so nothing was kept: CIFAR-10 folder"),
                e.getMessage());
        assertTrue(e.getMessage().contains("is missing test_batch.bin"), e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void layoutErrorNamesArchiveNotStaging() throws Exception {
        Map<String, byte[]> files = cifarFiles();
        files.remove(Cifar10.FOLDER + "/" + Cifar10.TEST_FILE);
        Downloader downloader = downloader(cifarArchive(files), LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertEquals("CIFAR-10 archive from " + server.uri(ARCHIVE_PATH) + " is invalid, so"
                + " nothing was kept: CIFAR-10 folder cifar-10-batches-bin is missing"
                + " test_batch.bin; expected " + String.join(", ", Cifar10.fileNames())
                + " (the official binary layout)", e.getMessage());
    }

    @Test
    void invalidRecordInArchiveLeavesNothing() throws Exception {
        Map<String, byte[]> files = cifarFiles();
        byte[] bad = GeneratedCifar.fileBytes(3, RECORDS);
        bad[Cifar10.RECORD_BYTES] = 42;
        files.put(Cifar10.FOLDER + "/data_batch_3.bin", bad);
        Downloader downloader = downloader(cifarArchive(files), LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        // The file is named as inside the archive, not by the staging folder it unpacked to.
        assertEquals("CIFAR-10 archive from " + server.uri(ARCHIVE_PATH) + " is invalid, so"
                + " nothing was kept: CIFAR-10 file cifar-10-batches-bin/data_batch_3.bin,"
                + " record 1 (byte offset 3073): label 42 is outside 0-9", e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void entryOutsideFolderRejected() throws Exception {
        Map<String, byte[]> files = cifarFiles();
        files.put("../escaped.txt", new byte[] {1});
        Downloader downloader = downloader(cifarArchive(files), LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertTrue(e.getMessage().contains("has entry '../escaped.txt', which points outside"),
                e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
        assertTrue(Files.notExists(temp.resolve("escaped.txt")));
    }

    @Test
    void truncatedArchiveSaysItEndsEarly() throws Exception {
        byte[] archive = cifarArchive(cifarFiles());
        byte[] truncated = java.util.Arrays.copyOf(archive, archive.length / 2);
        Downloader downloader = downloader(truncated, LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertEquals("archive " + server.uri(ARCHIVE_PATH) + " is not a valid .tar.gz: it ends"
                + " before its last entry is complete", e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void notAnArchiveRejected() throws Exception {
        byte[] text = "not gzip at all".getBytes(StandardCharsets.UTF_8);
        Downloader downloader = downloader(text, LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertTrue(e.getMessage().startsWith("archive " + server.uri(ARCHIVE_PATH)
                + " is not a valid .tar.gz"), e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void refusedConnectionNamedInWords() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/cifar.tar.gz");
        Downloader downloader = new Downloader(data, DataSources.official()
                .withCifar10(closed, md5(new byte[1])), false, DownloadListener.NONE);

        IOException e = assertThrows(IOException.class, downloader::cifar10);

        assertEquals("download of " + closed + " failed after 0 bytes: connection refused to"
                + " 127.0.0.1:" + port, e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void failureWithoutMessageDescribedInWords() {
        URI uri = URI.create("https://example.org/a.tar.gz");

        assertEquals("connection to example.org:443 failed",
                Downloader.describeFailure(new IOException(), uri));
        assertEquals("unknown host example.org", Downloader.describeFailure(
                new UnknownHostException(), uri));
    }

    @Test
    void leftoverFromInterruptedDownloadDeleted() throws Exception {
        Path leftover = data.resolve(StagingFolder.PREFIX + "123");
        GeneratedCifar.writeFolder(leftover.resolve("unpacked").resolve(Cifar10.FOLDER), 1);
        Files.setLastModifiedTime(leftover, FileTime.from(TemporaryFiles.runStart()
                .minusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> Cifar10.open(data));
        Downloader downloader = downloader(cifarArchive(cifarFiles()), LocalServer.Mode.COMPLETE);

        Path folder = downloader.cifar10();

        assertEquals(RECORDS, Cifar10.open(folder).testBatch().size());
        assertEquals(1, server.requestCount());
        assertEquals(List.of(folder), dataFolderEntries());
    }

    @Test
    void onlyOldDownloadFoldersCountAsLeftovers() throws Exception {
        Files.createDirectories(data);
        Path old = Files.createDirectory(data.resolve(StagingFolder.PREFIX + "1"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Path recent = Files.createDirectory(data.resolve(StagingFolder.PREFIX + "2"));
        Path oldOther = Files.createDirectory(data.resolve("neuralbytes-download-3"));
        Files.setLastModifiedTime(oldOther, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        StagingFolder.deleteLeftovers(data, Instant.parse("2021-01-01T00:00:00Z"));

        assertTrue(Files.notExists(old));
        assertTrue(Files.isDirectory(recent));
        assertTrue(Files.isDirectory(oldOther));
    }

    @Test
    void secondDownloadKeepsRunningDownload() throws Exception {
        byte[] archive = cifarArchive(cifarFiles());
        server.serve(ARCHIVE_PATH, archive, LocalServer.Mode.STALL_HALFWAY);
        DataSources sources = DataSources.official()
                .withCifar10(server.uri(ARCHIVE_PATH), md5(archive))
                .withGutenberg(server.uri("/gutenberg"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Downloader first = new Downloader(data, sources, false, DownloadListener.NONE, client,
                Duration.ofSeconds(3));
        CompletableFuture<Path> firstDownload = CompletableFuture.supplyAsync(() -> {
            try {
                return first.cifar10();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path partial = awaitPartialArchive(archive.length / 2);
        // A folder made before the second process started, as when two commands overlap.
        Files.setLastModifiedTime(partial.getParent(), FileTime.from(TemporaryFiles.runStart()
                .minusSeconds(60)));
        Path shared = SharedData.novel("pg103-around-the-world-in-eighty-days.txt");
        server.serve("/gutenberg/cache/epub/103/pg103.txt", Files.readAllBytes(shared),
                LocalServer.Mode.COMPLETE);

        Path novel = new Downloader(data, sources, false, DownloadListener.NONE).novel(103);

        assertTrue(Files.isRegularFile(novel));
        assertEquals(archive.length / 2, Files.size(partial));
        ExecutionException stalled = assertThrows(ExecutionException.class, firstDownload::get);
        assertTrue(stalled.getCause().getMessage().contains("timed out: no data for 3000 ms"),
                stalled.getCause().getMessage());
        assertEquals(List.of(data.resolve(Novels.FOLDER)), dataFolderEntries());
    }

    /** Waits until a download has streamed {@code size} bytes into its staging folder. */
    private Path awaitPartialArchive(long size) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Path entry : dataFolderEntries()) {
                Path partial = entry.resolve("cifar-10-binary.tar.gz");
                if (Files.isRegularFile(partial) && Files.size(partial) == size) {
                    return partial;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no download streamed " + size + " bytes within 10 s");
    }

    @Test
    void offlineWithoutCifarRejected() throws Exception {
        server.serve(ARCHIVE_PATH, new byte[1], LocalServer.Mode.COMPLETE);
        Downloader downloader = new Downloader(data, DataSources.official()
                .withCifar10(server.uri(ARCHIVE_PATH), md5(new byte[1])), true,
                DownloadListener.NONE);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                downloader::cifar10);

        assertEquals("CIFAR-10 not found: expected a folder cifar-10-batches-bin in " + data
                + ", and downloads are off (offline mode). Download it without offline mode,"
                + " or point the data folder at a copy.", e.getMessage());
        assertEquals(0, server.requestCount());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void offlineUsesPresentCifar() throws Exception {
        GeneratedCifar.writeFolder(data.resolve(Cifar10.FOLDER), 2);
        Downloader downloader = new Downloader(data, DataSources.official(), true,
                DownloadListener.NONE);

        assertEquals(data.resolve(Cifar10.FOLDER), downloader.cifar10());
    }

    @Test
    void novelDownloadedAndVerified() throws Exception {
        Path shared = SharedData.novel("pg103-around-the-world-in-eighty-days.txt");
        server.serve("/gutenberg/cache/epub/103/pg103.txt", Files.readAllBytes(shared),
                LocalServer.Mode.COMPLETE);
        Downloader downloader = downloader(new byte[1], LocalServer.Mode.COMPLETE);

        Path file = downloader.novel(103);

        assertEquals(data.resolve(Novels.FOLDER).resolve(shared.getFileName()), file);
        assertArrayEquals(Files.readAllBytes(shared), Files.readAllBytes(file));
        assertEquals(List.of(data.resolve(Novels.FOLDER)), dataFolderEntries());
        assertEquals(file, downloader.novel(103));
        assertEquals(1, server.requestCount());
    }

    @Test
    void forcedNovelDownloadKeepsUserFiles() throws Exception {
        Path shared = SharedData.novel("pg103-around-the-world-in-eighty-days.txt");
        server.serve("/gutenberg/cache/epub/103/pg103.txt", Files.readAllBytes(shared),
                LocalServer.Mode.COMPLETE);
        Path folder = Files.createDirectories(data.resolve(Novels.FOLDER));
        List<Path> own = List.of(
                Files.writeString(folder.resolve("pg103-backup.txt"), "backup"),
                Files.writeString(folder.resolve("pg103-old.TXT"), "old"),
                Files.writeString(folder.resolve("pg103.txt"), "bare"),
                Files.writeString(folder.resolve(shared.getFileName().toString()), "stale"));
        Downloader downloader = downloader(new byte[1], LocalServer.Mode.COMPLETE);

        Path file = downloader.downloadNovel(103);

        assertEquals(folder.resolve(shared.getFileName()), file);
        assertArrayEquals(Files.readAllBytes(shared), Files.readAllBytes(file));
        assertEquals("backup", Files.readString(own.get(0)));
        assertEquals("old", Files.readString(own.get(1)));
        assertEquals("bare", Files.readString(own.get(2)));
        assertEquals(file, Novels.find(data, 103));
        assertEquals(file, downloader.novel(103));
        assertEquals(1, server.requestCount());
    }

    @Test
    void revisedNovelRejectedAndNothingKept() throws Exception {
        byte[] revised = "The Project Gutenberg eBook, revised\n".getBytes(StandardCharsets.UTF_8);
        server.serve("/gutenberg/cache/epub/83/pg83.txt", revised, LocalServer.Mode.COMPLETE);
        Downloader downloader = downloader(new byte[1], LocalServer.Mode.COMPLETE);

        IOException e = assertThrows(IOException.class, () -> downloader.novel(83));

        assertTrue(e.getMessage().startsWith("checksum mismatch for "
                + server.uri("/gutenberg/cache/epub/83/pg83.txt") + ": SHA-256 is "),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected " + Catalogue.novel(83).sha256()),
                e.getMessage());
        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void droppedNovelDownloadLeavesNothing() throws Exception {
        byte[] text = new byte[200_000];
        server.serve("/gutenberg/cache/epub/1268/pg1268.txt", text,
                LocalServer.Mode.DROP_HALFWAY);
        Downloader downloader = downloader(new byte[1], LocalServer.Mode.COMPLETE);

        assertThrows(IOException.class, () -> downloader.novel(1268));

        assertEquals(List.of(), dataFolderEntries());
    }

    @Test
    void presentNovelInAnyCaseUsedOffline() throws Exception {
        Path folder = Files.createDirectories(data.resolve(Novels.FOLDER));
        Path own = Files.writeString(folder.resolve("PG3809-Master.txt"), "my own copy");
        Downloader downloader = new Downloader(data, DataSources.official(), true,
                DownloadListener.NONE);

        assertEquals(own, downloader.novel(3809));
    }

    @Test
    void offlineWithoutNovelRejected() {
        Downloader downloader = new Downloader(data, DataSources.official(), true,
                DownloadListener.NONE);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> downloader.novel(3809));

        assertTrue(e.getMessage().startsWith("The Master of the World not found: expected"
                + " pg3809-<title>.txt in " + data.resolve(Novels.FOLDER)), e.getMessage());
    }

    @Test
    void invalidArchiveChecksumRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSources.official().withCifar10(server.uri(ARCHIVE_PATH), "abc"));

        assertEquals("invalid CIFAR-10 archive MD5 'abc': expected 32 hex digits",
                e.getMessage());
    }

    @Test
    void gutenbergAddressBuiltFromBase() {
        DataSources sources = DataSources.official()
                .withGutenberg(java.net.URI.create("http://127.0.0.1:8080/mirror"));

        assertEquals("http://127.0.0.1:8080/mirror/cache/epub/103/pg103.txt",
                sources.novel(103).toString());
        assertEquals("https://www.gutenberg.org/cache/epub/2488/pg2488.txt",
                DataSources.official().novel(2488).toString());
    }
}
