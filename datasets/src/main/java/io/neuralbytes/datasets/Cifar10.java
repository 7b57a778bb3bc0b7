package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CIFAR-10 folder in the official binary layout: {@code data_batch_1.bin} to
 * {@code data_batch_5.bin}, {@code test_batch.bin} and {@code batches.meta.txt}, the class
 * names one per line in label order.
 *
 * <pre>{@code
 * Cifar10 cifar = Cifar10.open(dataDirectory);
 * Cifar10Batch first100 = cifar.trainBatch(1, 100);
 * String name = cifar.classNames().get(first100.label(0));
 * }</pre>
 */
public final class Cifar10 {

    /** Name of the folder inside the official archive and inside a data folder. */
    public static final String FOLDER = "cifar-10-batches-bin";
    public static final int CLASS_COUNT = 10;
    public static final int TRAIN_BATCHES = 5;
    public static final int WIDTH = 32;
    public static final int HEIGHT = 32;
    public static final int CHANNELS = 3;
    /** Bytes in one colour plane, 32 x 32. */
    public static final int PLANE_BYTES = WIDTH * HEIGHT;
    /** Pixel bytes of one image, 3 x 32 x 32. */
    public static final int IMAGE_BYTES = CHANNELS * PLANE_BYTES;
    /** Bytes of one record: the label byte, then the image. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    public static final String META_FILE = "batches.meta.txt";
    public static final String TEST_FILE = "test_batch.bin";

    private final Path folder;
    private final List<String> classNames;

    private Cifar10(Path folder, List<String> classNames) {
        this.folder = folder;
        this.classNames = classNames;
    }

    /**
     * Opens a CIFAR-10 folder after checking that every expected file exists and that
     * {@code batches.meta.txt} names ten classes.
     *
     * @param directory a data folder containing {@value #FOLDER}, or that folder itself
     * @throws IllegalArgumentException if the folder or any expected file is missing
     */
    public static Cifar10 open(Path directory) throws IOException {
        Path folder = locate(directory);
        List<String> missing = missingFiles(folder);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("CIFAR-10 folder " + folder + " is missing "
                    + String.join(", ", missing) + "; expected " + String.join(", ", fileNames())
                    + " (the official binary layout)");
        }
        return new Cifar10(folder, readClassNames(folder.resolve(META_FILE)));
    }

    /** Returns whether {@code directory}, or its {@value #FOLDER} subfolder, has every file. */
    public static boolean isPresent(Path directory) {
        Path folder = directory.resolve(FOLDER);
        if (!Files.isDirectory(folder) && Files.isRegularFile(directory.resolve(TEST_FILE))) {
            folder = directory;
        }
        return Files.isDirectory(folder) && missingFiles(folder).isEmpty();
    }

    private static Path locate(Path directory) {
        if (Files.isDirectory(directory.resolve(FOLDER))) {
            return directory.resolve(FOLDER);
        }
        if (Files.isDirectory(directory) && !missingFiles(directory).equals(fileNames())) {
            return directory;
        }
        if (Files.isDirectory(directory)) {
            throw new IllegalArgumentException("CIFAR-10 not found in " + directory
                    + ": expected a folder " + FOLDER + " there, or the files "
                    + String.join(", ", fileNames()) + " in it");
        }
        throw new IllegalArgumentException("CIFAR-10 folder not found: " + directory);
    }

    /** Returns the names of the files a complete folder has, in a fixed order. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= TRAIN_BATCHES; k++) {
            names.add(trainFileName(k));
        }
        names.add(TEST_FILE);
        names.add(META_FILE);
        return names;
    }

    private static String trainFileName(int k) {
        return "data_batch_" + k + ".bin";
    }

    private static List<String> missingFiles(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : fileNames()) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static List<String> readClassNames(Path meta) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("CIFAR-10 class-name file " + meta
                    + " is not UTF-8 text; expected " + CLASS_COUNT
                    + " class names, one per line in label order");
        }
        for (String line : lines) {
            String name = line.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.size() != CLASS_COUNT) {
            throw new IllegalArgumentException("CIFAR-10 class-name file " + meta + " names "
                    + names.size() + " classes; expected " + CLASS_COUNT
                    + ", one per line in label order");
        }
        return List.copyOf(names);
    }

    /** Returns the index of a pixel inside the 3072 image bytes of one record. */
    static int pixelIndex(int channel, int row, int col) {
        if (channel < 0 || channel >= CHANNELS || row < 0 || row >= HEIGHT
                || col < 0 || col >= WIDTH) {
            throw new IndexOutOfBoundsException("pixel (channel " + channel + ", row " + row
                    + ", column " + col + "): expected channel 0-2, row and column 0-31");
        }
        return channel * PLANE_BYTES + row * WIDTH + col;
    }

    /** Returns the folder holding the files. */
    public Path folder() {
        return folder;
    }

    /** Returns the ten class names in label order, from {@code batches.meta.txt}. */
    public List<String> classNames() {
        return classNames;
    }

    /** Returns the path of training file {@code k}, 1-5. */
    public Path trainFile(int k) {
        if (k < 1 || k > TRAIN_BATCHES) {
            throw new IllegalArgumentException("invalid CIFAR-10 training batch " + k
                    + ": expected 1 to " + TRAIN_BATCHES);
        }
        return folder.resolve(trainFileName(k));
    }

    /** Returns the path of the test file. */
    public Path testFile() {
        return folder.resolve(TEST_FILE);
    }

    /** Reads every record of training file {@code k}, 1-5. */
    public Cifar10Batch trainBatch(int k) throws IOException {
        return Cifar10Batch.read(trainFile(k));
    }

    /** Reads the first {@code n} records of training file {@code k}, 1-5. */
    public Cifar10Batch trainBatch(int k, int n) throws IOException {
        return Cifar10Batch.read(trainFile(k), checkCount(n));
    }

    /** Reads every record of the test file. */
    public Cifar10Batch testBatch() throws IOException {
        return Cifar10Batch.read(testFile());
    }

    /** Reads the first {@code n} records of the test file. */
    public Cifar10Batch testBatch(int n) throws IOException {
        return Cifar10Batch.read(testFile(), checkCount(n));
    }

    private static int checkCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("invalid CIFAR-10 record count " + n
                    + ": expected at least 1");
        }
        return n;
    }

    /**
     * Reads every record of every file once, checking sizes and labels, without keeping them.
     *
     * @return the total number of records
     */
    public long verify() throws IOException {
        long total = 0;
        List<Path> files = new ArrayList<>();
        for (int k = 1; k <= TRAIN_BATCHES; k++) {
            files.add(trainFile(k));
        }
        files.add(testFile());
        for (Path file : files) {
            try (Cifar10Reader reader = Cifar10Reader.open(file)) {
                while (reader.next()) {
                    total++;
                }
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "CIFAR-10 at " + folder;
    }
}
