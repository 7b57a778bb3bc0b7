package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Holds both product kernels to the plain loop c(i, j) = fma(a(i, p), b(p, j), c(i, j)) to the
 * bit: on every shape up to 9 per dimension (so the 4-row blocks, the vector panels and every
 * tail run), on shapes larger than the cache blocks, with offsets and row strides, and on every
 * thread count.
 */
class ArrayProductsTest {

    /**
     * Rows, inner size and columns that cross the 64-row and 256-term cache blocks, single
     * rows wide enough for the sixteen-vector row kernel (a recurrence's matrix-vector product),
     * eight-row blocks followed by a four-row block, and the output layer's 56 columns.
     */
    private static final int[][] LARGE_SHAPES = {
        {67, 300, 53}, {130, 257, 17}, {5, 513, 40}, {3, 20, 150}, {1, 128, 512}, {7, 9, 70},
        {1, 600, 136}, {2, 300, 130}, {12, 40, 24}, {77, 130, 56}};

    /** The scalar definition, with the same strides as the kernels: A(i, p) = a[aOff + i ais + p aps]. */
    private static void reference(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = c[cOff + i * ldc + j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + i * ais + p * aps], b[bOff + p * ldb + j], sum);
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }

    private interface Kernel {
        void run(double[] a, int aOff, int ais, int aps, double[] b, int bOff, int ldb,
                double[] c, int cOff, int ldc, int rowFrom, int rowTo, int k, int m,
                boolean accumulate);
    }

    @Test
    void plainKernelMatchesDefinitionOnSmallShapes() {
        checkSmallShapes(PlainProducts::multiplyAdd);
    }

    @Test
    void vectorKernelMatchesDefinitionOnSmallShapes() {
        assumeTrue(vectorModuleLoaded(), "run with --add-modules jdk.incubator.vector");
        checkSmallShapes(VectorProducts::multiplyAdd);
    }

    /** Checks the blocks for the register count (16 or 32) this CPU does not use. */
    @Test
    void otherRegisterBlocksMatchDefinition() {
        assumeTrue(vectorModuleLoaded(), "run with --add-modules jdk.incubator.vector");
        boolean other = !VectorProducts.sixteenRegisters();
        Kernel kernel = (a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, rowFrom, rowTo, k, m,
                accumulate) -> VectorProducts.multiplyAdd(a, aOff, ais, aps, b, bOff, ldb, c,
                cOff, ldc, rowFrom, rowTo, k, m, accumulate, other);
        checkSmallShapes(kernel);
        checkLargeShapes(kernel);
    }

    @Test
    void plainKernelMatchesDefinitionOnLargeShapes() {
        checkLargeShapes(PlainProducts::multiplyAdd);
    }

    @Test
    void vectorKernelMatchesDefinitionOnLargeShapes() {
        assumeTrue(vectorModuleLoaded(), "run with --add-modules jdk.incubator.vector");
        checkLargeShapes(VectorProducts::multiplyAdd);
    }

    @Test
    void vectorApiIsUsedWhenLoaded() {
        assertEquals(vectorModuleLoaded(), ArrayProducts.usesVectorApi());
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        // The second shape has n k m = 8.4 million, at least MIN_SPLIT_WORK, so threads split it.
        int[][] shapes = {{61, 150, 37}, {131, 256, 251}};
        RandomSource rng = new RandomSource(5);
        for (int[] shape : shapes) {
            int n = shape[0];
            int k = shape[1];
            int m = shape[2];
            double[] a = random(n * k, rng);
            double[] at = random(k * n, rng);
            double[] b = random(k * m, rng);
            double[] start = random(n * m, rng);
            double[] expected = start.clone();
            double[] expectedTrans = start.clone();
            reference(a, 0, k, 1, b, 0, m, expected, 0, m, n, k, m);
            reference(at, 0, 1, n, b, 0, m, expectedTrans, 0, m, n, k, m);

            for (int threads = 1; threads <= 3; threads++) {
                WorkerPool pool = WorkerPool.shared(threads);
                double[] c = start.clone();
                double[] cTrans = start.clone();

                ArrayProducts.multiplyAdd(pool, a, 0, k, b, 0, m, c, 0, m, n, k, m);
                ArrayProducts.multiplyTransAAdd(pool, at, 0, n, b, 0, m, cTrans, 0, m, n, k, m);

                String where = n + " x " + k + " x " + m + " on " + threads + " threads";
                assertArrayEquals(expected, c, "C += A B, " + where);
                assertArrayEquals(expectedTrans, cTrans, "C += A^T B, " + where);
            }
        }
    }

    @Test
    void smallWorkRunsOnTheCallingThreadOnly() {
        WorkerPool pool = WorkerPool.shared(2);
        long limit = WorkerPool.MIN_SPLIT_WORK;

        assertSame(WorkerPool.SERIAL, pool.forWork(limit - 1));
        assertSame(pool, pool.forWork(limit));
        assertEquals(Set.of(Thread.currentThread().getName()),
                threadsRunning(pool.forWork(limit - 1)));
        assertEquals(2, threadsRunning(pool.forWork(limit)).size());
    }

    /** Names of the threads that run a loop of 100 indices on {@code pool}. */
    private static Set<String> threadsRunning(WorkerPool pool) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        pool.forRanges(100, 4, (from, to) -> names.add(Thread.currentThread().getName()));
        return names;
    }

    @Test
    void poolCoversEveryIndexOnce() {
        for (int threads = 1; threads <= 3; threads++) {
            for (int n : new int[] {0, 1, 3, 4, 5, 17, 100}) {
                AtomicIntegerArray visits = new AtomicIntegerArray(n);
                WorkerPool.shared(threads).forRanges(n, 4, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        visits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, visits.get(i), "index " + i + " of " + n + " on " + threads
                            + " threads");
                }
            }
        }
    }

    @Test
    void poolPassesOnAnExceptionOfAPart() {
        WorkerPool pool = WorkerPool.shared(2);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> pool.forRanges(100, 1, (from, to) -> {
                    if (from > 0) {
                        throw new IllegalStateException("part from " + from);
                    }
                }));

        assertEquals("part from 50", thrown.getMessage());
    }

    @Test
    void poolRejectsInvalidSizes() {
        WorkerPool pool = WorkerPool.shared(2);

        assertThrows(IllegalArgumentException.class, () -> WorkerPool.shared(0));
        assertThrows(IllegalArgumentException.class, () -> pool.forRanges(-1, 1, (f, t) -> { }));
        assertThrows(IllegalArgumentException.class, () -> pool.forRanges(10, 0, (f, t) -> { }));
    }

    @Test
    void allFiniteFindsEveryNonFiniteValue() {
        double[] a = random(101, new RandomSource(8));
        a[100] = 1e308;
        assertTrue(UpdateKernels.allFinite(a, 0, a.length));
        assertTrue(UpdateKernels.allFinitePlain(a, 0, a.length));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            // In the vector body, in the scalar tail, and just outside the range.
            for (int index : new int[] {0, 37, 96, 100}) {
                double[] b = a.clone();
                b[index] = bad;
                assertFalse(UpdateKernels.allFinite(b, 0, b.length), bad + " at " + index);
                assertFalse(UpdateKernels.allFinitePlain(b, 0, b.length), bad + " at " + index);
                assertTrue(UpdateKernels.allFinite(b, index + 1, b.length), bad + " before");
            }
        }
    }

    @Test
    void clipAndAdagradMatchesClipThenStep() {
        RandomSource rng = new RandomSource(6);
        for (int size : new int[] {1, 7, 8, 9, 33, 1000}) {
            Parameter expected = new Parameter("p", size, 1);
            Initializers.uniform(expected.value(), -1.0, 1.0, rng);
            Initializers.uniform(expected.grad(), -8.0, 8.0, rng);
            Parameter actual = new Parameter("p", size, 1);
            System.arraycopy(expected.value(), 0, actual.value(), 0, size);
            System.arraycopy(expected.grad(), 0, actual.grad(), 0, size);
            Adagrad adagrad = new Adagrad(0.01);
            double[] memory = new double[size];
            Initializers.uniform(memory, 0.0, 2.0, rng);
            System.arraycopy(memory, 0, adagrad.memory(expected), 0, size);

            GradientClipping.clipElementwise(expected.grad(), 5.0);
            adagrad.step(expected);
            UpdateKernels.clipAndAdagrad(actual.value(), actual.grad(), memory, 0, size, 5.0,
                    0.01, adagrad.eps());

            assertArrayEquals(expected.grad(), actual.grad(), 0.0, "clipped gradient, " + size);
            assertArrayEquals(adagrad.memory(expected), memory, 0.0, "memory, " + size);
            assertArrayEquals(expected.value(), actual.value(), 0.0, "value, " + size);
        }
    }

    private static void checkSmallShapes(Kernel kernel) {
        RandomSource rng = new RandomSource(3);
        for (int n = 1; n <= 9; n++) {
            for (int k = 1; k <= 9; k++) {
                for (int m = 1; m <= 9; m++) {
                    checkShape(kernel, n, k, m, rng);
                }
            }
        }
        // Wider than two vector panels, so that the 2W and W column panels both run.
        for (int m : new int[] {16, 17, 24, 31, 33}) {
            checkShape(kernel, 6, 5, m, rng);
        }
    }

    private static void checkLargeShapes(Kernel kernel) {
        RandomSource rng = new RandomSource(4);
        for (int[] shape : LARGE_SHAPES) {
            checkShape(kernel, shape[0], shape[1], shape[2], rng);
        }
    }

    /**
     * Checks C += A B and C += A^T B on one shape, with offsets and padded row strides, and
     * the overwriting C = A B and C = A^T B, which must not read C's old values.
     */
    private static void checkShape(Kernel kernel, int n, int k, int m, RandomSource rng) {
        int aOff = 3;
        int bOff = 2;
        int cOff = 1;
        int lda = k + 2;
        int ldaTrans = n + 1;
        int ldb = m + 3;
        int ldc = m + 1;
        double[] a = random(aOff + n * lda, rng);
        double[] at = random(aOff + k * ldaTrans, rng);
        double[] b = random(bOff + k * ldb, rng);
        double[] start = random(cOff + n * ldc, rng);
        double[] zeroRows = start.clone();
        for (int i = 0; i < n; i++) {
            Arrays.fill(zeroRows, cOff + i * ldc, cOff + i * ldc + m, 0.0);
        }
        String shape = n + "x" + k + " by " + k + "x" + m;

        for (boolean accumulate : new boolean[] {true, false}) {
            double[] expected = (accumulate ? start : zeroRows).clone();
            double[] actual = start.clone();
            reference(a, aOff, lda, 1, b, bOff, ldb, expected, cOff, ldc, n, k, m);
            kernel.run(a, aOff, lda, 1, b, bOff, ldb, actual, cOff, ldc, 0, n, k, m, accumulate);
            assertArrayEquals(expected, actual, (accumulate ? "C += A B, " : "C = A B, ") + shape);

            expected = (accumulate ? start : zeroRows).clone();
            actual = start.clone();
            reference(at, aOff, 1, ldaTrans, b, bOff, ldb, expected, cOff, ldc, n, k, m);
            kernel.run(at, aOff, 1, ldaTrans, b, bOff, ldb, actual, cOff, ldc, 0, n, k, m,
                    accumulate);
            assertArrayEquals(expected, actual,
                    (accumulate ? "C += A^T B, " : "C = A^T B, ") + shape);

            // Neither stride of A is 1: every other row and every other column of a larger A.
            double[] aWide = random(aOff + 2 * n * lda, rng);
            expected = (accumulate ? start : zeroRows).clone();
            actual = start.clone();
            reference(aWide, aOff, 2 * lda, 2, b, bOff, ldb, expected, cOff, ldc, n, k / 2, m);
            kernel.run(aWide, aOff, 2 * lda, 2, b, bOff, ldb, actual, cOff, ldc, 0, n, k / 2, m,
                    accumulate);
            assertArrayEquals(expected, actual,
                    (accumulate ? "C += A B, strided A, " : "C = A B, strided A, ") + shape);
        }
    }

    private static boolean vectorModuleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static double[] random(int length, RandomSource rng) {
        double[] values = new double[length];
        Initializers.uniform(values, -2.0, 2.0, rng);
        return values;
    }
}
