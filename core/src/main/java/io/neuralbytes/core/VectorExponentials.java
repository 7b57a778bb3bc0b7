package io.neuralbytes.core;

import static io.neuralbytes.core.Exponentials.C10;
import static io.neuralbytes.core.Exponentials.C11;
import static io.neuralbytes.core.Exponentials.C12;
import static io.neuralbytes.core.Exponentials.C13;
import static io.neuralbytes.core.Exponentials.C2;
import static io.neuralbytes.core.Exponentials.C3;
import static io.neuralbytes.core.Exponentials.C4;
import static io.neuralbytes.core.Exponentials.C5;
import static io.neuralbytes.core.Exponentials.C6;
import static io.neuralbytes.core.Exponentials.C7;
import static io.neuralbytes.core.Exponentials.C8;
import static io.neuralbytes.core.Exponentials.C9;
import static io.neuralbytes.core.Exponentials.EXPONENT_BIAS;
import static io.neuralbytes.core.Exponentials.EXP_MAX_ARGUMENT;
import static io.neuralbytes.core.Exponentials.EXP_MIN_ARGUMENT;
import static io.neuralbytes.core.Exponentials.LN2_HI;
import static io.neuralbytes.core.Exponentials.LN2_LO;
import static io.neuralbytes.core.Exponentials.LOG2_E;
import static io.neuralbytes.core.Exponentials.MANTISSA_BITS;
import static io.neuralbytes.core.Exponentials.SHIFTER;
import static io.neuralbytes.core.Exponentials.SCALE_BITS;
import static io.neuralbytes.core.Exponentials.SHIFTER_BITS;
import static io.neuralbytes.core.Exponentials.SIGN_BIT;
import static io.neuralbytes.core.Exponentials.TANH_MAX_ARGUMENT;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of the slice methods of {@link Exponentials}. Each lane goes through the
 * same operations as the scalar method, in the same order, with the same variable names.
 * Lane-wise add, subtract, multiply, divide, fused multiply-add, min and max round as their
 * scalar forms, and the bit operations are exact, so every element gets the scalar result. Only
 * loaded when the module {@code jdk.incubator.vector} is present.
 *
 * <p>Each method handles the whole vectors of the slice and returns how many elements it
 * wrote. The caller computes the rest with the scalar method.
 *
 * <p>The scalar helpers (the Taylor polynomial, the division, 2^k) are written out in each
 * loop here. As calls, the JIT of JDK 17 stopped inlining them once a loop grew this large,
 * and then stored every vector they passed on the heap: three times slower.
 */
final class VectorExponentials {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // The constants as vectors, built once. A broadcast in the loop would add operations that
    // count against the JIT's inlining budget for the loop.
    private static final DoubleVector ZERO = DoubleVector.zero(S);
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector MINUS_TWO = DoubleVector.broadcast(S, -2.0);
    private static final DoubleVector V_EXP_MAX = DoubleVector.broadcast(S, EXP_MAX_ARGUMENT);
    private static final DoubleVector V_EXP_MIN = DoubleVector.broadcast(S, EXP_MIN_ARGUMENT);
    private static final DoubleVector V_TANH_MAX = DoubleVector.broadcast(S, TANH_MAX_ARGUMENT);
    private static final DoubleVector V_LOG2_E = DoubleVector.broadcast(S, LOG2_E);
    private static final DoubleVector V_SHIFTER = DoubleVector.broadcast(S, SHIFTER);
    private static final DoubleVector MINUS_LN2_HI = DoubleVector.broadcast(S, -LN2_HI);
    private static final DoubleVector MINUS_LN2_LO = DoubleVector.broadcast(S, -LN2_LO);
    private static final DoubleVector V_C2 = DoubleVector.broadcast(S, C2);
    private static final DoubleVector V_C3 = DoubleVector.broadcast(S, C3);
    private static final DoubleVector V_C4 = DoubleVector.broadcast(S, C4);
    private static final DoubleVector V_C5 = DoubleVector.broadcast(S, C5);
    private static final DoubleVector V_C6 = DoubleVector.broadcast(S, C6);
    private static final DoubleVector V_C7 = DoubleVector.broadcast(S, C7);
    private static final DoubleVector V_C8 = DoubleVector.broadcast(S, C8);
    private static final DoubleVector V_C9 = DoubleVector.broadcast(S, C9);
    private static final DoubleVector V_C10 = DoubleVector.broadcast(S, C10);
    private static final DoubleVector V_C11 = DoubleVector.broadcast(S, C11);
    private static final DoubleVector V_C12 = DoubleVector.broadcast(S, C12);
    private static final DoubleVector V_C13 = DoubleVector.broadcast(S, C13);

