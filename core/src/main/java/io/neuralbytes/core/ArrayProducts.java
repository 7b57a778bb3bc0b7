package io.neuralbytes.core;

/**
 * Matrix products on flat row-major arrays, for model code that keeps its matrices in plain
 * {@code double[]} buffers. Each operand is given as an array, the offset of its element (0, 0)
 * and its row stride (the BLAS "leading dimension"), so a product can read or write a block of
 * a larger buffer: element (i, j) of A is {@code a[aOff + i * lda + j]}.
 *
 * <p>Every product accumulates into C: C(i, j) += sum_p A(i, p) B(p, j). The terms are added to
 * the old C(i, j) one at a time, in ascending p, each with one fused multiply-add, as the loop
 * {@code c[i][j] = Math.fma(a[i][p], b[p][j], c[i][j])} does. Every kernel behind this class,
 * and every thread count, gives results identical to the bit to that loop. They differ from
 * {@code c += a * b}, which rounds twice, by about one unit in the last place per term; fusing
 * doubles the arithmetic per instruction, which is where most of the speed comes from.
 *
 * <p>NOTE: fused multiply-add needs hardware support (x86-64 since 2013, ARMv8); on a processor
 * without it the JDK emulates it in software, which is very much slower.
 *
 * <p>Two kernels implement it. When the JDK's incubating Vector API is loaded (the JVM was
 * started with {@code --add-modules jdk.incubator.vector}), a register-blocked kernel keeps a
 * 4-row block of C in vector registers while it runs over p; it reaches several times the speed
 * of the plain loop. Otherwise a plain Java kernel runs, with the same results. The system
 * property {@code neuralbytes.plainKernels=true} forces the plain kernel.
 *
 * <p>The arrays of C must not overlap those of A or B; shapes and bounds are the caller's
 * responsibility (an index outside an array throws {@link ArrayIndexOutOfBoundsException}).
 * Only C is modified.
 */
public final class ArrayProducts {

    private static final boolean VECTOR = vectorApiLoaded()
            && !Boolean.getBoolean("neuralbytes.plainKernels");

    private ArrayProducts() {
    }

    private static boolean vectorApiLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Returns true when the Vector API kernel runs, false when the plain Java kernel runs. */
    public static boolean usesVectorApi() {
        return VECTOR;
    }

    /**
     * C += A B over all rows of C, with A n x k, B k x m, C n x m.
     *
     * @param a   A, read from {@code aOff} with row stride {@code lda}; not modified
     * @param b   B, read from {@code bOff} with row stride {@code ldb}; not modified
     * @param c   C, read and written from {@code cOff} with row stride {@code ldc}
     */
    public static void multiplyAdd(double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
            double[] c, int cOff, int ldc, int n, int k, int m) {
        multiplyAdd(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, 0, n, k, m, true);
    }

    /**
     * C += A B as {@link #multiplyAdd(double[], int, int, double[], int, int, double[], int, int,
     * int, int, int)}, with the rows of C split over the threads of {@code pool} when n k m is at least
     * {@link WorkerPool#MIN_SPLIT_WORK}.
     */
    public static void multiplyAdd(WorkerPool pool, double[] a, int aOff, int lda, double[] b,
            int bOff, int ldb, double[] c, int cOff, int ldc, int n, int k, int m) {
        pool.forWork((long) n * k * m).forRanges(n, 4, (from, to) ->
                multiplyAdd(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, from, to, k, m, true));
    }

    /**
     * C += A^T B without forming A^T, with A k x n (so A^T is n x k), B k x m, C n x m.
     *
     * @param a   A, k x n, read from {@code aOff} with row stride {@code lda}; not modified
     * @param b   B, read from {@code bOff} with row stride {@code ldb}; not modified
     * @param c   C, read and written from {@code cOff} with row stride {@code ldc}
     */
    public static void multiplyTransAAdd(double[] a, int aOff, int lda, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int n, int k, int m) {
        multiplyAdd(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, 0, n, k, m, true);
    }

    /**
     * C += A^T B as {@link #multiplyTransAAdd(double[], int, int, double[], int, int, double[],
     * int, int, int, int, int)}, with the rows of C split over the threads of {@code pool} when n k m is at least
     * {@link WorkerPool#MIN_SPLIT_WORK}.
     */
    public static void multiplyTransAAdd(WorkerPool pool, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double[] c, int cOff, int ldc, int n, int k, int m) {
        pool.forWork((long) n * k * m).forRanges(n, 4, (from, to) ->
                multiplyAdd(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, from, to, k, m, true));
    }

    /**
     * C = A B, overwriting C without reading it (as if C were zeroed, then C += A B), with
     * A n x k, B k x m, C n x m; the rows of C are split over the threads of {@code pool} when n k m is at least
     * {@link WorkerPool#MIN_SPLIT_WORK}.
     */
    public static void multiply(WorkerPool pool, double[] a, int aOff, int lda, double[] b,
            int bOff, int ldb, double[] c, int cOff, int ldc, int n, int k, int m) {
        pool.forWork((long) n * k * m).forRanges(n, 4, (from, to) ->
                multiplyAdd(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, from, to, k, m, false));
    }

    /**
     * C = A^T B, overwriting C without reading it, with A k x n, B k x m, C n x m; the rows of
     * C are split over the threads of {@code pool} when n k m is at least
     * {@link WorkerPool#MIN_SPLIT_WORK}.
     */
    public static void multiplyTransA(WorkerPool pool, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double[] c, int cOff, int ldc, int n, int k, int m) {
        pool.forWork((long) n * k * m).forRanges(n, 4, (from, to) ->
                multiplyAdd(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, from, to, k, m, false));
    }

    /**
     * The one entry all products share: A(i, p) is {@code a[aOff + i * ais + p * aps]}, so the
     * strides (lda, 1) read A and (1, lda) read A^T. Rows [rowFrom, rowTo) of C are updated.
     * Without {@code accumulate}, each element starts from +0.0 instead of its old value.
     */
    static void multiplyAdd(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int rowFrom, int rowTo, int k, int m,
            boolean accumulate) {
        if (VECTOR) {
            VectorProducts.multiplyAdd(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc,
                    rowFrom, rowTo, k, m, accumulate);
        } else {
            PlainProducts.multiplyAdd(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc,
                    rowFrom, rowTo, k, m, accumulate);
        }
    }
}
