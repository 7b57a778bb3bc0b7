package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Cifar10;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A small CIFAR-10 archive in the official layout: {@code cifar-10-batches-bin/} with five
 * training files, the test file and the class names, every file of the same number of records.
 * Record {@code r} of file {@code k} (0 for the test file) has label {@code (r + k) % 10}.
 */
final class CifarArchive {

    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat",
            "deer", "dog", "frog", "horse", "ship", "truck");

    /** 2026-01-01 00:00:00 UTC, the modification time of every entry. */
    private static final long MODIFIED_MILLIS = 1_767_225_600_000L;

    private CifarArchive() {
    }

    /** Returns the .tar.gz bytes of an archive with {@code records} records per file. */
    static byte[] build(int records) throws IOException {
        return build(records, List.of());
    }

    /**
     * Returns the .tar.gz bytes of an archive with {@code records} records per file and, in
     * its folder, one small text file for each of {@code extraFiles}.
     */
    static byte[] build(int records, List<String> extraFiles) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.putArchiveEntry(entry(Cifar10.FOLDER + "/"));
            tar.closeArchiveEntry();
            for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
                add(tar, "data_batch_" + k + ".bin", records(k, records));
            }
            add(tar, Cifar10.TEST_FILE, records(0, records));
            add(tar, Cifar10.META_FILE,
                    (String.join("\n", CLASS_NAMES) + "\n").getBytes(StandardCharsets.UTF_8));
            for (String name : extraFiles) {
                add(tar, name, "extra\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static byte[] records(int file, int count) {
        byte[] bytes = new byte[count * Cifar10.RECORD_BYTES];
        for (int r = 0; r < count; r++) {
            int start = r * Cifar10.RECORD_BYTES;
            bytes[start] = (byte) ((r + file) % Cifar10.CLASS_COUNT);
            for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
                bytes[start + 1 + p] = (byte) (r * 31 + p * 7 + file);
            }
        }
        return bytes;
    }

    /**
     * Returns an entry with a fixed modification time. The default, the current time, would
     * give two archives built a second apart different bytes and MD5s.
     */
    private static TarArchiveEntry entry(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setModTime(MODIFIED_MILLIS);
        return entry;
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content)
            throws IOException {
        TarArchiveEntry entry = entry(Cifar10.FOLDER + "/" + name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
