package io.neuralbytes.core;

import java.util.Arrays;

/**
 * The plain Java kernel behind {@link ArrayProducts}: C(i, j) = fma(A(i, p), B(p, j), C(i, j))
 * in loop order i-p-j, so the innermost loop walks a row of B and a row of C, and the JIT can
 * turn it into vector instructions without changing the order of any element's additions.
 */
final class PlainProducts {

    private PlainProducts() {
    }

    /** Arguments as {@code ArrayProducts.multiplyAdd} with strides: A(i, p) is a[aOff + i ais + p aps]. */
    static void multiplyAdd(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int rowFrom, int rowTo, int k, int m,
            boolean accumulate) {
        for (int i = rowFrom; i < rowTo; i++) {
            int cRow = cOff + i * ldc;
            if (!accumulate) {
                Arrays.fill(c, cRow, cRow + m, 0.0);
            }
            int aRow = aOff + i * ais;
            int p = 0;
            // Four terms per pass over the row: still added one after the other, in order.
            for (; p + 4 <= k; p += 4) {
                double a0 = a[aRow + p * aps];
                double a1 = a[aRow + (p + 1) * aps];
                double a2 = a[aRow + (p + 2) * aps];
                double a3 = a[aRow + (p + 3) * aps];
                int b0 = bOff + p * ldb;
                int b1 = b0 + ldb;
                int b2 = b1 + ldb;
                int b3 = b2 + ldb;
                for (int j = 0; j < m; j++) {
                    double sum = c[cRow + j];
                    sum = Math.fma(a0, b[b0 + j], sum);
                    sum = Math.fma(a1, b[b1 + j], sum);
                    sum = Math.fma(a2, b[b2 + j], sum);
                    sum = Math.fma(a3, b[b3 + j], sum);
                    c[cRow + j] = sum;
                }
            }
            for (; p < k; p++) {
                double ap = a[aRow + p * aps];
                int bRow = bOff + p * ldb;
                for (int j = 0; j < m; j++) {
                    c[cRow + j] = Math.fma(ap, b[bRow + j], c[cRow + j]);
                }
            }
        }
    }
}
