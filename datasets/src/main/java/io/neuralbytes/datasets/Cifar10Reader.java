package io.neuralbytes.datasets;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Streams the records of one CIFAR-10 binary file, one record at a time.
 *
 * <p>A record is {@value Cifar10#RECORD_BYTES} bytes: one label byte (0-9), then the red,
 * green and blue planes of {@value Cifar10#PLANE_BYTES} bytes each, every plane 32 x 32
 * row-major. Only one record buffer exists, so reading a file of any length allocates
 * nothing per record or per pixel.
 *
 * <pre>{@code
 * try (Cifar10Reader reader = Cifar10Reader.open(file)) {
 *     while (reader.next()) {
 *         int label = reader.label();
 *         int red = reader.pixel(0, 0, 0);
 *     }
 * }
 * }</pre>
 */
public final class Cifar10Reader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final InputStream in;
    private final int recordCount;
    private final byte[] record = new byte[Cifar10.RECORD_BYTES];
    private int recordIndex = -1;

    private Cifar10Reader(Path file, InputStream in, int recordCount) {
        this.file = file;
        this.in = in;
        this.recordCount = recordCount;
    }

    /**
     * Opens a CIFAR-10 binary file after checking that its size is a whole number of records
     * and that every record's label is 0-9, even when the caller reads only the first few
     * records. The label check reads one byte per record.
     *
     * @throws IllegalArgumentException if the file is missing, empty, its size is not a
     *     multiple of {@value Cifar10#RECORD_BYTES} bytes, or a label is outside 0-9
     */
    public static Cifar10Reader open(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("CIFAR-10 file not found: " + file);
        }
        checkSize(file, size);
        checkLabels(file, size / Cifar10.RECORD_BYTES);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        return new Cifar10Reader(file, in, (int) (size / Cifar10.RECORD_BYTES));
    }

    private static void checkSize(Path file, long size) {
        if (size == 0) {
            throw new IllegalArgumentException("CIFAR-10 file " + file + " is empty; expected"
                    + " records of " + Cifar10.RECORD_BYTES + " bytes (1 label + 3072 pixels)");
        }
        long remainder = size % Cifar10.RECORD_BYTES;
        if (remainder != 0) {
            long lastStart = size - remainder;
            throw new IllegalArgumentException("CIFAR-10 file " + file + " has " + size
                    + " bytes, not a multiple of the " + Cifar10.RECORD_BYTES + "-byte record:"
                    + " the record at byte offset " + lastStart + " has only " + remainder
                    + " bytes");
        }
        if (size / Cifar10.RECORD_BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("CIFAR-10 file " + file + " has " + size
                    + " bytes, more records than an int can count");
        }
    }

    private static void checkLabels(Path file, long recordCount) throws IOException {
        ByteBuffer label = ByteBuffer.allocate(1);
        try (FileChannel channel = FileChannel.open(file)) {
            for (long r = 0; r < recordCount; r++) {
                long offset = r * Cifar10.RECORD_BYTES;
                label.clear();
                if (channel.read(label, offset) != 1) {
                    throw new EOFException("CIFAR-10 file " + file + " ended before record " + r
                            + " (byte offset " + offset + ")");
                }
                int value = label.get(0) & 0xFF;
                if (value >= Cifar10.CLASS_COUNT) {
                    throw labelOutsideRange(file, r, offset, value);
                }
            }
        }
    }

    private static IllegalArgumentException labelOutsideRange(Path file, long record,
            long offset, int label) {
        return new IllegalArgumentException("CIFAR-10 file " + file + ", record " + record
                + " (byte offset " + offset + "): label " + label + " is outside 0-9");
    }

    /** Returns the file being read. */
    public Path file() {
        return file;
    }

    /** Returns the number of records in the file, from its size. */
    public int recordCount() {
        return recordCount;
    }

    /** Returns the index of the current record, or -1 before the first call to {@link #next}. */
    public int recordIndex() {
        return recordIndex;
    }

    /**
     * Reads the next record and checks its label.
     *
     * @return false when every record has been read
     * @throws IllegalArgumentException if the label byte is outside 0-9
     * @throws EOFException if the file became shorter while being read
     */
    public boolean next() throws IOException {
        if (recordIndex + 1 >= recordCount) {
            recordIndex = recordCount;
            return false;
        }
        int read = in.readNBytes(record, 0, record.length);
        recordIndex++;
        if (read != record.length) {
            throw new EOFException("CIFAR-10 file " + file + " ended inside record " + recordIndex
                    + " (byte offset " + byteOffset() + "): read " + read + " of "
                    + Cifar10.RECORD_BYTES + " bytes");
        }
        int label = record[0] & 0xFF;
        if (label >= Cifar10.CLASS_COUNT) {
            throw labelOutsideRange(file, recordIndex, byteOffset(), label);
        }
        return true;
    }

    /** Returns the byte offset of the current record in the file. */
    public long byteOffset() {
        return (long) recordIndex * Cifar10.RECORD_BYTES;
    }

    /** Returns the label of the current record, 0-9. */
    public int label() {
        requireRecord();
        return record[0];
    }

    /**
     * Returns one pixel of the current record as an unsigned value, 0 (black) to 255 (white).
     *
     * @param channel 0 red, 1 green, 2 blue
     */
    public int pixel(int channel, int row, int col) {
        requireRecord();
        return record[1 + Cifar10.pixelIndex(channel, row, col)] & 0xFF;
    }

    /**
     * Copies the {@value Cifar10#IMAGE_BYTES} pixel bytes of the current record, R then G then
     * B plane, into {@code destination} starting at {@code offset}. Only the destination is
     * modified.
     */
    public void copyImage(byte[] destination, int offset) {
        requireRecord();
        System.arraycopy(record, 1, destination, offset, Cifar10.IMAGE_BYTES);
    }

    private void requireRecord() {
        if (recordIndex < 0 || recordIndex >= recordCount) {
            throw new IllegalStateException("no current record in " + file
                    + ": call next() and check that it returned true");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
