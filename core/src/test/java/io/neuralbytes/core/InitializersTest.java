package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InitializersTest {

    @Test
    void uniformFillsRangeReproducibly() {
        double[] w = new double[1000];
        double[] again = new double[1000];

        Initializers.uniform(w, -0.1, 0.1, new RandomSource(0));
        Initializers.uniform(again, -0.1, 0.1, new RandomSource(0));

        assertArrayEquals(w, again);
        assertInRange(w, -0.1, 0.1);
    }

    @Test
    void uniformMatchesRandomSourceOrder() {
        Matrix W = new Matrix(2, 2);
        RandomSource rng = new RandomSource(8);

        Initializers.uniform(W, 2, 3, new RandomSource(8));

        for (double w : W.data()) {
            assertTrue(w == rng.uniform(2, 3));
        }
    }

    @Test
    void uniformSymmetricUsesLimit() {
        double[] w = new double[500];

        Initializers.uniformSymmetric(w, 0.05, new RandomSource(1));

        assertInRange(w, -0.05, 0.05);
        assertThrows(IllegalArgumentException.class,
                () -> Initializers.uniformSymmetric(w, 0, new RandomSource(1)));
    }

    @Test
    void uniformFanInUsesSqrtOfInverse() {
        Matrix W = new Matrix(10, 10);

        Initializers.uniformFanIn(W, 25, new RandomSource(2));

        assertInRange(W.data(), -0.2, 0.2);
        assertThrows(IllegalArgumentException.class,
                () -> Initializers.uniformFanIn(W, 0, new RandomSource(2)));
    }

    private static void assertInRange(double[] w, double low, double high) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : w) {
            assertTrue(value >= low, "got " + value);
            assertTrue(value < high, "got " + value);
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        // The values spread over the range rather than bunching at one end.
        double width = high - low;
        assertTrue(min < low + 0.1 * width, "min " + min);
        assertTrue(max > high - 0.1 * width, "max " + max);
    }
}
