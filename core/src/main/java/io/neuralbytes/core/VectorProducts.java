package io.neuralbytes.core;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel behind {@link ArrayProducts}. Only loaded when the module
 * {@code jdk.incubator.vector} is present.
 *
 * <p>C is cut into panels of 3W columns (W doubles per vector, 8 with AVX-512, 4 with AVX2).
 * The micro-kernel holds an 8 x 3W block of C in 24 vector registers and, for each p, adds
 * A(i, p) B(p, j..j+3W) to it: one broadcast per row, three loads of B and 24 fused
 * multiply-adds, with no load or store of C inside the loop. Each lane is one element of C, so
 * its terms are still added one at a time in ascending p. With 24 accumulators in place of 16,
 * each load of A or B feeds more multiply-adds (about 5% faster than 8 x 2W on the output
 * layer's shapes here).
 *
 * <p>A CPU with 16 vector registers rather than 32 (AVX2) has no room for 24 accumulators, so
 * there each 8-row block runs as two 4 x 3W blocks, 12 accumulators each, or, with A packed,
 * as 4 x 2W blocks in panels of 2W (see {@link #SIXTEEN_REGISTERS}).
 *
 * <p>The columns left after the 3W panels run 8 x 2W and 8 x W blocks. Four remaining vectors
 * make two 2W panels rather than a 3W and a W one. Four rows left over run 4 x 2W and 4 x W
 * blocks. Columns left over after the last full vector are done by a scalar loop with
 * {@link Math#fma}, in the same order.
 *
 * <p>The 8-row kernels read B from a packed copy of the panel (its 3W, 2W or W columns
 * contiguous for each p) and A either in place, when its rows are contiguous (A(i, p) at a[... + p]), or
 * from a packed copy with the eight rows interleaved. Every index then grows by a constant step
 * per p, whatever the strides of the caller's arrays. So the JIT can check the array bounds once
 * before the loop rather than at each load of every p, the likely reason why these
 * kernels run 15% to 20% faster on the output layer's shapes here. A packed panel of B serves
 * all the rows of a block, and packed rows of A every panel, so the copies cost a few percent.
 *
 * <p>Rows left over after the 4-row blocks go through {@link #row}, which keeps up to sixteen
 * vectors of one row in registers instead. So does a product of fewer than four rows (a
 * recurrence's matrix-vector product, h W), over all p at once: with no other row to share a
 * panel of B, blocking p would only store and reload C.
 *
 * <p>Loops are blocked for the caches: {@link #KC} values of p at a time (ascending, so the
 * order of additions is kept), and {@link #MC} rows of C at a time, so that a KC x 3W panel of
 * B stays in the first-level cache while the rows of the block pass over it.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int W = S.length();
    private static final int KC = 128;
    private static final int MC = 64;
    private static final int PACK_START = AlignedArrays.START;
    /**
     * Whether the CPU has 16 vector registers rather than 32, assumed when its vectors hold fewer
     * than 8 doubles (AVX2 has 16 registers of 4). An 8 x 3W block of C (24 accumulators) or an
     * 8 x 2W block (16, plus the broadcast and the loads of B) then does not fit, and the JIT
     * spills accumulators to memory at every p. So 8-row blocks run as two blocks of 4 x 3W or
     * 4 x 2W instead: on a 2-core AMD EPYC (Zen, AVX2), the output layer's product ran 2.2 times
     * as fast. There, a packed A also ran faster in 4 x 2W blocks than in 4 x 3W ones: a whole
     * training step of the char RNN, char LSTM or word RNN took 6% to 12% less time. The one-row
     * kernel keeps its 16 vectors, which were still 20% faster there than 8.
     */
    private static final boolean SIXTEEN_REGISTERS = W < 8;

    /** Per thread, the packed rows of A (MC x KC) and panel of B (KC x 3W). */
    private static final ThreadLocal<Packs> PACKS = ThreadLocal.withInitial(Packs::new);

    /** The two buffers of one thread, allocated at its first product. */
    private static final class Packs {
        final double[] a = new double[MC * KC];
        final double[] b = new double[PACK_START + KC * 3 * W];
    }

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
        multiplyAdd(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, rowFrom, rowTo, k, m,
                accumulate, SIXTEEN_REGISTERS);
    }

    /** Returns whether this CPU's products run the blocks for 16 vector registers. */
    static boolean sixteenRegisters() {
        return SIXTEEN_REGISTERS;
    }

    /**
     * As {@link #multiplyAdd(double[], int, int, int, double[], int, int, double[], int, int, int,
     * int, int, int, boolean)}, with the blocks for 16 vector registers or for 32 (see
     * {@link #SIXTEEN_REGISTERS}), so that tests run both on any CPU. Both give the same bits.
     */
    static void multiplyAdd(double[] a, int aOff, int ais, int aps, double[] b, int bOff,
            int ldb, double[] c, int cOff, int ldc, int rowFrom, int rowTo, int k, int m,
            boolean accumulate, boolean sixteenRegisters) {
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
        Packs packs = PACKS.get();
        // Rows of A stored contiguously (A(i, p) at a[... + p]) are read in place, others packed.
        boolean inPlace = aps == 1;
        // With 16 registers, a packed A runs faster in panels of 2W than of 3W.
        boolean threeVectorPanels = inPlace || !sixteenRegisters;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            int kc = p1 - p0;
            // C is read only when accumulating, or after the first block of terms.
            boolean load = accumulate || p0 > 0;
            for (int i0 = rowFrom; i0 < rowTo; i0 += MC) {
                int i1 = Math.min(rowTo, i0 + MC);
                int i8 = i0 + (i1 - i0) / 8 * 8;
                int i4 = i0 + (i1 - i0) / 4 * 4;
                if (!inPlace) {
                    for (int i = i0; i < i8; i += 8) {
                        packRows(a, aOff, ais, aps, i, p0, kc, packs.a, (i - i0) * kc);
                    }
                }
                int j = 0;
                // Panels of 3W while three vectors or more remain, except two panels of 2W for four.
                for (; threeVectorPanels && j + 3 * W <= m && m - j != 4 * W; j += 3 * W) {
                    packColumns(b, bOff, ldb, p0, kc, j, 3, packs.b);
                    for (int i = i0; i < i8; i += 8) {
                        int c0 = cOff + i * ldc + j;
                        if (inPlace) {
                            inPlace8Rows3(a, aOff + i * ais + p0, ais, packs.b, kc, c, c0, ldc,
                                    load, sixteenRegisters);
                        } else {
                            // Packed A runs 3W panels only with 32 registers.
                            packed8x3(packs.a, (i - i0) * kc, packs.b, kc, c, c0, ldc, load);
                        }
                    }
                    if (i8 < i4) {
                        block4x2(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i8, j, p0, p1,
                                load);
                        block4x1(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i8, j + 2 * W, p0,
                                p1, load);
                    }
                }
                for (; j + 2 * W <= m; j += 2 * W) {
                    packColumns(b, bOff, ldb, p0, kc, j, 2, packs.b);
                    for (int i = i0; i < i8; i += 8) {
                        int c0 = cOff + i * ldc + j;
                        if (inPlace) {
                            inPlace8Rows2(a, aOff + i * ais + p0, ais, packs.b, kc, c, c0, ldc,
                                    load, sixteenRegisters);
                        } else {
                            packed8Rows2(packs.a, (i - i0) * kc, packs.b, kc, c, c0, ldc, load,
                                    sixteenRegisters);
                        }
                    }
                    if (i8 < i4) {
                        block4x2(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i8, j, p0, p1,
                                load);
                    }
                }
                for (; j + W <= m; j += W) {
                    packColumns(b, bOff, ldb, p0, kc, j, 1, packs.b);
                    for (int i = i0; i < i8; i += 8) {
                        int c0 = cOff + i * ldc + j;
                        if (inPlace) {
                            inPlace8x1(a, aOff + i * ais + p0, ais, packs.b, kc, c, c0, ldc, load);
                        } else {
                            packed8x1(packs.a, (i - i0) * kc, packs.b, kc, c, c0, ldc, load);
                        }
                    }
                    if (i8 < i4) {
                        block4x1(a, aOff, ais, aps, b, bOff, ldb, c, cOff, ldc, i8, j, p0, p1,
                                load);
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
     * Copies A(i..i+7, p0..p0+kc-1) into {@code pack} from {@code base} with the eight rows
     * interleaved: A(i + r, p0 + q) goes to pack[base + 8 q + r]. When A is read transposed
     * (ais = 1), the eight values of one p are contiguous and copied as vectors.
     */
    private static void packRows(double[] a, int aOff, int ais, int aps, int i, int p0, int kc,
            double[] pack, int base) {
        int from = aOff + i * ais + p0 * aps;
        if (ais == 1) {
            for (int q = 0; q < kc; q++) {
                for (int r = 0; r < 8; r += W) {
                    DoubleVector.fromArray(S, a, from + q * aps + r)
                            .intoArray(pack, base + 8 * q + r);
                }
            }
        } else {
            for (int q = 0; q < kc; q++) {
                for (int r = 0; r < 8; r++) {
                    pack[base + 8 * q + r] = a[from + r * ais + q * aps];
                }
            }
        }
    }

    /**
     * Copies B(p0..p0+kc-1, j..j+vectors W-1) into {@code pack}, one row of the panel after
     * the other: B(p0 + q, j + x) goes to pack[q vectors W + x].
     */
    private static void packColumns(double[] b, int bOff, int ldb, int p0, int kc, int j,
            int vectors, double[] pack) {
        int width = vectors * W;
        for (int q = 0; q < kc; q++) {
            int from = bOff + (p0 + q) * ldb + j;
            for (int x = 0; x < width; x += W) {
                DoubleVector.fromArray(S, b, from + x).intoArray(pack, PACK_START + q * width + x);
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
     * Rows i..i+7, columns j..j+3W of C, with A read in place, as {@link #inPlace8x3} or, for
     * 16 vector registers, as two blocks of four rows.
     */
    private static void inPlace8Rows3(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load, boolean sixteenRegisters) {
        if (sixteenRegisters) {
            inPlace4x3(a, base, lda, bPack, kc, c, c0, ldc, load);
            inPlace4x3(a, base + 4 * lda, lda, bPack, kc, c, c0 + 4 * ldc, ldc, load);
        } else {
            inPlace8x3(a, base, lda, bPack, kc, c, c0, ldc, load);
        }
    }

    /** Rows i..i+7, columns j..j+2W of C, with A read in place, as {@link #inPlace8Rows3}. */
    private static void inPlace8Rows2(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load, boolean sixteenRegisters) {
        if (sixteenRegisters) {
            inPlace4x2(a, base, lda, bPack, kc, c, c0, ldc, load);
            inPlace4x2(a, base + 4 * lda, lda, bPack, kc, c, c0 + 4 * ldc, ldc, load);
        } else {
            inPlace8x2(a, base, lda, bPack, kc, c, c0, ldc, load);
        }
    }

    /** Rows i..i+7, columns j..j+2W of C, with A packed, as {@link #inPlace8Rows3}. */
    private static void packed8Rows2(double[] aPack, int base, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load, boolean sixteenRegisters) {
        if (sixteenRegisters) {
            packed4x2(aPack, base, bPack, kc, c, c0, ldc, load);
            packed4x2(aPack, base + 4, bPack, kc, c, c0 + 4 * ldc, ldc, load);
        } else {
            packed8x2(aPack, base, bPack, kc, c, c0, ldc, load);
        }
    }

    /**
     * Rows i..i+7, columns j..j+3W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A read in
     * place: A(i + r, p0 + q) at a[base + r lda + q], B(p0 + q, j + x) at bPack[q 3W + x].
     */
    private static void inPlace8x3(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c02 = start(c, c0 + 2 * W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c12 = start(c, c0 + ldc + 2 * W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c22 = start(c, c0 + 2 * ldc + 2 * W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        DoubleVector c32 = start(c, c0 + 3 * ldc + 2 * W, load);
        DoubleVector c40 = start(c, c0 + 4 * ldc, load);
        DoubleVector c41 = start(c, c0 + 4 * ldc + W, load);
        DoubleVector c42 = start(c, c0 + 4 * ldc + 2 * W, load);
        DoubleVector c50 = start(c, c0 + 5 * ldc, load);
        DoubleVector c51 = start(c, c0 + 5 * ldc + W, load);
        DoubleVector c52 = start(c, c0 + 5 * ldc + 2 * W, load);
        DoubleVector c60 = start(c, c0 + 6 * ldc, load);
        DoubleVector c61 = start(c, c0 + 6 * ldc + W, load);
        DoubleVector c62 = start(c, c0 + 6 * ldc + 2 * W, load);
        DoubleVector c70 = start(c, c0 + 7 * ldc, load);
        DoubleVector c71 = start(c, c0 + 7 * ldc + W, load);
        DoubleVector c72 = start(c, c0 + 7 * ldc + 2 * W, load);
        int a1 = base + lda;
        int a2 = base + 2 * lda;
        int a3 = base + 3 * lda;
        int a4 = base + 4 * lda;
        int a5 = base + 5 * lda;
        int a6 = base + 6 * lda;
        int a7 = base + 7 * lda;
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 3 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            DoubleVector b2 = DoubleVector.fromArray(S, bPack, bq + 2 * W);
            DoubleVector w;
            w = DoubleVector.broadcast(S, a[base + q]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            c02 = w.fma(b2, c02);
            w = DoubleVector.broadcast(S, a[a1 + q]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            c12 = w.fma(b2, c12);
            w = DoubleVector.broadcast(S, a[a2 + q]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            c22 = w.fma(b2, c22);
            w = DoubleVector.broadcast(S, a[a3 + q]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            c32 = w.fma(b2, c32);
            w = DoubleVector.broadcast(S, a[a4 + q]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            c42 = w.fma(b2, c42);
            w = DoubleVector.broadcast(S, a[a5 + q]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            c52 = w.fma(b2, c52);
            w = DoubleVector.broadcast(S, a[a6 + q]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            c62 = w.fma(b2, c62);
            w = DoubleVector.broadcast(S, a[a7 + q]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
            c72 = w.fma(b2, c72);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c02.intoArray(c, c0 + 2 * W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c12.intoArray(c, c0 + ldc + 2 * W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c22.intoArray(c, c0 + 2 * ldc + 2 * W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
        c32.intoArray(c, c0 + 3 * ldc + 2 * W);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + W);
        c42.intoArray(c, c0 + 4 * ldc + 2 * W);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + W);
        c52.intoArray(c, c0 + 5 * ldc + 2 * W);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + W);
        c62.intoArray(c, c0 + 6 * ldc + 2 * W);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + W);
        c72.intoArray(c, c0 + 7 * ldc + 2 * W);
    }

    /**
     * Rows i..i+7, columns j..j+3W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A packed:
     * A(i + r, p0 + q) at aPack[base + 8 q + r], B(p0 + q, j + x) at bPack[q 3W + x].
     */
    private static void packed8x3(double[] aPack, int base, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c02 = start(c, c0 + 2 * W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c12 = start(c, c0 + ldc + 2 * W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c22 = start(c, c0 + 2 * ldc + 2 * W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        DoubleVector c32 = start(c, c0 + 3 * ldc + 2 * W, load);
        DoubleVector c40 = start(c, c0 + 4 * ldc, load);
        DoubleVector c41 = start(c, c0 + 4 * ldc + W, load);
        DoubleVector c42 = start(c, c0 + 4 * ldc + 2 * W, load);
        DoubleVector c50 = start(c, c0 + 5 * ldc, load);
        DoubleVector c51 = start(c, c0 + 5 * ldc + W, load);
        DoubleVector c52 = start(c, c0 + 5 * ldc + 2 * W, load);
        DoubleVector c60 = start(c, c0 + 6 * ldc, load);
        DoubleVector c61 = start(c, c0 + 6 * ldc + W, load);
        DoubleVector c62 = start(c, c0 + 6 * ldc + 2 * W, load);
        DoubleVector c70 = start(c, c0 + 7 * ldc, load);
        DoubleVector c71 = start(c, c0 + 7 * ldc + W, load);
        DoubleVector c72 = start(c, c0 + 7 * ldc + 2 * W, load);
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 3 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            DoubleVector b2 = DoubleVector.fromArray(S, bPack, bq + 2 * W);
            int aq = base + 8 * q;
            DoubleVector w;
            w = DoubleVector.broadcast(S, aPack[aq]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            c02 = w.fma(b2, c02);
            w = DoubleVector.broadcast(S, aPack[aq + 1]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            c12 = w.fma(b2, c12);
            w = DoubleVector.broadcast(S, aPack[aq + 2]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            c22 = w.fma(b2, c22);
            w = DoubleVector.broadcast(S, aPack[aq + 3]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            c32 = w.fma(b2, c32);
            w = DoubleVector.broadcast(S, aPack[aq + 4]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            c42 = w.fma(b2, c42);
            w = DoubleVector.broadcast(S, aPack[aq + 5]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            c52 = w.fma(b2, c52);
            w = DoubleVector.broadcast(S, aPack[aq + 6]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            c62 = w.fma(b2, c62);
            w = DoubleVector.broadcast(S, aPack[aq + 7]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
            c72 = w.fma(b2, c72);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c02.intoArray(c, c0 + 2 * W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c12.intoArray(c, c0 + ldc + 2 * W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c22.intoArray(c, c0 + 2 * ldc + 2 * W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
        c32.intoArray(c, c0 + 3 * ldc + 2 * W);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + W);
        c42.intoArray(c, c0 + 4 * ldc + 2 * W);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + W);
        c52.intoArray(c, c0 + 5 * ldc + 2 * W);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + W);
        c62.intoArray(c, c0 + 6 * ldc + 2 * W);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + W);
        c72.intoArray(c, c0 + 7 * ldc + 2 * W);
    }

    /**
     * Rows i..i+7, columns j..j+2W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A read in
     * place: A(i + r, p0 + q) at a[base + r lda + q], B(p0 + q, j + x) at bPack[q 2W + x].
     */
    private static void inPlace8x2(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        DoubleVector c40 = start(c, c0 + 4 * ldc, load);
        DoubleVector c41 = start(c, c0 + 4 * ldc + W, load);
        DoubleVector c50 = start(c, c0 + 5 * ldc, load);
        DoubleVector c51 = start(c, c0 + 5 * ldc + W, load);
        DoubleVector c60 = start(c, c0 + 6 * ldc, load);
        DoubleVector c61 = start(c, c0 + 6 * ldc + W, load);
        DoubleVector c70 = start(c, c0 + 7 * ldc, load);
        DoubleVector c71 = start(c, c0 + 7 * ldc + W, load);
        int a1 = base + lda;
        int a2 = base + 2 * lda;
        int a3 = base + 3 * lda;
        int a4 = base + 4 * lda;
        int a5 = base + 5 * lda;
        int a6 = base + 6 * lda;
        int a7 = base + 7 * lda;
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 2 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            DoubleVector w;
            w = DoubleVector.broadcast(S, a[base + q]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(S, a[a1 + q]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(S, a[a2 + q]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(S, a[a3 + q]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            w = DoubleVector.broadcast(S, a[a4 + q]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            w = DoubleVector.broadcast(S, a[a5 + q]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            w = DoubleVector.broadcast(S, a[a6 + q]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            w = DoubleVector.broadcast(S, a[a7 + q]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + W);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + W);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + W);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + W);
    }

    /**
     * Rows i..i+7, columns j..j+2W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A packed:
     * A(i + r, p0 + q) at aPack[base + 8 q + r], B(p0 + q, j + x) at bPack[q 2W + x].
     */
    private static void packed8x2(double[] aPack, int base, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        DoubleVector c40 = start(c, c0 + 4 * ldc, load);
        DoubleVector c41 = start(c, c0 + 4 * ldc + W, load);
        DoubleVector c50 = start(c, c0 + 5 * ldc, load);
        DoubleVector c51 = start(c, c0 + 5 * ldc + W, load);
        DoubleVector c60 = start(c, c0 + 6 * ldc, load);
        DoubleVector c61 = start(c, c0 + 6 * ldc + W, load);
        DoubleVector c70 = start(c, c0 + 7 * ldc, load);
        DoubleVector c71 = start(c, c0 + 7 * ldc + W, load);
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 2 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            int aq = base + 8 * q;
            DoubleVector w;
            w = DoubleVector.broadcast(S, aPack[aq]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(S, aPack[aq + 1]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(S, aPack[aq + 2]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(S, aPack[aq + 3]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            w = DoubleVector.broadcast(S, aPack[aq + 4]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            w = DoubleVector.broadcast(S, aPack[aq + 5]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            w = DoubleVector.broadcast(S, aPack[aq + 6]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            w = DoubleVector.broadcast(S, aPack[aq + 7]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + W);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + W);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + W);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + W);
    }

    /**
     * Rows i..i+7, columns j..j+W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A read in
     * place: A(i + r, p0 + q) at a[base + r lda + q], B(p0 + q, j + x) at bPack[q W + x].
     */
    private static void inPlace8x1(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c40 = start(c, c0 + 4 * ldc, load);
        DoubleVector c50 = start(c, c0 + 5 * ldc, load);
        DoubleVector c60 = start(c, c0 + 6 * ldc, load);
        DoubleVector c70 = start(c, c0 + 7 * ldc, load);
        int a1 = base + lda;
        int a2 = base + 2 * lda;
        int a3 = base + 3 * lda;
        int a4 = base + 4 * lda;
        int a5 = base + 5 * lda;
        int a6 = base + 6 * lda;
        int a7 = base + 7 * lda;
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector w;
            w = DoubleVector.broadcast(S, a[base + q]);
            c00 = w.fma(b0, c00);
            w = DoubleVector.broadcast(S, a[a1 + q]);
            c10 = w.fma(b0, c10);
            w = DoubleVector.broadcast(S, a[a2 + q]);
            c20 = w.fma(b0, c20);
            w = DoubleVector.broadcast(S, a[a3 + q]);
            c30 = w.fma(b0, c30);
            w = DoubleVector.broadcast(S, a[a4 + q]);
            c40 = w.fma(b0, c40);
            w = DoubleVector.broadcast(S, a[a5 + q]);
            c50 = w.fma(b0, c50);
            w = DoubleVector.broadcast(S, a[a6 + q]);
            c60 = w.fma(b0, c60);
            w = DoubleVector.broadcast(S, a[a7 + q]);
            c70 = w.fma(b0, c70);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + ldc);
        c20.intoArray(c, c0 + 2 * ldc);
        c30.intoArray(c, c0 + 3 * ldc);
        c40.intoArray(c, c0 + 4 * ldc);
        c50.intoArray(c, c0 + 5 * ldc);
        c60.intoArray(c, c0 + 6 * ldc);
        c70.intoArray(c, c0 + 7 * ldc);
    }

    /**
     * Rows i..i+7, columns j..j+W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A packed:
     * A(i + r, p0 + q) at aPack[base + 8 q + r], B(p0 + q, j + x) at bPack[q W + x].
     */
    private static void packed8x1(double[] aPack, int base, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c40 = start(c, c0 + 4 * ldc, load);
        DoubleVector c50 = start(c, c0 + 5 * ldc, load);
        DoubleVector c60 = start(c, c0 + 6 * ldc, load);
        DoubleVector c70 = start(c, c0 + 7 * ldc, load);
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            int aq = base + 8 * q;
            DoubleVector w;
            w = DoubleVector.broadcast(S, aPack[aq]);
            c00 = w.fma(b0, c00);
            w = DoubleVector.broadcast(S, aPack[aq + 1]);
            c10 = w.fma(b0, c10);
            w = DoubleVector.broadcast(S, aPack[aq + 2]);
            c20 = w.fma(b0, c20);
            w = DoubleVector.broadcast(S, aPack[aq + 3]);
            c30 = w.fma(b0, c30);
            w = DoubleVector.broadcast(S, aPack[aq + 4]);
            c40 = w.fma(b0, c40);
            w = DoubleVector.broadcast(S, aPack[aq + 5]);
            c50 = w.fma(b0, c50);
            w = DoubleVector.broadcast(S, aPack[aq + 6]);
            c60 = w.fma(b0, c60);
            w = DoubleVector.broadcast(S, aPack[aq + 7]);
            c70 = w.fma(b0, c70);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + ldc);
        c20.intoArray(c, c0 + 2 * ldc);
        c30.intoArray(c, c0 + 3 * ldc);
        c40.intoArray(c, c0 + 4 * ldc);
        c50.intoArray(c, c0 + 5 * ldc);
        c60.intoArray(c, c0 + 6 * ldc);
        c70.intoArray(c, c0 + 7 * ldc);
    }

    /**
     * Rows i..i+3, columns j..j+3W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A read in
     * place: A(i + r, p0 + q) at a[base + r lda + q], B(p0 + q, j + x) at bPack[q 3W + x].
     */
    private static void inPlace4x3(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c02 = start(c, c0 + 2 * W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c12 = start(c, c0 + ldc + 2 * W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c22 = start(c, c0 + 2 * ldc + 2 * W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        DoubleVector c32 = start(c, c0 + 3 * ldc + 2 * W, load);
        int a1 = base + lda;
        int a2 = base + 2 * lda;
        int a3 = base + 3 * lda;
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 3 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            DoubleVector b2 = DoubleVector.fromArray(S, bPack, bq + 2 * W);
            DoubleVector w;
            w = DoubleVector.broadcast(S, a[base + q]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            c02 = w.fma(b2, c02);
            w = DoubleVector.broadcast(S, a[a1 + q]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            c12 = w.fma(b2, c12);
            w = DoubleVector.broadcast(S, a[a2 + q]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            c22 = w.fma(b2, c22);
            w = DoubleVector.broadcast(S, a[a3 + q]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            c32 = w.fma(b2, c32);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c02.intoArray(c, c0 + 2 * W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c12.intoArray(c, c0 + ldc + 2 * W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c22.intoArray(c, c0 + 2 * ldc + 2 * W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
        c32.intoArray(c, c0 + 3 * ldc + 2 * W);
    }

    /**
     * Rows i..i+3, columns j..j+2W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A read in
     * place: A(i + r, p0 + q) at a[base + r lda + q], B(p0 + q, j + x) at bPack[q 2W + x].
     */
    private static void inPlace4x2(double[] a, int base, int lda, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        int a1 = base + lda;
        int a2 = base + 2 * lda;
        int a3 = base + 3 * lda;
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 2 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            DoubleVector w;
            w = DoubleVector.broadcast(S, a[base + q]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(S, a[a1 + q]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(S, a[a2 + q]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(S, a[a3 + q]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
    }

    /**
     * Rows i..i+3, columns j..j+2W of C (C(i, j) at c[c0]), terms p0..p0+kc-1, with A packed:
     * A(i + r, p0 + q) at aPack[base + 8 q + r], B(p0 + q, j + x) at bPack[q 2W + x]. For
     * rows 4..7 of a packed 8-row block, base is 4 further on.
     */
    private static void packed4x2(double[] aPack, int base, double[] bPack, int kc,
            double[] c, int c0, int ldc, boolean load) {
        DoubleVector c00 = start(c, c0, load);
        DoubleVector c01 = start(c, c0 + W, load);
        DoubleVector c10 = start(c, c0 + ldc, load);
        DoubleVector c11 = start(c, c0 + ldc + W, load);
        DoubleVector c20 = start(c, c0 + 2 * ldc, load);
        DoubleVector c21 = start(c, c0 + 2 * ldc + W, load);
        DoubleVector c30 = start(c, c0 + 3 * ldc, load);
        DoubleVector c31 = start(c, c0 + 3 * ldc + W, load);
        for (int q = 0; q < kc; q++) {
            int bq = PACK_START + q * 2 * W;
            DoubleVector b0 = DoubleVector.fromArray(S, bPack, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bPack, bq + W);
            int aq = base + 8 * q;
            DoubleVector w;
            w = DoubleVector.broadcast(S, aPack[aq]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(S, aPack[aq + 1]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(S, aPack[aq + 2]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(S, aPack[aq + 3]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + W);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + W);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + W);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + W);
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
