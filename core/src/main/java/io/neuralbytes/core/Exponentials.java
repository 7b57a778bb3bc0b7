package io.neuralbytes.core;

/**
 * Our own e^x, tanh and sigmoid, for single values and for whole slices of an array. The
 * slice forms run on the Vector API when it is loaded (see {@link ArrayProducts}), eight values
 * per instruction with AVX-512, and on plain Java otherwise. Both forms do the same operations
 * in the same order on every element, each correctly rounded, so they give identical bits, and
 * a slice gives what the single-value method gives for each element. The JDK's
 * {@code Math.exp} and {@code Math.tanh} have no vector form, and {@code Math.tanh} is not
 * compiled to a fast instruction sequence on JDK 17.
 *
 * <h2>How e^x is computed</h2>
 *
 * <p>Range reduction. Write x = n ln 2 + r, with n the integer nearest to x / ln 2, so that
 * |r| is at most about ln(2) / 2 = 0.347. Then e^x = 2^n e^r. Multiplying by 2^n only changes
 * the exponent of a double, so the work is e^r on a short interval.
 *
 * <ul>
 *   <li>n: adding 1.5 * 2^52 to x / ln 2 leaves no bits for a fraction, so the addition
 *       itself rounds to the nearest integer (ties to even). Subtracting 1.5 * 2^52 again
 *       gives n as a double, and the low bits of the sum are n as an integer.
 *   <li>r = x - n ln 2 must be accurate although it can be much smaller than x. ln 2 is split
 *       into {@link #LN2_HI}, the double nearest to it, and {@link #LN2_LO}, the rest. With
 *       one fused multiply-add, x - n LN2_HI is exact. Where n is not 0, |x| is above 0.34,
 *       so both terms are multiples of 2^-54, and so is their difference, which is below 1/2
 *       and therefore fits in 53 bits. The second step subtracts n LN2_LO and rounds once,
 *       and a third computes what that rounding lost (rError), which later steps add back.
 * </ul>
 *
 * <p>Polynomial. On |r| at most 0.35 the Taylor series e^r = sum_k r^k / k! converges fast.
 * The terms left out, from r^14 / 14! on, add up to at most 4.3e-18, a fiftieth of the gap
 * between 1 and the next double (2.2e-16). So e^r = 1 + r + r^2 Q(r) with
 * Q(r) = 1/2! + r/3! + ... + r^11/13!, evaluated by Horner's rule with fused multiply-adds.
 * The sum 1 + r is rounded, but because |r| is below 1 its rounding error is exactly
 * (1 - (1 + r)) + r. That error, rError and r^2 Q(r) are small, so they are added first and
 * only the final addition to 1 + r rounds.
 *
 * <p>Scaling. 2^n is built from its bits: the exponent field n + 1023, shifted into place.
 * For e^x the factor is applied in two halves, 2^(n/2) and 2^(n - n/2), so that each half is a
 * normal double over the whole range. The first product is then exact, and only the second
 * rounds, to a subnormal where e^x is below 2^-1022. Beyond x = 710 the product overflows to
 * +infinity, below x = -746 it rounds to 0, so x is clamped to [-746, 710] first. NaN stays
 * NaN.
 *
 * <h2>tanh and sigmoid</h2>
 *
 * <p>tanh|x| = (1 - e^y) / (1 + e^y) with y = -2|x|, and tanh(x) takes the sign of x. For a
 * small x, 1 - e^y loses most of its digits if e^y is rounded first. So e^y is kept as the
 * unevaluated sum of its rounded value and its rounding error, both sums 1 -+ e^y keep their
 * exact rounding errors the same way, and the quotient of the two corrected sums is taken by
 * {@link #divide}: a division, then one Newton step. Above |x| = 20, tanh(x) rounds to +-1,
 * so |x| is clamped to 20.
 *
 * <p>With e = e^(-|z|), in (0, 1]: sigmoid(z) = 1 / (1 + e) for z at least 0 and
 * e / (1 + e) for z below 0, again with the exact rounding error of 1 + e and
 * {@link #divide}. No intermediate overflows: sigmoid(-1000) is 0, sigmoid(1000) is 1.
 *
 * <p>Accuracy: the tests sweep each function over every range that matters, from subnormal
 * arguments to the overflow and underflow bounds. They check that it is within 2 units in
 * the last place (ulp) of the {@link StrictMath} result (for sigmoid, of the formula above
 * evaluated exactly on {@code StrictMath.exp}). At 2,000 random points (exp on [-700, 700],
 * tanh and sigmoid on [-3, 3]) they also check it within 1 ulp (1.5 for sigmoid) of values
 * computed to 40 digits. NOTE: {@code StrictMath.tanh} itself is up to about 2.1 ulp from the
 * exact value near |x| = 0.23 (measured against 40-digit values on JDK 17), so the 2-ulp
 * check of tanh against it has little room there.
 *
 * <p>Special values: exp(+infinity) = +infinity, exp(-infinity) = 0, tanh(+-0) = +-0,
 * tanh(+-infinity) = +-1, sigmoid(+-infinity) = 1 and 0, NaN gives NaN.
 */
