package io.neuralbytes.core;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel behind {@link ArrayProducts}. Only loaded when the module
 * {@code jdk.incubator.vector} is present.
 *
 * <p>C is cut into panels of 2W columns (W doubles per vector, 8 with AVX-512, 4 with AVX2).
 * The micro-kernel holds a 4 x 2W block of C in eight vector registers and, for each p, adds
 * A(i, p) B(p, j..j+2W) to it: one broadcast per row, two loads of B and eight fused
 * multiply-adds, with no load or store of C inside the loop. Each lane is one element of C, so
 * its terms are still added one at a time in ascending p. Columns left over after the last full
 * vector are done by a scalar loop with {@link Math#fma}, in the same order.
 *
 * <p>Where eight rows remain, an 8 x 2W block with sixteen accumulators runs instead (about
 * 10% faster here). Rows left over after the 4-row blocks go through {@link #row}, which keeps up
 * to sixteen vectors of one row in registers instead. So does a product of fewer than four rows
 * (a recurrence's matrix-vector product, h W), over all p at once: with no other row to share
 * a panel of B, blocking p would only store and reload C.
 *
 * <p>Loops are blocked for the caches: {@link #KC} values of p at a time (ascending, so the
 * order of additions is kept), and {@link #MC} rows of C at a time, so that a KC x 2W panel of
 * B stays in the first-level cache while the rows of the block pass over it.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int W = S.length();
    private static final int KC = 256;
    private static final int MC = 64;

    private VectorProducts() {
    }

    /**
     * Arguments as {@code ArrayProducts.multiplyAdd} with strides: A(i, p) is
     * a[aOff + i ais + p aps]. Without {@code accumulate}, C's old values are not read: each
     * element starts from +0.0, exactly as if C had been zeroed first.
     */
    static void multiplyAdd(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int rowFrom, int rowTo, int k, int m,
            boolean accumulate) {
        if (k == 0) {
            if (!accumulate) {
                for (int i = rowFrom; i < rowTo; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + m, 0.0);
                }
            }
            return;
        }
        if (rowTo - rowFrom < 4) {
            // No rows to share a panel of B: each row runs over all p at once.
            for (int i = rowFrom; i < rowTo; i++) {
                row(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, m, 0, k, accumulate);
            }
            return;
        }
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            // C is read only when accumulating, or after the first block of terms.
            boolean load = accumulate || p0 > 0;
            for (int i0 = rowFrom; i0 < rowTo; i0 += MC) {
                int i1 = Math.min(rowTo, i0 + MC);
                int i4 = i0 + (i1 - i0) / 4 * 4;
                int j = 0;
                for (; j + 2 * W <= m; j += 2 * W) {
                    int i = i0;
                    for (; i + 8 <= i4; i += 8) {
                        block8x2(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
                    }
                    for (; i < i4; i += 4) {
                        block4x2(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
                    }
                }
                for (; j + W <= m; j += W) {
                    for (int i = i0; i < i4; i += 4) {
                        block4x1(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
                    }
                }
                if (j < m) {
                    columnTail(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i0, i4, j, m,
                            p0, p1, load);
                }
                for (int i = i4; i < i1; i++) {
                    row(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, m, p0, p1, load);
                }
            }
        }
    }

    /**
     * One row i of C, left over after the 4-row blocks or in a product of fewer than four rows
     * (a matrix-vector product, as in a recurrence). Sixteen vectors of C at a time, then
     * eight. A single row has no other rows to interleave, so many independent sums are what
     * keep the adder busy. With sixteen, a row of B of up to 16W values is also read in one
     * stretch, which the hardware prefetcher follows better than two half rows.
     */
    private static void row(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int m, int p0, int p1, boolean load) {
        int j = 0;
        for (; j + 16 * W <= m; j += 16 * W) {
            block1x16(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
        }
        for (; j + 8 * W <= m; j += 8 * W) {
            block1x8(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
        }
        for (; j + 2 * W <= m; j += 2 * W) {
            block1x2(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
        }
        for (; j + W <= m; j += W) {
            block1x1(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, j, p0, p1, load);
        }
        if (j < m) {
            columnTail(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i, i + 1, j, m, p0, p1,
                    load);
        }
    }

    /** Row i, columns j..j+16W of C, terms p0..p1. */
    private static void block1x16(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int c0 = cOff + i * ldc + j;
        DoubleVector c0v = start(c, c0, load);
        DoubleVector c1v = start(c, c0 + W, load);
        DoubleVector c2v = start(c, c0 + 2 * W, load);
        DoubleVector c3v = start(c, c0 + 3 * W, load);
        DoubleVector c4v = start(c, c0 + 4 * W, load);
        DoubleVector c5v = start(c, c0 + 5 * W, load);
        DoubleVector c6v = start(c, c0 + 6 * W, load);
        DoubleVector c7v = start(c, c0 + 7 * W, load);
        DoubleVector c8v = start(c, c0 + 8 * W, load);
        DoubleVector c9v = start(c, c0 + 9 * W, load);
        DoubleVector c10v = start(c, c0 + 10 * W, load);
        DoubleVector c11v = start(c, c0 + 11 * W, load);
        DoubleVector c12v = start(c, c0 + 12 * W, load);
        DoubleVector c13v = start(c, c0 + 13 * W, load);
        DoubleVector c14v = start(c, c0 + 14 * W, load);
        DoubleVector c15v = start(c, c0 + 15 * W, load);
        int a0 = aOff + i * ais;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * ldb + j;
            DoubleVector w = DoubleVector.broadcast(S, a[a0 + p * aps]);
            c0v = w.fma(DoubleVector.fromArray(S, b, bp), c0v);
            c1v = w.fma(DoubleVector.fromArray(S, b, bp + W), c1v);
            c2v = w.fma(DoubleVector.fromArray(S, b, bp + 2 * W), c2v);
            c3v = w.fma(DoubleVector.fromArray(S, b, bp + 3 * W), c3v);
            c4v = w.fma(DoubleVector.fromArray(S, b, bp + 4 * W), c4v);
            c5v = w.fma(DoubleVector.fromArray(S, b, bp + 5 * W), c5v);
            c6v = w.fma(DoubleVector.fromArray(S, b, bp + 6 * W), c6v);
            c7v = w.fma(DoubleVector.fromArray(S, b, bp + 7 * W), c7v);
            c8v = w.fma(DoubleVector.fromArray(S, b, bp + 8 * W), c8v);
            c9v = w.fma(DoubleVector.fromArray(S, b, bp + 9 * W), c9v);
            c10v = w.fma(DoubleVector.fromArray(S, b, bp + 10 * W), c10v);
            c11v = w.fma(DoubleVector.fromArray(S, b, bp + 11 * W), c11v);
            c12v = w.fma(DoubleVector.fromArray(S, b, bp + 12 * W), c12v);
            c13v = w.fma(DoubleVector.fromArray(S, b, bp + 13 * W), c13v);
            c14v = w.fma(DoubleVector.fromArray(S, b, bp + 14 * W), c14v);
            c15v = w.fma(DoubleVector.fromArray(S, b, bp + 15 * W), c15v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + W);
        c2v.intoArray(c, c0 + 2 * W);
        c3v.intoArray(c, c0 + 3 * W);
        c4v.intoArray(c, c0 + 4 * W);
        c5v.intoArray(c, c0 + 5 * W);
        c6v.intoArray(c, c0 + 6 * W);
        c7v.intoArray(c, c0 + 7 * W);
        c8v.intoArray(c, c0 + 8 * W);
        c9v.intoArray(c, c0 + 9 * W);
        c10v.intoArray(c, c0 + 10 * W);
        c11v.intoArray(c, c0 + 11 * W);
        c12v.intoArray(c, c0 + 12 * W);
        c13v.intoArray(c, c0 + 13 * W);
        c14v.intoArray(c, c0 + 14 * W);
        c15v.intoArray(c, c0 + 15 * W);
    }

    /** Row i, columns j..j+8W of C, terms p0..p1. */
    private static void block1x8(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int c0 = cOff + i * ldc + j;
        DoubleVector c0v = start(c, c0, load);
        DoubleVector c1v = start(c, c0 + W, load);
        DoubleVector c2v = start(c, c0 + 2 * W, load);
        DoubleVector c3v = start(c, c0 + 3 * W, load);
        DoubleVector c4v = start(c, c0 + 4 * W, load);
        DoubleVector c5v = start(c, c0 + 5 * W, load);
        DoubleVector c6v = start(c, c0 + 6 * W, load);
        DoubleVector c7v = start(c, c0 + 7 * W, load);
        int a0 = aOff + i * ais;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * ldb + j;
            DoubleVector w = DoubleVector.broadcast(S, a[a0 + p * aps]);
            c0v = w.fma(DoubleVector.fromArray(S, b, bp), c0v);
            c1v = w.fma(DoubleVector.fromArray(S, b, bp + W), c1v);
            c2v = w.fma(DoubleVector.fromArray(S, b, bp + 2 * W), c2v);
            c3v = w.fma(DoubleVector.fromArray(S, b, bp + 3 * W), c3v);
            c4v = w.fma(DoubleVector.fromArray(S, b, bp + 4 * W), c4v);
            c5v = w.fma(DoubleVector.fromArray(S, b, bp + 5 * W), c5v);
            c6v = w.fma(DoubleVector.fromArray(S, b, bp + 6 * W), c6v);
            c7v = w.fma(DoubleVector.fromArray(S, b, bp + 7 * W), c7v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + W);
        c2v.intoArray(c, c0 + 2 * W);
        c3v.intoArray(c, c0 + 3 * W);
        c4v.intoArray(c, c0 + 4 * W);
        c5v.intoArray(c, c0 + 5 * W);
        c6v.intoArray(c, c0 + 6 * W);
        c7v.intoArray(c, c0 + 7 * W);
    }

    /** Returns the W elements of C at offset, or W zeros (+0.0) when C is not to be read. */
    private static DoubleVector start(double[] c, int offset, boolean load) {
        return load ? DoubleVector.fromArray(S, c, offset) : DoubleVector.zero(S);
    }

    /**
     * Rows i..i+7, columns j..j+2W of C, terms p0..p1: sixteen accumulators, twice the
     * four-row block's, so that each fused multiply-add has more independent work around it.
     */
    private static void block8x2(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int r0 = cOff + i * ldc + j;
        DoubleVector c00 = start(c, r0 + 0 * ldc, load);
        DoubleVector c01 = start(c, r0 + 0 * ldc + W, load);
        DoubleVector c10 = start(c, r0 + 1 * ldc, load);
        DoubleVector c11 = start(c, r0 + 1 * ldc + W, load);
        DoubleVector c20 = start(c, r0 + 2 * ldc, load);
        DoubleVector c21 = start(c, r0 + 2 * ldc + W, load);
        DoubleVector c30 = start(c, r0 + 3 * ldc, load);
        DoubleVector c31 = start(c, r0 + 3 * ldc + W, load);
        DoubleVector c40 = start(c, r0 + 4 * ldc, load);
        DoubleVector c41 = start(c, r0 + 4 * ldc + W, load);
        DoubleVector c50 = start(c, r0 + 5 * ldc, load);
        DoubleVector c51 = start(c, r0 + 5 * ldc + W, load);
        DoubleVector c60 = start(c, r0 + 6 * ldc, load);
        DoubleVector c61 = start(c, r0 + 6 * ldc + W, load);
        DoubleVector c70 = start(c, r0 + 7 * ldc, load);
        DoubleVector c71 = start(c, r0 + 7 * ldc + W, load);
        int a0 = aOff + i * ais;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * ldb + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + W);
            int ap = a0 + p * aps;
            DoubleVector w;
            w = DoubleVector.broadcast(S, a[ap + 0 * ais]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(S, a[ap + 1 * ais]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(S, a[ap + 2 * ais]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(S, a[ap + 3 * ais]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            w = DoubleVector.broadcast(S, a[ap + 4 * ais]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            w = DoubleVector.broadcast(S, a[ap + 5 * ais]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            w = DoubleVector.broadcast(S, a[ap + 6 * ais]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            w = DoubleVector.broadcast(S, a[ap + 7 * ais]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
        }
        c00.intoArray(c, r0 + 0 * ldc);
        c01.intoArray(c, r0 + 0 * ldc + W);
        c10.intoArray(c, r0 + 1 * ldc);
        c11.intoArray(c, r0 + 1 * ldc + W);
        c20.intoArray(c, r0 + 2 * ldc);
        c21.intoArray(c, r0 + 2 * ldc + W);
        c30.intoArray(c, r0 + 3 * ldc);
        c31.intoArray(c, r0 + 3 * ldc + W);
        c40.intoArray(c, r0 + 4 * ldc);
        c41.intoArray(c, r0 + 4 * ldc + W);
        c50.intoArray(c, r0 + 5 * ldc);
        c51.intoArray(c, r0 + 5 * ldc + W);
        c60.intoArray(c, r0 + 6 * ldc);
        c61.intoArray(c, r0 + 6 * ldc + W);
        c70.intoArray(c, r0 + 7 * ldc);
        c71.intoArray(c, r0 + 7 * ldc + W);
    }

    /** Rows i..i+3, columns j..j+2W of C, terms p0..p1. */
    private static void block4x2(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int c0 = cOff + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c10 = start(c, c1, load);
        DoubleVector c11 = start(c, c1 + W, load);
        DoubleVector c20 = start(c, c2, load);
        DoubleVector c21 = start(c, c2 + W, load);
        DoubleVector c30 = start(c, c3, load);
        DoubleVector c31 = start(c, c3 + W, load);
        int a0 = aOff + i * ais;
        int a1 = a0 + ais;
        int a2 = a1 + ais;
        int a3 = a2 + ais;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * ldb + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + W);
            int ap = p * aps;
            DoubleVector w = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + W);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + W);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + W);
    }

    /** Rows i..i+3, columns j..j+W of C, terms p0..p1. */
    private static void block4x1(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int c0 = cOff + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c10 = start(c, c1, load);
        DoubleVector c20 = start(c, c2, load);
        DoubleVector c30 = start(c, c3, load);
        int a0 = aOff + i * ais;
        int a1 = a0 + ais;
        int a2 = a1 + ais;
        int a3 = a2 + ais;
        for (int p = p0; p < p1; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bOff + p * ldb + j);
            int ap = p * aps;
            c00 = DoubleVector.broadcast(S, a[a0 + ap]).fma(b0, c00);
            c10 = DoubleVector.broadcast(S, a[a1 + ap]).fma(b0, c10);
            c20 = DoubleVector.broadcast(S, a[a2 + ap]).fma(b0, c20);
            c30 = DoubleVector.broadcast(S, a[a3 + ap]).fma(b0, c30);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c1);
        c20.intoArray(c, c2);
        c30.intoArray(c, c3);
    }

    /** Row i, columns j..j+2W of C, terms p0..p1. */
    private static void block1x2(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int c0 = cOff + i * ldc + j;
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        int a0 = aOff + i * ais;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * ldb + j;
            DoubleVector w = DoubleVector.broadcast(S, a[a0 + p * aps]);
            c00 = w.fma(DoubleVector.fromArray(S, b, bp), c00);
            c01 = w.fma(DoubleVector.fromArray(S, b, bp + W), c01);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
    }

    /** Row i, columns j..j+W of C, terms p0..p1. */
    private static void block1x1(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i, int j, int p0, int p1, boolean load) {
        int c0 = cOff + i * ldc + j;
        DoubleVector c00 = start(c, c0, load);
        int a0 = aOff + i * ais;
        for (int p = p0; p < p1; p++) {
            DoubleVector w = DoubleVector.broadcast(S, a[a0 + p * aps]);
            c00 = w.fma(DoubleVector.fromArray(S, b, bOff + p * ldb + j), c00);
        }
        c00.intoArray(c, c0);
    }

    /** Rows i0..i1, columns j0..m (fewer than W) of C, terms p0..p1, by a scalar loop. */
    private static void columnTail(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int i0, int i1, int j0, int m, int p0,
            int p1, boolean load) {
        for (int i = i0; i < i1; i++) {
            int cRow = cOff + i * ldc;
            if (!load) {
                Arrays.fill(c, cRow + j0, cRow + m, 0.0);
            }
            int aRow = aOff + i * ais;
            for (int p = p0; p < p1; p++) {
                double ap = a[aRow + p * aps];
                int bRow = bOff + p * ldb;
                for (int j = j0; j < m; j++) {
                    c[cRow + j] = Math.fma(ap, b[bRow + j], c[cRow + j]);
                }
            }
        }
    }
}
