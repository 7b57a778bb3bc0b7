package io.neuralbytes.core;

/**
 * The matrix-product kernels behind {@link Matrix#multiply(Matrix, Matrix, Matrix)} and its
 * transposed forms. They work on flat row-major arrays, write every element of {@code c}
 * (never accumulate into it), and trust their caller: {@link Matrix} has already checked the
 * shapes and that {@code c} shares no array with {@code a} or {@code b}.
 *
 * <p>They hand the work to {@link ArrayProducts}, which adds the terms of each
 * element in ascending p like the plain definition in {@link ReferenceKernels}; the tests check
 * that the two agree to the bit on every shape from 1 to 4 in each dimension and on larger
 * ones.
 */
final class MatrixKernels {

    /** Per thread, the B^T buffer of {@link #multiplyTransB}; grown, never shrunk. */
    private static final ThreadLocal<double[]> TRANSPOSE_BUFFER =
            ThreadLocal.withInitial(() -> new double[0]);

    private MatrixKernels() {
    }

    /** C = A B, with A n x k, B k x m, C n x m. */
    static void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        ArrayProducts.multiply(WorkerPool.SERIAL, a, 0, k, b, 0, m, c, 0, m, n, k, m);
    }

    /** C = A^T B, with A k x n, B k x m, C n x m. */
    static void multiplyTransA(double[] a, double[] b, double[] c, int n, int k, int m) {
        ArrayProducts.multiplyTransA(WorkerPool.SERIAL, a, 0, n, b, 0, m, c, 0, m, n, k, m);
    }

    /**
     * C = A B^T, with A n x k, B m x k, C n x m. B is first transposed into a per-thread buffer
     * (k m values), so that the product runs along rows like the other two.
     */
    static void multiplyTransB(double[] a, double[] b, double[] c, int n, int k, int m) {
        double[] bt = TRANSPOSE_BUFFER.get();
        if (bt.length < k * m) {
            bt = new double[k * m];
            TRANSPOSE_BUFFER.set(bt);
        }
        for (int j = 0; j < m; j++) {
            int bRow = j * k;
            for (int p = 0; p < k; p++) {
                bt[p * m + j] = b[bRow + p];
            }
        }
        multiply(a, bt, c, n, k, m);
    }
}