public final class Exponentials {

    /** ln 2 rounded to the nearest double, 0.6931471805599453. */
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    /** ln 2 - LN2_HI, 2.3190468138462996e-17. The tests check the sum against 40 digits. */
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** 1 / ln 2, rounded. It only chooses n, so its rounding does not matter. */
    static final double LOG2_E = 0x1.71547652b82fep0;
    /** 1.5 * 2^52: adding it rounds a double below 2^51 in size to an integer. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);

    /** e^x overflows above about 709.78, and rounds to 0 below about -745.13. */
    static final double EXP_MAX_ARGUMENT = 710.0;
    static final double EXP_MIN_ARGUMENT = -746.0;
    /** tanh(x) rounds to 1 for x above about 19.06. */
    static final double TANH_MAX_ARGUMENT = 20.0;

    static final long EXPONENT_BIAS = 1023;
    static final int MANTISSA_BITS = 52;
    static final long SIGN_BIT = Long.MIN_VALUE;
    /** Added to the bits of x / ln 2 + SHIFTER, this gives n + 1023, the exponent of 2^n. */
    static final long SCALE_BITS = EXPONENT_BIAS - SHIFTER_BITS;

    /** The Taylor coefficients 1/k! of Q(r), for k = 2 .. 13, named by k. */
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800L;

    private Exponentials() {
    }

    /** Returns e^x, within 2 ulp of {@link StrictMath#exp}; see the class comment. */
    public static double exp(double x) {
        double xc = Math.max(EXP_MIN_ARGUMENT, Math.min(EXP_MAX_ARGUMENT, x));
        double shifted = Math.fma(xc, LOG2_E, SHIFTER);
        double n = shifted - SHIFTER;
        double rHigh = Math.fma(n, -LN2_HI, xc);
        double r = Math.fma(n, -LN2_LO, rHigh);
        double rError = Math.fma(n, -LN2_LO, rHigh - r);

        double onePlusR = 1.0 + r;
        double small = Math.fma(r, r * taylorTail(r),
                Math.fma(rError, onePlusR, (1.0 - onePlusR) + r));
        double expR = onePlusR + small;

        long k = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS;
        long half = k >> 1;
        return expR * powerOfTwo(half) * powerOfTwo(k - half);
    }

