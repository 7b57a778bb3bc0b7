package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The records of one CIFAR-10 file in memory, pixels kept as the file's bytes.
 *
 * <p>Shapes: N images; each image is 3 x 32 x 32 (channel, row, column), stored as
 * {@value Cifar10#IMAGE_BYTES} bytes R plane, G plane, B plane, each plane row-major. Image
 * {@code i} starts at {@code i * 3072} in the flat pixel array. Pixel bytes are unsigned:
 * every accessor returns 0-255 or a double in [0, 1], never a negative value.
 */
public final class Cifar10Batch {

    /** Grey-conversion weights of the Python original, the Rec. 709 luma coefficients. */
    public static final double RED_WEIGHT = 0.2126;
    public static final double GREEN_WEIGHT = 0.7152;
    public static final double BLUE_WEIGHT = 0.0722;

    private final Path source;
    private final byte[] labels;  // N
    private final byte[] pixels;  // N x 3072

    private Cifar10Batch(Path source, byte[] labels, byte[] pixels) {
        this.source = source;
        this.labels = labels;
        this.pixels = pixels;
    }

    /** Reads every record of a CIFAR-10 binary file. See {@link Cifar10Reader} for errors. */
    public static Cifar10Batch read(Path file) throws IOException {
        return read(file, -1);
    }

    /**
     * Reads the first {@code maxRecords} records of a CIFAR-10 binary file, or all of them
     * when {@code maxRecords} is -1.
     *
     * @throws IllegalArgumentException if the file has fewer than {@code maxRecords} records,
     *     {@code maxRecords} is 0 or below -1, or the file is invalid
     */
    public static Cifar10Batch read(Path file, int maxRecords) throws IOException {
        if (maxRecords == 0 || maxRecords < -1) {
            throw new IllegalArgumentException("invalid record count " + maxRecords + " for "
                    + file + ": expected at least 1, or -1 for every record");
        }
        try (Cifar10Reader reader = Cifar10Reader.open(file)) {
            int n = reader.recordCount();
            if (maxRecords > n) {
                throw new IllegalArgumentException("CIFAR-10 file " + file + " has " + n
                        + " records, fewer than the " + maxRecords + " requested");
            }
            if (maxRecords > 0) {
                n = maxRecords;
            }
            byte[] labels = new byte[n];
            byte[] pixels = new byte[n * Cifar10.IMAGE_BYTES];
            for (int i = 0; i < n; i++) {
                reader.next();
                labels[i] = (byte) reader.label();
                reader.copyImage(pixels, i * Cifar10.IMAGE_BYTES);
            }
            return new Cifar10Batch(file, labels, pixels);
        }
    }

    /** Returns the file the records were read from. */
    public Path source() {
        return source;
    }

    /** Returns the number of images N. */
    public int size() {
        return labels.length;
    }

    /** Returns the label of image {@code i}, 0-9. */
    public int label(int i) {
        return labels[checkImage(i)];
    }

    /** Returns a new array of the N labels. */
    public int[] labels() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /** Returns the number of images of each class: {@code counts[c]} for c in 0-9. */
    public int[] classCounts() {
        int[] counts = new int[Cifar10.CLASS_COUNT];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Returns one pixel as an unsigned value, 0 (black) to 255 (white).
     *
     * @param channel 0 red, 1 green, 2 blue
     */
    public int pixel(int i, int channel, int row, int col) {
        int index = checkImage(i) * Cifar10.IMAGE_BYTES + Cifar10.pixelIndex(channel, row, col);
        return pixels[index] & 0xFF;
    }

    /** Returns a copy of the 3072 pixel bytes of image {@code i}, R then G then B plane. */
    public byte[] imageBytes(int i) {
        byte[] out = new byte[Cifar10.IMAGE_BYTES];
        System.arraycopy(pixels, checkImage(i) * Cifar10.IMAGE_BYTES, out, 0, out.length);
        return out;
    }

    /** Returns image {@code i} as 3072 doubles in [0, 1], value / 255, R then G then B plane. */
    public double[] rgb(int i) {
        double[] out = new double[Cifar10.IMAGE_BYTES];
        rgb(i, out, 0);
        return out;
    }

    /**
     * Writes image {@code i} as 3072 doubles in [0, 1] (value / 255, R then G then B plane)
     * into {@code out[offset .. offset + 3072)}. Only {@code out} is modified.
     */
    public void rgb(int i, double[] out, int offset) {
        int start = checkImage(i) * Cifar10.IMAGE_BYTES;
        for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
            out[offset + p] = (pixels[start + p] & 0xFF) / 255.0;
        }
    }

    /**
     * Returns image {@code i} as 32 x 32 grey values, row-major, by the Python original's
     * formula grey = (0.2126 R + 0.7152 G + 0.0722 B) / 255.
     */
    public double[] grey(int i) {
        double[] out = new double[Cifar10.PLANE_BYTES];
        grey(i, out, 0);
        return out;
    }

    /**
     * Writes the 1024 grey values of image {@code i} (see {@link #grey(int)}) into
     * {@code out[offset .. offset + 1024)}. Only {@code out} is modified.
     */
    public void grey(int i, double[] out, int offset) {
        int red = checkImage(i) * Cifar10.IMAGE_BYTES;
        int green = red + Cifar10.PLANE_BYTES;
        int blue = green + Cifar10.PLANE_BYTES;
        for (int p = 0; p < Cifar10.PLANE_BYTES; p++) {
            int r = pixels[red + p] & 0xFF;
            int g = pixels[green + p] & 0xFF;
            int b = pixels[blue + p] & 0xFF;
            out[offset + p] = (RED_WEIGHT * r + GREEN_WEIGHT * g + BLUE_WEIGHT * b) / 255.0;
        }
    }

    private int checkImage(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("image " + i + " of " + source
                    + ": expected 0 to " + (labels.length - 1));
        }
        return i;
    }
}