    private VectorExponentials() {
    }

    static int exp(double[] x, int offset, int length, double[] out, int outOffset) {
        int i = 0;
        for (; i + S.length() <= length; i += S.length()) {
            DoubleVector xc = DoubleVector.fromArray(S, x, offset + i)
                    .min(V_EXP_MAX).max(V_EXP_MIN);
            DoubleVector shifted = xc.fma(V_LOG2_E, V_SHIFTER);
            DoubleVector n = shifted.sub(V_SHIFTER);
            DoubleVector rHigh = n.fma(MINUS_LN2_HI, xc);
            DoubleVector r = n.fma(MINUS_LN2_LO, rHigh);
            DoubleVector rError = n.fma(MINUS_LN2_LO, rHigh.sub(r));

            DoubleVector onePlusR = r.add(ONE);
            DoubleVector q = V_C13.fma(r, V_C12).fma(r, V_C11).fma(r, V_C10).fma(r, V_C9)
                    .fma(r, V_C8).fma(r, V_C7).fma(r, V_C6).fma(r, V_C5).fma(r, V_C4)
                    .fma(r, V_C3).fma(r, V_C2);
            DoubleVector small = r.fma(r.mul(q),
                    rError.fma(onePlusR, onePlusR.neg().add(ONE).add(r)));
            DoubleVector expR = onePlusR.add(small);

            LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            LongVector half = k.lanewise(ASHR, 1);
            DoubleVector scale1 = half.add(EXPONENT_BIAS).lanewise(LSHL, MANTISSA_BITS)
                    .reinterpretAsDoubles();
            DoubleVector scale2 = k.sub(half).add(EXPONENT_BIAS).lanewise(LSHL, MANTISSA_BITS)
                    .reinterpretAsDoubles();
            expR.mul(scale1).mul(scale2).intoArray(out, outOffset + i);
        }
        return i;
    }

    /**
     * The whole vectors of each row for {@link Exponentials#expShiftedRows}: the columns below
     * the returned count, in every row.
     */
    static int expShiftedRows(double[] x, int offset, int ld, int rows, int columns, double[] shift,
            double[] sum) {
        int whole = columns / S.length() * S.length();
        for (int i = 0; i < rows; i++) {
            int row = offset + i * ld;
            for (int j = 0; j < whole; j += S.length()) {
                DoubleVector xc = DoubleVector.fromArray(S, x, row + j)
                        .sub(DoubleVector.fromArray(S, shift, j))
                        .min(V_EXP_MAX).max(V_EXP_MIN);
                DoubleVector shifted = xc.fma(V_LOG2_E, V_SHIFTER);
                DoubleVector n = shifted.sub(V_SHIFTER);
                DoubleVector rHigh = n.fma(MINUS_LN2_HI, xc);
                DoubleVector r = n.fma(MINUS_LN2_LO, rHigh);
                DoubleVector rError = n.fma(MINUS_LN2_LO, rHigh.sub(r));

                DoubleVector onePlusR = r.add(ONE);
                DoubleVector q = V_C13.fma(r, V_C12).fma(r, V_C11).fma(r, V_C10).fma(r, V_C9)
                        .fma(r, V_C8).fma(r, V_C7).fma(r, V_C6).fma(r, V_C5).fma(r, V_C4)
                        .fma(r, V_C3).fma(r, V_C2);
                DoubleVector small = r.fma(r.mul(q),
                        rError.fma(onePlusR, onePlusR.neg().add(ONE).add(r)));
                DoubleVector expR = onePlusR.add(small);

                LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
                LongVector half = k.lanewise(ASHR, 1);
                DoubleVector scale1 = half.add(EXPONENT_BIAS).lanewise(LSHL, MANTISSA_BITS)
                        .reinterpretAsDoubles();
                DoubleVector scale2 = k.sub(half).add(EXPONENT_BIAS).lanewise(LSHL, MANTISSA_BITS)
                        .reinterpretAsDoubles();
                DoubleVector e = expR.mul(scale1).mul(scale2);
                e.intoArray(x, row + j);
                if (sum != null) {
                    DoubleVector.fromArray(S, sum, j).add(e).intoArray(sum, j);
                }
            }
        }
        return whole;
    }

