package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 reading on generated files: values, sub-ranges and every error. */
class Cifar10ReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryByteOfGeneratedFile() throws IOException {
        Path file = GeneratedCifar.writeFile(dir.resolve("data.bin"), 3, 4);

        Cifar10Batch batch = Cifar10Batch.read(file);

        assertEquals(4, batch.size());
        for (int r = 0; r < 4; r++) {
            assertEquals(GeneratedCifar.label(3, r), batch.label(r));
            byte[] image = batch.imageBytes(r);
            for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
                assertEquals(GeneratedCifar.pixel(3, r, p), image[p] & 0xFF, "record " + r);
            }
        }
    }

    @Test
    void pixelsAreUnsigned() throws IOException {
        byte[] bytes = new byte[Cifar10.RECORD_BYTES];
        bytes[0] = 9;
        bytes[1] = (byte) 255;
        bytes[1 + Cifar10.PLANE_BYTES] = (byte) 128;
        bytes[1 + 2 * Cifar10.PLANE_BYTES] = (byte) 200;
        Path file = Files.write(dir.resolve("white.bin"), bytes);

        Cifar10Batch batch = Cifar10Batch.read(file);

        assertEquals(9, batch.label(0));
        assertEquals(255, batch.pixel(0, 0, 0, 0));
        assertEquals(128, batch.pixel(0, 1, 0, 0));
        assertEquals(200, batch.pixel(0, 2, 0, 0));
        assertEquals(1.0, batch.rgb(0)[0], 0.0);
        double grey = (0.2126 * 255 + 0.7152 * 128 + 0.0722 * 200) / 255;
        assertEquals(grey, batch.grey(0)[0], 1e-15);
        assertEquals(0.0, batch.grey(0)[1], 0.0);
    }

    @Test
    void rgbAndGreyWriteAtOffset() throws IOException {
        Path file = GeneratedCifar.writeFile(dir.resolve("data.bin"), 1, 2);
        Cifar10Batch batch = Cifar10Batch.read(file);
        double[] rgb = new double[2 * Cifar10.IMAGE_BYTES];
        double[] grey = new double[2 * Cifar10.PLANE_BYTES];

        batch.rgb(1, rgb, Cifar10.IMAGE_BYTES);
        batch.grey(1, grey, Cifar10.PLANE_BYTES);

        assertEquals(0.0, rgb[0], 0.0);
        int lastBlue = GeneratedCifar.pixel(1, 1, Cifar10.IMAGE_BYTES - 1);
        assertEquals(lastBlue / 255.0, rgb[rgb.length - 1], 0.0);
        int p = 37;
        double r = GeneratedCifar.pixel(1, 1, p);
        double g = GeneratedCifar.pixel(1, 1, Cifar10.PLANE_BYTES + p);
        double b = GeneratedCifar.pixel(1, 1, 2 * Cifar10.PLANE_BYTES + p);
        assertEquals((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255,
                grey[Cifar10.PLANE_BYTES + p], 0.0);
        for (double value : grey) {
            assertTrue(value >= 0, "grey value " + value + " below 0");
            assertTrue(value <= 1, "grey value " + value + " above 1");
        }
    }

    @Test
    void firstRecordsOnly() throws IOException {
        Path file = GeneratedCifar.writeFile(dir.resolve("data.bin"), 2, 5);

        Cifar10Batch batch = Cifar10Batch.read(file, 3);

        assertEquals(3, batch.size());
        assertEquals(GeneratedCifar.label(2, 2), batch.label(2));
    }

    @Test
    void moreRecordsThanFileHasRejected() throws IOException {
        Path file = GeneratedCifar.writeFile(dir.resolve("data.bin"), 2, 5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file, 6));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("has 5 records, fewer than the 6"), e.getMessage());
    }

    @Test
    void sizeNotMultipleOfRecordRejected() throws IOException {
        byte[] bytes = GeneratedCifar.fileBytes(0, 2);
        Path file = Files.write(dir.resolve("short.bin"), java.util.Arrays.copyOf(bytes,
                bytes.length - 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("6145 bytes, not a multiple of the 3073-byte record"),
                e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 3073 has only 3072 bytes"),
                e.getMessage());
    }

    @Test
    void emptyFileRejected() throws IOException {
        Path file = Files.write(dir.resolve("empty.bin"), new byte[0]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file));

        assertTrue(e.getMessage().contains(file + " is empty"), e.getMessage());
    }

    @Test
    void labelOutsideRangeNamesRecordAndOffset() throws IOException {
        byte[] bytes = GeneratedCifar.fileBytes(0, 3);
        bytes[2 * Cifar10.RECORD_BYTES] = 10;
        Path file = Files.write(dir.resolve("bad-label.bin"), bytes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("record 2 (byte offset 6146): label 10 is outside 0-9"),
                e.getMessage());
    }

    @Test
    void badLabelPastReadRecordsRejected() throws IOException {
        byte[] bytes = GeneratedCifar.fileBytes(0, 600);
        bytes[500 * Cifar10.RECORD_BYTES] = 12;
        Path file = Files.write(dir.resolve("bad-label.bin"), bytes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file, 100));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("record 500 (byte offset 1536500): label 12 is"
                + " outside 0-9"), e.getMessage());
    }

    @Test
    void labelByte255IsNotReadAsNegative() throws IOException {
        byte[] bytes = GeneratedCifar.fileBytes(0, 1);
        bytes[0] = (byte) 255;
        Path file = Files.write(dir.resolve("bad-label.bin"), bytes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file));

        assertTrue(e.getMessage().contains("label 255 is outside 0-9"), e.getMessage());
    }

    @Test
    void missingFileRejected() {
        Path file = dir.resolve("data_batch_9.bin");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file));

        assertEquals("CIFAR-10 file not found: " + file, e.getMessage());
    }

    @Test
    void invalidRecordCountRejected() throws IOException {
        Path file = GeneratedCifar.writeFile(dir.resolve("data.bin"), 2, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Batch.read(file, 0));

        assertTrue(e.getMessage().contains("invalid record count 0"), e.getMessage());
    }

    @Test
    void readerStreamsRecordsInOrder() throws IOException {
        Path file = GeneratedCifar.writeFile(dir.resolve("data.bin"), 4, 3);

        try (Cifar10Reader reader = Cifar10Reader.open(file)) {
            assertEquals(3, reader.recordCount());
            assertThrows(IllegalStateException.class, reader::label);
            for (int r = 0; r < 3; r++) {
                assertTrue(reader.next());
                assertEquals(r, reader.recordIndex());
                assertEquals(GeneratedCifar.label(4, r), reader.label());
                assertEquals(GeneratedCifar.pixel(4, r, 33), reader.pixel(0, 1, 1));
            }
            assertFalse(reader.next());
            assertThrows(IllegalStateException.class, reader::label);
        }
    }

    @Test
    void folderWithGeneratedFilesOpens() throws IOException {
        GeneratedCifar.writeFolder(dir.resolve(Cifar10.FOLDER), 2);

        Cifar10 cifar = Cifar10.open(dir);

        assertEquals(dir.resolve(Cifar10.FOLDER), cifar.folder());
        assertEquals(GeneratedCifar.CLASS_NAMES, cifar.classNames());
        assertEquals(GeneratedCifar.label(3, 1), cifar.trainBatch(3).label(1));
        assertEquals(GeneratedCifar.label(0, 1), cifar.testBatch(2).label(1));
        assertEquals(12, cifar.verify());
        assertTrue(Cifar10.isPresent(dir));
        assertEquals(cifar.folder(), Cifar10.open(cifar.folder()).folder());
    }

    @Test
    void folderMissingFilesNamesThem() throws IOException {
        Path folder = GeneratedCifar.writeFolder(dir.resolve(Cifar10.FOLDER), 1);
        Files.delete(folder.resolve("data_batch_4.bin"));
        Files.delete(folder.resolve(Cifar10.META_FILE));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.open(dir));

        assertTrue(e.getMessage().startsWith("CIFAR-10 folder " + folder
                + " is missing data_batch_4.bin, batches.meta.txt; expected data_batch_1.bin"),
                e.getMessage());
        assertFalse(Cifar10.isPresent(dir));
    }

    @Test
    void folderWithoutCifarRejected() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.open(dir));

        assertTrue(e.getMessage().startsWith("CIFAR-10 not found in " + dir
                + ": expected a folder cifar-10-batches-bin"), e.getMessage());
    }

    @Test
    void missingFolderRejected() {
        Path missing = dir.resolve("absent");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.open(missing));

        assertEquals("CIFAR-10 folder not found: " + missing, e.getMessage());
    }

    @Test
    void wrongClassNameCountRejected() throws IOException {
        Path folder = GeneratedCifar.writeFolder(dir.resolve(Cifar10.FOLDER), 1);
        Path meta = Files.writeString(folder.resolve(Cifar10.META_FILE), "cat\ndog\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.open(folder));

        assertTrue(e.getMessage().contains(meta + " names 2 classes; expected 10"),
                e.getMessage());
    }

    @Test
    void classNameFileNotUtf8Rejected() throws IOException {
        Path folder = GeneratedCifar.writeFolder(dir.resolve(Cifar10.FOLDER), 1);
        // A UTF-16 byte-order mark, as a text editor may write it: not valid UTF-8.
        Path meta = Files.write(folder.resolve(Cifar10.META_FILE),
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'c', 0, 'a', 0, 't', 0});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.open(folder));

        assertEquals("CIFAR-10 class-name file " + meta + " is not UTF-8 text; expected 10"
                + " class names, one per line in label order", e.getMessage());
    }

    @Test
    void trainBatchNumberChecked() throws IOException {
        GeneratedCifar.writeFolder(dir.resolve(Cifar10.FOLDER), 1);
        Cifar10 cifar = Cifar10.open(dir);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cifar.trainBatch(6));

        assertEquals("invalid CIFAR-10 training batch 6: expected 1 to 5", e.getMessage());
    }

    private static final int LINEAR_TIME_LIMIT = 30;
    private static final int MIN_TIMING_ROUNDS = 3;
    private static final int MAX_TIMING_ROUNDS = 10;

    /**
     * Reading 10,000 records takes about ten times as long as 1,000 when the reader is linear,
     * and about a hundred times when it is quadratic in the record count. The test passes when
     * the fastest 10,000-record read is under {@value #LINEAR_TIME_LIMIT} times the fastest
     * 1,000-record read, a margin of about three on either side.
     *
     * <p>Reads are timed in CPU time of the reading thread, not wall time, because on busy
     * cores a 40 ms read is preempted far more often than a 1 ms read. On a 2-core machine
     * running three busy loops, the wall-time ratio rose from 11 to between 14 and 88, while
     * the CPU-time ratio stayed at 10. The two sizes are timed alternately, in rounds, and only the fastest read
     * of each size counts. The test stops at the first round that shows linear time, after at
     * least {@value #MIN_TIMING_ROUNDS} rounds, and fails only if none of
     * {@value #MAX_TIMING_ROUNDS} rounds does.
     */
    @Test
    void tenThousandRecordsReadInLinearTime() throws IOException {
        Path large = GeneratedCifar.writeFile(dir.resolve("large.bin"), 5, 10_000);
        Path small = Files.write(dir.resolve("small.bin"), GeneratedCifar.fileBytes(5, 1_000));

        Cifar10Batch batch = Cifar10Batch.read(large);
        assertEquals(10_000, batch.size());
        assertEquals(GeneratedCifar.label(5, 9_999), batch.label(9_999));
        assertEquals(GeneratedCifar.pixel(5, 9_999, 3_071), batch.pixel(9_999, 2, 31, 31));
        assertEquals(1_000, Cifar10Batch.read(small).size());

        long smallNanos = Long.MAX_VALUE;
        long largeNanos = Long.MAX_VALUE;
        for (int round = 1; round <= MAX_TIMING_ROUNDS; round++) {
            smallNanos = Math.min(smallNanos, readNanos(small));
            largeNanos = Math.min(largeNanos, readNanos(large));
            if (round >= MIN_TIMING_ROUNDS && largeNanos < LINEAR_TIME_LIMIT * smallNanos) {
                return;
            }
        }
        fail("over " + MAX_TIMING_ROUNDS + " rounds, the fastest read of 10,000 records took "
                + largeNanos + " ns and of 1,000 records " + smallNanos + " ns of CPU time:"
                + " more than " + LINEAR_TIME_LIMIT + " times as long, so reading is not linear"
                + " in the records");
    }

    /** Returns the CPU time of reading the file, or the wall time where the JVM has no CPU clock. */
    private static long readNanos(Path file) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        long start = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        Cifar10Batch.read(file);
        return (cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
    }
}