    /** Returns tanh(x), within 2 ulp of {@link StrictMath#tanh}; see the class comment. */
    public static double tanh(double x) {
        double y = -2.0 * Math.min(Math.abs(x), TANH_MAX_ARGUMENT);
        double shifted = Math.fma(y, LOG2_E, SHIFTER);
        double n = shifted - SHIFTER;
        double rHigh = Math.fma(n, -LN2_HI, y);
        double r = Math.fma(n, -LN2_LO, rHigh);
        double rError = Math.fma(n, -LN2_LO, rHigh - r);

        // u + uError = e^r - 1 = r + r^2 Q(r), keeping the rounding error of the sum.
        double w = r * (r * taylorTail(r));
        double u = r + w;
        double uError = Math.fma(rError, u, ((r - u) + w) + rError);

        // e^y = s (1 + u) with s = 2^n, a normal double because y is at least -40. The fused
        // s u + s rounds once, and its error is exact: s u is exact and s - e is exact
        // because e lies between s / 2 and 2 s.
        double s = powerOfTwoBiased(Double.doubleToRawLongBits(shifted) + SCALE_BITS);
        double e = Math.fma(s, u, s);
        double eError = Math.fma(s, uError, Math.fma(s, u, s - e));

        // tanh|x| = (1 - e^y) / (1 + e^y), both sums rounded once with their exact error,
        // because 1 is at least e.
        double numerator = 1.0 - e;
        double numeratorError = ((1.0 - numerator) - e) - eError;
        double denominator = 1.0 + e;
        double denominatorError = ((1.0 - denominator) + e) + eError;
        return withSignOf(divide(numerator, numeratorError, denominator, denominatorError), x);
    }

    /**
     * Returns 1 / (1 + e^-z), within 2 ulp of that formula evaluated exactly on
     * {@link StrictMath#exp}; see the class comment.
     */
    public static double sigmoid(double z) {
        double e = exp(-Math.abs(z));

        // 1 / (1 + e) for z at least 0, e / (1 + e) below. 1 + e keeps its exact rounding error.
        double numerator = z < 0 ? e : 1.0;
        double denominator = 1.0 + e;
        double denominatorError = (1.0 - denominator) + e;
        return divide(numerator, 0.0, denominator, denominatorError);
    }

    /**
     * Writes e^x for the slice {@code x[offset .. offset+length)} into
     * {@code out[outOffset ..]}. Only {@code out} is modified; it may be {@code x} with the same
     * offset.
     *
     * @throws IllegalArgumentException if length is negative or a slice lies outside its array
     */
    public static void exp(double[] x, int offset, int length, double[] out, int outOffset) {
        requireSlices("exp", x, offset, length, out, outOffset);
        int done = ArrayProducts.usesVectorApi()
                ? VectorExponentials.exp(x, offset, length, out, outOffset) : 0;
        for (int i = done; i < length; i++) {
            out[outOffset + i] = exp(x[offset + i]);
        }
    }