    static int tanh(double[] x, int offset, int length, double[] out, int outOffset) {
        int i = 0;
        for (; i + S.length() <= length; i += S.length()) {
            DoubleVector xi = DoubleVector.fromArray(S, x, offset + i);
            DoubleVector y = xi.abs().min(V_TANH_MAX).mul(MINUS_TWO);
            DoubleVector shifted = y.fma(V_LOG2_E, V_SHIFTER);
            DoubleVector n = shifted.sub(V_SHIFTER);
            DoubleVector rHigh = n.fma(MINUS_LN2_HI, y);
            DoubleVector r = n.fma(MINUS_LN2_LO, rHigh);
            DoubleVector rError = n.fma(MINUS_LN2_LO, rHigh.sub(r));

            DoubleVector q = V_C13.fma(r, V_C12).fma(r, V_C11).fma(r, V_C10).fma(r, V_C9)
                    .fma(r, V_C8).fma(r, V_C7).fma(r, V_C6).fma(r, V_C5).fma(r, V_C4)
                    .fma(r, V_C3).fma(r, V_C2);
            DoubleVector w = r.mul(r.mul(q));
            DoubleVector u = r.add(w);
            DoubleVector uError = rError.fma(u, r.sub(u).add(w).add(rError));

            DoubleVector s = shifted.reinterpretAsLongs().add(SCALE_BITS)
                    .lanewise(LSHL, MANTISSA_BITS).reinterpretAsDoubles();
            DoubleVector e = s.fma(u, s);
            DoubleVector eError = s.fma(uError, s.fma(u, s.sub(e)));

            DoubleVector numerator = ONE.sub(e);
            DoubleVector numeratorError = ONE.sub(numerator).sub(e).sub(eError);
            DoubleVector denominator = ONE.add(e);
            DoubleVector denominatorError = ONE.sub(denominator).add(e).add(eError);
            DoubleVector inverse = ONE.div(denominator);
            DoubleVector quotient = numerator.mul(inverse);
            DoubleVector minusQ = quotient.neg();
            DoubleVector residual = minusQ.fma(denominator, numerator).add(numeratorError);
            residual = minusQ.fma(denominatorError, residual);
            DoubleVector magnitude = residual.fma(inverse, quotient);

            LongVector sign = xi.reinterpretAsLongs().and(SIGN_BIT);
            magnitude.reinterpretAsLongs().or(sign).reinterpretAsDoubles()
                    .intoArray(out, outOffset + i);
        }
        return i;
    }

    static int sigmoid(double[] z, int offset, int length, double[] out, int outOffset) {
        int i = 0;
        for (; i + S.length() <= length; i += S.length()) {
            DoubleVector zi = DoubleVector.fromArray(S, z, offset + i);
            DoubleVector xc = zi.abs().neg().max(V_EXP_MIN);
            DoubleVector shifted = xc.fma(V_LOG2_E, V_SHIFTER);
            DoubleVector n = shifted.sub(V_SHIFTER);
            DoubleVector rHigh = n.fma(MINUS_LN2_HI, xc);
            DoubleVector r = n.fma(MINUS_LN2_LO, rHigh);
            DoubleVector rError = n.fma(MINUS_LN2_LO, rHigh.sub(r));

            DoubleVector onePlusR = r.add(ONE);
            DoubleVector q = V_C13.fma(r, V_C12).fma(r, V_C11).fma(r, V_C10).fma(r, V_C9)
                    .fma(r, V_C8).fma(r, V_C7).fma(r, V_C6).fma(r, V_C5).fma(r, V_C4)
                    .fma(r, V_C3).fma(r, V_C2);
            DoubleVector small = r.fma(r.mul(q),
                    rError.fma(onePlusR, onePlusR.neg().add(ONE).add(r)));
            DoubleVector expR = onePlusR.add(small);

            LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            LongVector half = k.lanewise(ASHR, 1);
            DoubleVector scale1 = half.add(EXPONENT_BIAS).lanewise(LSHL, MANTISSA_BITS)
                    .reinterpretAsDoubles();
            DoubleVector scale2 = k.sub(half).add(EXPONENT_BIAS).lanewise(LSHL, MANTISSA_BITS)
                    .reinterpretAsDoubles();
            DoubleVector e = expR.mul(scale1).mul(scale2);

            DoubleVector numerator = ONE.blend(e, zi.lt(ZERO));
            DoubleVector denominator = e.add(ONE);
            DoubleVector denominatorError = ONE.sub(denominator).add(e);
            DoubleVector inverse = ONE.div(denominator);
            DoubleVector quotient = numerator.mul(inverse);
            DoubleVector minusQ = quotient.neg();
            DoubleVector residual = minusQ.fma(denominator, numerator).add(ZERO);
            residual = minusQ.fma(denominatorError, residual);
            residual.fma(inverse, quotient).intoArray(out, outOffset + i);
        }
        return i;
    }
}
