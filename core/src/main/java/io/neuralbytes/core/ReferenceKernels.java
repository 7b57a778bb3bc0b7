package io.neuralbytes.core;

/**
 * Plain matrix products written straight from the definition
 * C(i, j) = sum_p A(i, p) B(p, j), one element at a time, each term added with one fused
 * multiply-add in ascending p, as the fast kernels do. They are slow on purpose: they are
 * the yardstick the tests hold {@link MatrixKernels} against. Same arguments and shapes as
 * there; {@code c} is written, never accumulated into.
 */
final class ReferenceKernels {

    private ReferenceKernels() {
    }

    /** C = A B, with A n x k, B k x m, C n x m. */
    static void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], b[p * m + j], sum);
                }
                c[i * m + j] = sum;
            }
        }
    }

    /** C = A^T B, with A k x n, B k x m, C n x m: A^T(i, p) is A(p, i). */
    static void multiplyTransA(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[p * n + i], b[p * m + j], sum);
                }
                c[i * m + j] = sum;
            }
        }
    }

    /** C = A B^T, with A n x k, B m x k, C n x m: B^T(p, j) is B(j, p). */
    static void multiplyTransB(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], b[j * k + p], sum);
                }
                c[i * m + j] = sum;
            }
        }
    }
}