    /**
     * Replaces each element x(i, j) of a block of {@code rows} rows by exp(x(i, j) - shift[j]),
     * for the columns j below {@code columns}, and, when {@code sum} is not null, adds it to
     * sum[j]. Rows are taken in ascending i, so each sum[j] gets its terms in that order. Each
     * element gets the bits of {@link #exp(double)} applied to the rounded difference. This is
     * the inner loop of a softmax over the columns of a matrix, shift[j] being the max of
     * column j: one call replaces, for each row, a loop that subtracts, a slice call and a loop
     * that sums.
     *
     * @param offset index of x(0, 0); row i starts at {@code offset + i * ld}
     * @param ld distance between the starts of two rows, at least {@code columns}
     * @throws IllegalArgumentException if rows or columns is negative, ld is below columns, or
     *     the block, shift or sum lies outside its array
     */
    public static void expShiftedRows(double[] x, int offset, int ld, int rows, int columns,
            double[] shift, double[] sum) {
        if (rows < 0 || columns < 0 || ld < columns) {
            throw new IllegalArgumentException("expShiftedRows: rows and columns must be at least"
                    + " 0 and ld at least columns, got rows " + rows + ", columns " + columns
                    + ", ld " + ld);
        }
        if (rows == 0) {
            return;
        }
        Checks.requireSlice("expShiftedRows", "x", x, offset, (rows - 1) * ld + columns);
        Checks.requireSlice("expShiftedRows", "shift", shift, 0, columns);
        if (sum != null) {
            Checks.requireSlice("expShiftedRows", "sum", sum, 0, columns);
        }
        int done = ArrayProducts.usesVectorApi()
                ? VectorExponentials.expShiftedRows(x, offset, ld, rows, columns, shift, sum) : 0;
        if (done == columns) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            int row = offset + i * ld;
            for (int j = done; j < columns; j++) {
                double e = exp(x[row + j] - shift[j]);
                x[row + j] = e;
                if (sum != null) {
                    sum[j] += e;
                }
            }
        }
    }

    /**
     * Writes tanh(x) for the slice {@code x[offset .. offset+length)} into
     * {@code out[outOffset ..]}. Only {@code out} is modified; it may be {@code x} with the same
     * offset.
     *
     * @throws IllegalArgumentException if length is negative or a slice lies outside its array
     */
    public static void tanh(double[] x, int offset, int length, double[] out, int outOffset) {
        requireSlices("tanh", x, offset, length, out, outOffset);
        int done = ArrayProducts.usesVectorApi()
                ? VectorExponentials.tanh(x, offset, length, out, outOffset) : 0;
        for (int i = done; i < length; i++) {
            out[outOffset + i] = tanh(x[offset + i]);
        }
    }

    /**
     * Writes sigmoid(z) for the slice {@code z[offset .. offset+length)} into
     * {@code out[outOffset ..]}. Only {@code out} is modified; it may be {@code z} with the same
     * offset.
     *
     * @throws IllegalArgumentException if length is negative or a slice lies outside its array
     */
    public static void sigmoid(double[] z, int offset, int length, double[] out,
            int outOffset) {
        requireSlices("sigmoid", z, offset, length, out, outOffset);
        int done = ArrayProducts.usesVectorApi()
                ? VectorExponentials.sigmoid(z, offset, length, out, outOffset) : 0;
        for (int i = done; i < length; i++) {
            out[outOffset + i] = sigmoid(z[offset + i]);
        }
    }

    /**
     * Computes Q(r) = sum_(k=2..13) r^(k-2) / k! by Horner's rule, so that
     * e^r = 1 + r + r^2 Q(r) to within 4.3e-18 for |r| at most 0.35.
     */
    static double taylorTail(double r) {
        double q = C13;
        q = Math.fma(q, r, C12);
        q = Math.fma(q, r, C11);
        q = Math.fma(q, r, C10);
        q = Math.fma(q, r, C9);
        q = Math.fma(q, r, C8);
        q = Math.fma(q, r, C7);
        q = Math.fma(q, r, C6);
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        return Math.fma(q, r, C2);
    }

    /**
     * Returns (a + aError) / (b + bError) for b in [1, 2] and small errors: q = a / b with one
     * Newton step, q + (a + aError - q (b + bError)) / b. The residual a - q b is exact with a
     * fused multiply-add, so the result is within about half an ulp of the exact quotient.
     */
    static double divide(double a, double aError, double b, double bError) {
        double inverse = 1.0 / b;
        double q = a * inverse;
        double minusQ = -q;
        double residual = Math.fma(minusQ, b, a) + aError;
        residual = Math.fma(minusQ, bError, residual);
        return Math.fma(residual, inverse, q);
    }

    /** Returns 2^k for k in [-1022, 1023], built from its exponent field. */
    private static double powerOfTwo(long k) {
        return Double.longBitsToDouble((k + EXPONENT_BIAS) << MANTISSA_BITS);
    }

    /** Returns 2^k from k + 1023, which must lie in [1, 2046]. */
    private static double powerOfTwoBiased(long biasedExponent) {
        return Double.longBitsToDouble(biasedExponent << MANTISSA_BITS);
    }

    /** Returns magnitude, which must be positive or +0, with the sign bit of {@code sign}. */
    private static double withSignOf(double magnitude, double sign) {
        long signBit = Double.doubleToRawLongBits(sign) & SIGN_BIT;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) | signBit);
    }

    private static void requireSlices(String operation, double[] x, int offset, int length,
            double[] out, int outOffset) {
        if (length < 0) {
            throw new IllegalArgumentException(operation + ": length must be at least 0, got "
                    + length);
        }
        Checks.requireSlice(operation, "x", x, offset, length);
        Checks.requireSlice(operation, "out", out, outOffset, length);
    }
}
