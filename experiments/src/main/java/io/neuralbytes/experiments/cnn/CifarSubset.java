package io.neuralbytes.experiments.cnn;

import io.neuralbytes.cnn.ImageSet;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.datasets.Checksums;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.Cifar10Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CIFAR-10 images of the CNN run: the first images of each training file, split at random
 * into training and held-out images, and the images of {@code test_batch.bin}.
 *
 * @param train      the training images, in the shuffled order the split left them in
 * @param heldOut    the rest of the training files' images
 * @param test       every image of {@code test_batch.bin}
 * @param classNames the ten class names, in label order
 * @param files      every file read, with the images used from it and its SHA-256
 * @param folder     the CIFAR-10 folder the files came from
 */
record CifarSubset(ImageSet train, ImageSet heldOut, ImageSet test, List<String> classNames,
                   List<FileIdentity> files, Path folder) {

    /** A file that was read, for the report: its name, the images used and its SHA-256. */
    record FileIdentity(String name, int images, String sha256) { }

    /**
     * Reads the images and splits them.
     *
     * @param cifarFolder   the {@value Cifar10#FOLDER} folder, complete
     * @param imagesPerFile images taken from the start of each of the five training files
     * @param rgb           true for three colour channels (value / 255), false for the grey
     *                      values (0.2126 R + 0.7152 G + 0.0722 B) / 255 of the original
     * @param trainCount    images of the shuffled set that go to training; the rest are held out
     * @param rng           source of the shuffle that decides the split
     * @throws IllegalArgumentException if a file is missing or invalid
     */
    static CifarSubset load(Path cifarFolder, int imagesPerFile, boolean rgb, int trainCount,
                            RandomSource rng) throws IOException {
        Cifar10 cifar = Cifar10.open(cifarFolder);
        int channels = rgb ? Cifar10.CHANNELS : 1;
        int imageSize = channels * Cifar10.HEIGHT * Cifar10.WIDTH;
        int total = Cifar10.TRAIN_BATCHES * imagesPerFile;
        double[] pixels = new double[total * imageSize];
        int[] labels = new int[total];
        List<FileIdentity> files = new ArrayList<>();
        for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
            Cifar10Batch batch = cifar.trainBatch(k, imagesPerFile);
            int first = (k - 1) * imagesPerFile;
            copyImages(batch, rgb, pixels, first * imageSize, imageSize);
            System.arraycopy(batch.labels(), 0, labels, first, imagesPerFile);
            files.add(identify(cifar.trainFile(k), imagesPerFile));
        }
        ImageSet all = new ImageSet(channels, Cifar10.HEIGHT, Cifar10.WIDTH, pixels, labels);

        int[] order = new int[total];
        for (int n = 0; n < total; n++) {
            order[n] = n;
        }
        rng.shuffle(order);
        ImageSet train = all.select(Arrays.copyOfRange(order, 0, trainCount));
        ImageSet heldOut = all.select(Arrays.copyOfRange(order, trainCount, total));

        Cifar10Batch testBatch = cifar.testBatch();
        double[] testPixels = new double[testBatch.size() * imageSize];
        copyImages(testBatch, rgb, testPixels, 0, imageSize);
        ImageSet test = new ImageSet(channels, Cifar10.HEIGHT, Cifar10.WIDTH, testPixels,
                testBatch.labels());
        files.add(identify(cifar.testFile(), testBatch.size()));
        return new CifarSubset(train, heldOut, test, cifar.classNames(), List.copyOf(files),
                cifar.folder());
    }

    private static void copyImages(Cifar10Batch batch, boolean rgb, double[] out, int offset,
                                   int imageSize) {
        for (int i = 0; i < batch.size(); i++) {
            if (rgb) {
                batch.rgb(i, out, offset + i * imageSize);
            } else {
                batch.grey(i, out, offset + i * imageSize);
            }
        }
    }

    private static FileIdentity identify(Path file, int images) throws IOException {
        return new FileIdentity(file.getFileName().toString(), images, Checksums.sha256(file));
    }
}
