package io.neuralbytes.datasets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds each dataset in the data folder and fetches it when it is missing, unless offline.
 *
 * <p>A download never leaves anything that later looks valid. The file streams into a
 * temporary folder named {@code .neuralbytes-download-*} inside the data folder, its checksum
 * is checked, an archive is unpacked and checked there, and only then is the result moved to
 * its place ({@value Cifar10#FOLDER} or {@value Novels#FOLDER}{@code /<file>}) by a rename.
 * The temporary folder is deleted whether the download succeeds or fails, and by a shutdown
 * hook when the program is stopped (Ctrl-C, SIGTERM). A process killed outright leaves only
 * that folder, which nothing reads; the next download deletes it once no process holds its
 * lock ({@link StagingFolder}), so a download running in another process is left alone.
 *
 * <p>Checks: the CIFAR-10 archive against the MD5 in {@link DataSources}, then every file of
 * the unpacked folder for size and labels; each novel against the SHA-256 of the copy this
 * project was tested with ({@link Novel#sha256()}). A novel already on disk with another
 * SHA-256 is used with a warning, because a user may keep a copy of their own on purpose.
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    private static final long PROGRESS_STEP_BYTES = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    // The time allowed until the response headers arrive, not for the whole body.
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Default time without a single byte after which a download fails. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * System property that, set to "true", limits downloads to this machine (127.0.0.0/8,
     * localhost and ::1). The build sets it for every test, so that a test that omits its
     * local mirror fails at once instead of reaching the publishers.
     */
    public static final String LOOPBACK_ONLY_PROPERTY = "neuralbytes.loopbackOnly";

    private final Path dataDirectory;
    private final DataSources sources;
    private final boolean offline;
    private final DownloadListener listener;
    private final HttpClient client;
    private final Duration stallTimeout;

    /**
     * Creates a downloader with its own HTTP client.
     *
     * @param dataDirectory the data folder, created when a download needs it
     * @param offline when true, a missing dataset is an error instead of a download
     */
    public Downloader(Path dataDirectory, DataSources sources, boolean offline,
            DownloadListener listener) {
        this(dataDirectory, sources, offline, listener, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build(), DEFAULT_STALL_TIMEOUT);
    }

    /**
     * Creates a downloader that sends its requests through {@code client}.
     *
     * @param stallTimeout a download fails when no byte arrives for this long
     */
    public Downloader(Path dataDirectory, DataSources sources, boolean offline,
            DownloadListener listener, HttpClient client, Duration stallTimeout) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.sources = Objects.requireNonNull(sources, "sources");
        this.offline = offline;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.client = Objects.requireNonNull(client, "client");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("invalid stall timeout " + stallTimeout
                    + ": expected a positive duration");
        }
        this.stallTimeout = stallTimeout;
    }

    /** Returns the data folder. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Returns the CIFAR-10 folder, downloading it first when the data folder has none.
     *
     * @throws IllegalStateException if it is missing and the downloader is offline
     * @throws IllegalArgumentException if a CIFAR-10 folder exists but lacks files
     */
    public Path cifar10() throws IOException {
        if (Files.isDirectory(dataDirectory.resolve(Cifar10.FOLDER))
                || Files.isRegularFile(dataDirectory.resolve(Cifar10.TEST_FILE))) {
            return Cifar10.open(dataDirectory).folder();
        }
        requireOnline("CIFAR-10", "a folder " + Cifar10.FOLDER + " in " + dataDirectory);
        return downloadCifar10();
    }

    /**
     * Downloads, checks and unpacks the CIFAR-10 archive, replacing any CIFAR-10 folder in the
     * data folder. Files and folders in the old folder that the archive does not contain, such
     * as notes of the user's, are carried over into the new one.
     *
     * @return the new {@value Cifar10#FOLDER} folder
     * @throws IOException if the download fails, the checksum differs, or the archive does not
     *     unpack to a complete and valid CIFAR-10 folder. The data folder is then unchanged.
     */
    public Path downloadCifar10() throws IOException {
        requireOnline("CIFAR-10", "a folder " + Cifar10.FOLDER + " in " + dataDirectory);
        requireFolderOrMissing(dataDirectory.resolve(Cifar10.FOLDER));
        requireNoFolderAt(dataDirectory.resolve(Cifar10.FOLDER), Cifar10.fileNames());
        try (StagingFolder stagingFolder = createStaging()) {
            Path staging = stagingFolder.path();
            Path archive = staging.resolve("cifar-10-binary.tar.gz");
            fetch("CIFAR-10", sources.cifar10Archive(), archive, "MD5", sources.cifar10Md5(),
                    "");
            Path unpacked = Files.createDirectory(staging.resolve("unpacked"));
            String redactedArchive = DataSources.redacted(sources.cifar10Archive());
            TarGz.extract(archive, redactedArchive, unpacked);
            Path folder = unpacked.resolve(Cifar10.FOLDER);
            long records = checkCifar10(unpacked);
            Path target = dataDirectory.resolve(Cifar10.FOLDER);
            // The archive may have entries besides the known files, such as readme.html.
            requireNoFolderAt(target, entryNames(folder));
            List<String> keptNames = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                    ? AtomicFiles.copyMissingEntries(target, folder) : List.of();
            replace(folder, target, staging.resolve("previous"));
            LOG.info("CIFAR-10 ({} records) downloaded from {} to {}", records, redactedArchive,
                    target);
            if (!keptNames.isEmpty()) {
                LOG.info("kept {} in {}, which the archive does not contain", keptNames,
                        target);
            }
            return target;
        }
    }

    /**
     * Checks the CIFAR-10 folder unpacked into {@code unpacked}. The errors name the archive
     * and the files by their paths inside it, not by the temporary download folder.
     */
    private long checkCifar10(Path unpacked) throws IOException {
        Path folder = unpacked.resolve(Cifar10.FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new IOException("CIFAR-10 archive from "
                    + DataSources.redacted(sources.cifar10Archive())
                    + " has no folder " + Cifar10.FOLDER + "; nothing was kept");
        }
        try {
            return Cifar10.open(folder).verify();
        } catch (IllegalArgumentException | IOException e) {
            String inArchive = String.valueOf(e.getMessage())
                    .replace(unpacked + unpacked.getFileSystem().getSeparator(), "");
            throw new IOException("CIFAR-10 archive from "
                    + DataSources.redacted(sources.cifar10Archive())
                    + " is invalid, so nothing was kept: " + inArchive, e);
        }
    }

    /**
     * Returns the file of a catalogue novel, downloading it first when the data folder has
     * none. A copy whose SHA-256 differs from the tested copy is used with a warning.
     *
     * @throws IllegalArgumentException if the ebook is not in the catalogue, or more than one
     *     file matches it
     * @throws IllegalStateException if it is missing and the downloader is offline
     */
    public Path novel(int ebook) throws IOException {
        Novel novel = Catalogue.novel(ebook);
        List<Path> found = Novels.matches(Novels.folder(dataDirectory), ebook);
        if (!found.isEmpty()) {
            Path file = Novels.find(dataDirectory, ebook);
            if (!Novels.matchesTestedCopy(file, novel)) {
                LOG.warn("{} has SHA-256 {}, not {} of the copy this project was tested with;"
                        + " using it anyway", file, Checksums.sha256(file), novel.sha256());
            }
            return file;
        }
        requireOnline(novel.title(), "pg" + ebook + "-<title>.txt in "
                + dataDirectory.resolve(Novels.FOLDER));
        return downloadNovel(ebook);
    }

    /**
     * Downloads a catalogue novel and checks its SHA-256, replacing the file of the catalogue's
     * name. Other files named for the ebook stay, and {@link Novels#find} prefers this one.
     *
     * @return the file, {@value Novels#FOLDER}{@code /pg<ebook>-<slug>.txt} in the data folder
     * @throws IOException if the download fails or the checksum differs; the data folder is
     *     then unchanged
     */
    public Path downloadNovel(int ebook) throws IOException {
        Novel novel = Catalogue.novel(ebook);
        requireOnline(novel.title(), "pg" + ebook + "-<title>.txt in "
                + dataDirectory.resolve(Novels.FOLDER));
        requireFolderOrMissing(dataDirectory.resolve(Novels.FOLDER));
        requireNoFolderAt(dataDirectory.resolve(Novels.FOLDER), List.of(novel.fileName()));
        try (StagingFolder stagingFolder = createStaging()) {
            Path staging = stagingFolder.path();
            Path downloaded = staging.resolve(novel.fileName());
            Path folder = dataDirectory.resolve(Novels.FOLDER);
            fetch(novel.title(), sources.novel(ebook), downloaded, "SHA-256", novel.sha256(),
                    " Project Gutenberg revises its files now and then; to use this project's"
                    + " tested copy, put it in " + folder + ".");
            Files.createDirectories(folder);
            Path target = folder.resolve(novel.fileName());
            AtomicFiles.move(downloaded, target);
            // Other files named for the ebook are the user's, so they stay. Novels.find
            // prefers the catalogue's file name, so the download is the copy used.
            for (Path other : Novels.matches(folder, ebook)) {
                if (!other.getFileName().equals(target.getFileName())) {
                    LOG.info("kept {}; {} is the copy used for ebook {}", other, target, ebook);
                }
            }
            LOG.info("{} (Gutenberg ebook {}) downloaded from {} to {}", novel.title(), ebook,
                    DataSources.redacted(sources.novel(ebook)), target);
            return target;
        }
    }

    private void requireOnline(String name, String expected) {
        if (offline) {
            throw new IllegalStateException(name + " not found: expected " + expected
                    + ", and downloads are off (offline mode). Download it without offline"
                    + " mode, or point the data folder at a copy.");
        }
    }

    /**
     * Throws, before anything is downloaded, if something other than a folder (or a link to one)
     * is where a data set's folder goes. Replacing the data set would otherwise delete it.
     */
    private static void requireFolderOrMissing(Path folder) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " exists but is not a folder; move it away or choose"
                    + " another data folder, so that the download does not replace it");
        }
    }

    /**
     * Throws if {@code folder} has a folder (not a link to one) under one of {@code names}.
     * The download puts its own file or folder under that name, so it would delete the
     * user's folder with everything in it.
     */
    private static void requireNoFolderAt(Path folder, List<String> names) throws IOException {
        for (String name : names) {
            Path entry = folder.resolve(name);
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(entry + " is a folder, and the download would replace"
                        + " it with its own entry of that name, deleting everything in it; move"
                        + " or rename the folder, then download again");
            }
        }
    }

    /** Returns the names of the entries of {@code folder}, sorted. */
    private static List<String> entryNames(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    private StagingFolder createStaging() throws IOException {
        Files.createDirectories(dataDirectory);
        StagingFolder.deleteLeftovers(dataDirectory, TemporaryFiles.runStart());
        return StagingFolder.create(dataDirectory);
    }

    /**
     * Moves {@code source} to {@code target}, first moving an existing {@code target} aside to
     * {@code aside}, and moving it back if the second move fails.
     */
    private static void replace(Path source, Path target, Path aside) throws IOException {
        boolean hadTarget = Files.exists(target);
        if (hadTarget) {
            AtomicFiles.move(target, aside);
        }
        try {
            AtomicFiles.move(source, target);
        } catch (IOException e) {
            if (hadTarget) {
                AtomicFiles.move(aside, target);
            }
            throw e;
        }
    }

    /**
     * Streams {@code uri} into {@code file}, reporting progress, then checks the digest.
     *
     * @param hint sentence added to a checksum-mismatch message, or empty
     */
    /**
     * Throws when {@link #LOOPBACK_ONLY_PROPERTY} is "true" and {@code uri} names a host other
     * than this machine. The host name is compared as text, so nothing is looked up.
     */
    private static void requireAllowedHost(URI uri, String redactedAddress) throws IOException {
        if (!Boolean.getBoolean(LOOPBACK_ONLY_PROPERTY)) {
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1");
        if (!loopback) {
            throw new IOException("download of " + redactedAddress + " rejected: -D"
                    + LOOPBACK_ONLY_PROPERTY + "=true allows only 127.0.0.1, localhost and ::1");
        }
    }

    private void fetch(String name, URI uri, Path file, String algorithm, String expectedHex,
            String hint) throws IOException {
        String redactedAddress = DataSources.redacted(uri);
        requireAllowedHost(uri, redactedAddress);
        LOG.info("downloading {} from {}", name, redactedAddress);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET()
                .build();
        MessageDigest digest = Checksums.newDigest(algorithm);
        AtomicReference<FileSubscriber> body = new AtomicReference<>();
        HttpResponse.BodyHandler<Long> handler = info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            long total = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            body.set(new FileSubscriber(file, digest, listener, name, total,
                    PROGRESS_STEP_BYTES));
            return body.get();
        };
        HttpResponse<Long> response = await(client.sendAsync(request, handler), body, uri);
        if (response.statusCode() != 200) {
            throw new IOException("download of " + redactedAddress + " failed: HTTP status "
                    + response.statusCode() + ", expected 200");
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long received = response.body();
        if (total >= 0 && received != total) {
            throw new IOException("download of " + redactedAddress + " ended after " + received
                    + " of " + total + " bytes");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedHex)) {
            throw new IOException("checksum mismatch for " + redactedAddress + ": " + algorithm
                    + " is " + actual + ", expected " + expectedHex + "; nothing was kept." + hint);
        }
    }

    /**
     * Waits for a response and its whole body, failing when no byte arrives for
     * {@code stallTimeout}; the HTTP client has no such timeout of its own once the headers
     * have arrived.
     */
    private HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> pending,
            AtomicReference<FileSubscriber> body, URI uri) throws IOException {
        String redactedAddress = DataSources.redacted(uri);
        long pollMillis = Math.max(1, stallTimeout.toMillis() / 4);
        long lastReceived = 0;
        long lastChange = System.nanoTime();
        while (true) {
            try {
                return pending.get(pollMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FileSubscriber subscriber = body.get();
                long received = subscriber == null ? 0 : subscriber.received();
                long now = System.nanoTime();
                if (received != lastReceived) {
                    lastReceived = received;
                    lastChange = now;
                } else if (now - lastChange >= stallTimeout.toNanos()) {
                    cancel(pending, subscriber);
                    throw new IOException("download of " + redactedAddress
                            + " timed out: no data for " + stallTimeout.toMillis() + " ms after " + received + " bytes");
                }
            } catch (InterruptedException e) {
                cancel(pending, body.get());
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("download of " + redactedAddress
                        + " was interrupted");
            } catch (ExecutionException e) {
                FileSubscriber subscriber = body.get();
                long received = subscriber == null ? 0 : subscriber.received();
                throw new IOException("download of " + redactedAddress + " failed after "
                        + received + " bytes: " + describeFailure(e.getCause(), uri), e.getCause());
            }
        }
    }

    /** Returns the cause of a failed request in words, without a Java class name. */
    static String describeFailure(Throwable cause, URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String address = uri.getHost() + ":" + port;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connection to " + address + " timed out";
        }
        if (cause instanceof ConnectException) {
            if (cause.getCause() instanceof UnresolvedAddressException) {
                return "unknown host " + uri.getHost();
            }
            return "connection refused to " + address;
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + uri.getHost();
        }
        if (cause instanceof SSLException) {
            return "TLS connection to " + address + " failed"
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.isBlank()) {
            return "connection to " + address + " failed";
        }
        return message;
    }

    private static void cancel(CompletableFuture<?> pending, FileSubscriber subscriber) {
        pending.cancel(true);
        if (subscriber != null) {
            subscriber.cancel();
        }
    }
}
