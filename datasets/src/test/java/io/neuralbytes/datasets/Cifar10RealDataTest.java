package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Known values of the real CIFAR-10 images in the shared data folder. */
class Cifar10RealDataTest {

    private Cifar10 cifar;

    @BeforeEach
    void openSharedFolder() throws IOException {
        cifar = Cifar10.open(SharedData.folder());
    }

    @Test
    void classNamesInLabelOrder() {
        assertEquals(GeneratedCifar.CLASS_NAMES, cifar.classNames());
    }

    @Test
    void firstTrainingImageIsFrog() throws IOException {
        Cifar10Batch batch = cifar.trainBatch(1);

        assertEquals(6, batch.label(0));
        assertEquals("frog", cifar.classNames().get(batch.label(0)));
        assertEquals(59, batch.pixel(0, 0, 0, 0));
        assertEquals(43, batch.pixel(0, 0, 0, 1));
        assertEquals(50, batch.pixel(0, 0, 0, 2));
        assertEquals(68, batch.pixel(0, 0, 0, 3));
        assertEquals(140, batch.pixel(0, 2, 31, 29));
        assertEquals(84, batch.pixel(0, 2, 31, 30));
        assertEquals(72, batch.pixel(0, 2, 31, 31));
    }

    @Test
    void trainingLabelsStartInOfficialOrder() throws IOException {
        int[] labels = cifar.trainBatch(1, 10).labels();

        assertArrayEquals(new int[] {6, 9, 9, 4, 1, 1, 2, 7, 8, 3}, labels);
    }

    @Test
    void testImagesStartInOfficialOrder() throws IOException {
        Cifar10Batch batch = cifar.testBatch(5);
        int[][] firstRedPixels = {
            {158, 159, 165}, {235, 231, 232}, {158, 158, 139}, {155, 167, 176}, {65, 70, 48}};

        assertArrayEquals(new int[] {3, 8, 8, 0, 6}, batch.labels());
        for (int i = 0; i < 5; i++) {
            for (int col = 0; col < 3; col++) {
                assertEquals(firstRedPixels[i][col], batch.pixel(i, 0, 0, col),
                        "test image " + i + ", red pixel " + col);
            }
        }
    }

    @Test
    void recordCountsPerFile() throws IOException {
        for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
            assertEquals(800, cifar.trainBatch(k).size(), "data_batch_" + k + ".bin");
        }
        assertEquals(1000, cifar.testBatch().size());
        assertEquals(5000, cifar.verify());
    }

    @Test
    void testFileClassCounts() throws IOException {
        int[] counts = cifar.testBatch().classCounts();

        assertArrayEquals(new int[] {103, 89, 100, 103, 90, 86, 112, 102, 106, 109}, counts);
    }

    @Test
    void trainingFileClassCounts() throws IOException {
        List<int[]> expected = List.of(
                new int[] {85, 89, 74, 70, 79, 64, 84, 84, 82, 89},
                new int[] {80, 77, 84, 82, 82, 76, 86, 76, 79, 78},
                new int[] {71, 67, 90, 83, 89, 91, 71, 82, 80, 76},
                new int[] {83, 69, 89, 73, 78, 81, 89, 72, 86, 80},
                new int[] {77, 64, 83, 76, 94, 81, 84, 71, 80, 90});
        for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
            assertArrayEquals(expected.get(k - 1), cifar.trainBatch(k).classCounts(),
                    "data_batch_" + k + ".bin");
        }
    }

    @Test
    void greyOfFirstPixelUsesOriginalFormula() throws IOException {
        Cifar10Batch batch = cifar.trainBatch(1, 1);
        int r = batch.pixel(0, 0, 0, 0);
        int g = batch.pixel(0, 1, 0, 0);
        int b = batch.pixel(0, 2, 0, 0);

        double expected = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        assertEquals(expected, batch.grey(0)[0], 0.0);
        assertEquals(59 / 255.0, batch.rgb(0)[0], 0.0);
    }
}
