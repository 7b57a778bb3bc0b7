package io.neuralbytes.core;

import java.util.Arrays;

/**
 * The fast matrix-product kernels behind {@link Matrix#multiply(Matrix, Matrix, Matrix)} and its
 * transposed forms. They work on flat row-major arrays, write every element of {@code c}
 * (never accumulate into it), allocate nothing, and trust their caller: {@link Matrix} has
 * already checked the shapes and that {@code c} shares no array with {@code a} or {@code b}.
 *
 * <p>Each kernel has a plain counterpart in {@link ReferenceKernels}, and the tests check that
 * the two agree on every shape from 1 to 4 in each dimension. Changes for speed belong here,
 * and only here.
 */
final class MatrixKernels {

    private MatrixKernels() {
    }

    /**
     * C = A B, with A n x k, B k x m, C n x m. Loop order i-k-j, so the innermost loop walks a
     * row of B and a row of C contiguously.
     */
    static void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int cRow = i * m;
            Arrays.fill(c, cRow, cRow + m, 0.0);
            int aRow = i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[aRow + p];
                int bRow = p * m;
                for (int j = 0; j < m; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /**
     * C = A^T B, with A k x n, B k x m, C n x m. Loop order p-i-j: each row p of A and B adds
     * the outer product of those rows into C, and the innermost loop is contiguous.
     */
    static void multiplyTransA(double[] a, double[] b, double[] c, int n, int k, int m) {
        Arrays.fill(c, 0, n * m, 0.0);
        for (int p = 0; p < k; p++) {
            int aRow = p * n;
            int bRow = p * m;
            for (int i = 0; i < n; i++) {
                double api = a[aRow + i];
                int cRow = i * m;
                for (int j = 0; j < m; j++) {
                    c[cRow + j] += api * b[bRow + j];
                }
            }
        }
    }

    /**
     * C = A B^T, with A n x k, B m x k, C n x m. Each element is the dot product of a row of A
     * and a row of B, both contiguous.
     */
    static void multiplyTransB(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int aRow = i * k;
            for (int j = 0; j < m; j++) {
                int bRow = j * k;
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[aRow + p] * b[bRow + p];
                }
                c[i * m + j] = sum;
            }
        }
    }
}
