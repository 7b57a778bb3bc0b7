package io.neuralbytes.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small CIFAR-10 files whose every byte follows from the record index. */
final class GeneratedCifar {

    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat",
            "deer", "dog", "frog", "horse", "ship", "truck");

    private GeneratedCifar() {
    }

    /** Label of record {@code r} in file {@code fileSeed}. */
    static int label(int fileSeed, int r) {
        return (r * 7 + fileSeed) % Cifar10.CLASS_COUNT;
    }

    /** Pixel byte {@code p} (0-3071) of record {@code r}, as an unsigned value. */
    static int pixel(int fileSeed, int r, int p) {
        return (r * 31 + p * 13 + fileSeed * 101) & 0xFF;
    }

    static byte[] fileBytes(int fileSeed, int records) {
        byte[] bytes = new byte[records * Cifar10.RECORD_BYTES];
        for (int r = 0; r < records; r++) {
            int start = r * Cifar10.RECORD_BYTES;
            bytes[start] = (byte) label(fileSeed, r);
            for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
                bytes[start + 1 + p] = (byte) pixel(fileSeed, r, p);
            }
        }
        return bytes;
    }

    static Path writeFile(Path file, int fileSeed, int records) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int r = 0; r < records; r++) {
                out.write(label(fileSeed, r));
                for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
                    out.write(pixel(fileSeed, r, p));
                }
            }
        }
        return file;
    }

    /** Writes a complete folder: file seed k for data_batch_k.bin and 0 for the test file. */
    static Path writeFolder(Path folder, int records) throws IOException {
        Files.createDirectories(folder);
        for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
            writeFile(folder.resolve("data_batch_" + k + ".bin"), k, records);
        }
        writeFile(folder.resolve(Cifar10.TEST_FILE), 0, records);
        Files.writeString(folder.resolve(Cifar10.META_FILE),
                String.join("\n", CLASS_NAMES) + "\n\n", StandardCharsets.UTF_8);
        return folder;
    }
}
