package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Holds every fast kernel to its plain reference on all shapes from 1 to 4 per dimension. The
 * kernels add each element's terms in the reference's order, so they must agree to the bit.
 */
class MatrixKernelsTest {

    private static final int MAX = 4;

    @Test
    void multiplyMatchesReference() {
        RandomSource rng = new RandomSource(11);
        for (int n = 1; n <= MAX; n++) {
            for (int k = 1; k <= MAX; k++) {
                for (int m = 1; m <= MAX; m++) {
                    double[] a = randomArray(n * k, rng);
                    double[] b = randomArray(k * m, rng);
                    double[] expected = garbage(n * m);
                    double[] actual = garbage(n * m);

                    ReferenceKernels.multiply(a, b, expected, n, k, m);
                    MatrixKernels.multiply(a.clone(), b.clone(), actual, n, k, m);

                    assertIdentical(expected, actual, "multiply " + n + "x" + k + " by " + k + "x" + m);
                }
            }
        }
    }

    @Test
    void multiplyTransAMatchesReference() {
        RandomSource rng = new RandomSource(12);
        for (int n = 1; n <= MAX; n++) {
            for (int k = 1; k <= MAX; k++) {
                for (int m = 1; m <= MAX; m++) {
                    double[] a = randomArray(k * n, rng);
                    double[] b = randomArray(k * m, rng);
                    double[] expected = garbage(n * m);
                    double[] actual = garbage(n * m);

                    ReferenceKernels.multiplyTransA(a, b, expected, n, k, m);
                    MatrixKernels.multiplyTransA(a.clone(), b.clone(), actual, n, k, m);

                    assertIdentical(expected, actual,
                            "multiplyTransA " + k + "x" + n + " and " + k + "x" + m);
                }
            }
        }
    }

    @Test
    void multiplyTransBMatchesReference() {
        RandomSource rng = new RandomSource(13);
        for (int n = 1; n <= MAX; n++) {
            for (int k = 1; k <= MAX; k++) {
                for (int m = 1; m <= MAX; m++) {
                    double[] a = randomArray(n * k, rng);
                    double[] b = randomArray(m * k, rng);
                    double[] expected = garbage(n * m);
                    double[] actual = garbage(n * m);

                    ReferenceKernels.multiplyTransB(a, b, expected, n, k, m);
                    MatrixKernels.multiplyTransB(a.clone(), b.clone(), actual, n, k, m);

                    assertIdentical(expected, actual,
                            "multiplyTransB " + n + "x" + k + " and " + m + "x" + k);
                }
            }
        }
    }

    @Test
    void referenceMatchesHandValues() {
        double[] c = new double[4];

        ReferenceKernels.multiply(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c,
                2, 2, 2);

        assertArrayEquals(new double[] {19, 22, 43, 50}, c);
    }

    @Test
    void kernelsLeaveInputsUnchanged() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {6, 5, 4, 3, 2, 1};
        double[] c = new double[4];

        MatrixKernels.multiply(a, b, c, 2, 3, 2);
        MatrixKernels.multiplyTransA(a, new double[] {1, 1, 1, 1}, new double[9], 3, 2, 2);
        MatrixKernels.multiplyTransB(a, b, c, 2, 3, 2);

        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a);
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, b);
    }

    private static double[] randomArray(int length, RandomSource rng) {
        double[] values = new double[length];
        Initializers.uniform(values, -2.0, 2.0, rng);
        return values;
    }

    /** Returns an output buffer whose values would show if a kernel accumulated into it. */
    private static double[] garbage(int length) {
        double[] values = new double[length];
        Arrays.fill(values, 1e6);
        return values;
    }

    private static void assertIdentical(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.0, what + " at index " + i);
        }
    }
}
