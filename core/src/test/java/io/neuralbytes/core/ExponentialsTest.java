package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ExponentialsTest {

    private static final MathContext DIGITS_40 = new MathContext(40);
    private static final BigDecimal LN2 =
            new BigDecimal("0.693147180559945309417232121458176568075500134360255254");
    private static final double MAX_ULPS_AGAINST_STRICT_MATH = 2.0;

    @Test
    void ln2SplitMatchesFortyDigits() {
        BigDecimal sum = new BigDecimal(Exponentials.LN2_HI).add(new BigDecimal(Exponentials.LN2_LO));

        assertEquals(0.6931471805599453, Exponentials.LN2_HI);
        assertTrue(sum.subtract(LN2).abs().compareTo(new BigDecimal("1e-33")) < 0,
                "LN2_HI + LN2_LO = " + sum);
    }

    @Test
    void expWithinTwoUlpOfStrictMath() {
        double[] points = sweep(-746, 710, 200_000, 1);
        assertWithinUlps("exp", Exponentials::exp, StrictMath::exp, points);
        assertWithinUlps("exp", Exponentials::exp, StrictMath::exp, sweep(-1, 1, 50_000, 2));
        assertWithinUlps("exp", Exponentials::exp, StrictMath::exp, sweep(709, 710, 20_000, 3));
        assertWithinUlps("exp", Exponentials::exp, StrictMath::exp,
                sweep(-745.2, -707, 50_000, 4));
        assertWithinUlps("exp", Exponentials::exp, StrictMath::exp, magnitudes(-320, 3));
        assertWithinUlps("exp", Exponentials::exp, StrictMath::exp, reductionEdges(-1070, 1020));
    }

    @Test
    void tanhWithinTwoUlpOfStrictMath() {
        assertWithinUlps("tanh", Exponentials::tanh, StrictMath::tanh, sweep(-25, 25, 200_000, 5));
        assertWithinUlps("tanh", Exponentials::tanh, StrictMath::tanh, sweep(-1, 1, 100_000, 6));
        assertWithinUlps("tanh", Exponentials::tanh, StrictMath::tanh, magnitudes(-320, 2));
        assertWithinUlps("tanh", Exponentials::tanh, StrictMath::tanh, reductionEdges(-30, 0));
    }

    @Test
    void sigmoidWithinTwoUlpOfStrictMathFormula() {
        DoubleUnaryOperator reference = ExponentialsTest::sigmoidOfStrictExp;

        assertWithinUlps("sigmoid", Exponentials::sigmoid, reference, sweep(-50, 50, 20_000, 7));
        assertWithinUlps("sigmoid", Exponentials::sigmoid, reference, sweep(-5, 5, 20_000, 8));
        assertWithinUlps("sigmoid", Exponentials::sigmoid, reference,
                sweep(-746, -600, 5_000, 9));
        assertWithinUlps("sigmoid", Exponentials::sigmoid, reference, magnitudes(-320, 3));
    }

    @Test
    void closeToExactValues() {
        SplittableRandom random = new SplittableRandom(10);
        for (int n = 0; n < 2_000; n++) {
            double x = random.nextDouble(-700, 700);
            double small = random.nextDouble(-3, 3);

            assertTrue(ulps(Exponentials.exp(x), exactExp(x)) <= 1.0, "exp(" + x + ")");
            assertTrue(ulps(Exponentials.tanh(small), exactTanh(small)) <= 1.0,
                    "tanh(" + small + ")");
            assertTrue(ulps(Exponentials.sigmoid(small), exactSigmoid(small)) <= 1.5,
                    "sigmoid(" + small + ")");
        }
    }

    @Test
    void expSpecialValues() {
        assertEquals(1.0, Exponentials.exp(0.0));
        assertEquals(1.0, Exponentials.exp(-0.0));
        assertEquals(1.0, Exponentials.exp(Double.MIN_VALUE));
        assertEquals(Double.POSITIVE_INFINITY, Exponentials.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Exponentials.exp(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Exponentials.exp(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, Exponentials.exp(Double.MAX_VALUE));
        assertEquals(0.0, Exponentials.exp(-Double.MAX_VALUE));
        assertEquals(StrictMath.exp(709.782712893384), Exponentials.exp(709.782712893384));
        assertEquals(Double.POSITIVE_INFINITY, Exponentials.exp(709.7827128933841));
        assertEquals(Double.MIN_VALUE, Exponentials.exp(-745.1332191019411));
        assertEquals(0.0, Exponentials.exp(-745.1332191019412));
        assertEquals(Math.E, Exponentials.exp(1.0));
    }

    @Test
    void tanhSpecialValues() {
        assertEquals(0.0, Exponentials.tanh(0.0));
        assertEquals(-0.0, Exponentials.tanh(-0.0));
        assertEquals(Double.MIN_VALUE, Exponentials.tanh(Double.MIN_VALUE));
        assertEquals(-1e-300, Exponentials.tanh(-1e-300));
        assertEquals(1.0, Exponentials.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Exponentials.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Exponentials.tanh(20.0));
        assertEquals(-1.0, Exponentials.tanh(-Double.MAX_VALUE));
        assertTrue(Double.isNaN(Exponentials.tanh(Double.NaN)));
    }

    @Test
    void sigmoidSpecialValues() {
        assertEquals(0.5, Exponentials.sigmoid(0.0));
        assertEquals(0.5, Exponentials.sigmoid(-0.0));
        assertEquals(1.0, Exponentials.sigmoid(1000));
        assertEquals(0.0, Exponentials.sigmoid(-1000));
        assertEquals(1.0, Exponentials.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Exponentials.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(StrictMath.exp(-740), Exponentials.sigmoid(-740));
        assertTrue(Double.isNaN(Exponentials.sigmoid(Double.NaN)));
    }

    @Test
    void slicesGiveScalarBits() {
        double[] specials = {0.0, -0.0, Double.MIN_VALUE, -1e-300, 1e-8, 0.5, -0.34657359027997264,
            3.0, -19.5, 30.0, 709.9, -745.5, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, -Double.MAX_VALUE};
        SplittableRandom random = new SplittableRandom(11);
        for (int length = 0; length <= 40; length++) {
            for (int offset = 0; offset <= 2; offset++) {
                double[] x = new double[offset + length + 1];
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextInt(4) == 0 ? specials[random.nextInt(specials.length)]
                            : random.nextDouble(-30, 30);
                }
                String where = "length " + length + ", offset " + offset;
                assertSliceMatches("exp " + where, Exponentials::exp, Exponentials::exp, x,
                        offset, length);
                assertSliceMatches("tanh " + where, Exponentials::tanh, Exponentials::tanh, x,
                        offset, length);
                assertSliceMatches("sigmoid " + where, Exponentials::sigmoid,
                        Exponentials::sigmoid, x, offset, length);
            }
        }
    }

    @Test
    void shiftedRowsGiveScalarBits() {
        SplittableRandom random = new SplittableRandom(13);
        for (int columns = 0; columns <= 19; columns++) {
            int rows = 7;
            int ld = columns + 3;
            int offset = 2;
            double[] x = new double[offset + rows * ld];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(8) == 0 ? Double.NaN : random.nextDouble(-40, 40);
            }
            double[] shift = new double[columns];
            double[] sum = new double[columns];
            for (int j = 0; j < columns; j++) {
                shift[j] = random.nextDouble(-5, 5);
                sum[j] = random.nextDouble(0, 2);
            }
            double[] expectedX = x.clone();
            double[] expectedSum = sum.clone();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    int at = offset + i * ld + j;
                    expectedX[at] = Exponentials.exp(x[at] - shift[j]);
                    expectedSum[j] += expectedX[at];
                }
            }
            double[] withoutSum = x.clone();

            Exponentials.expShiftedRows(x, offset, ld, rows, columns, shift, sum);
            Exponentials.expShiftedRows(withoutSum, offset, ld, rows, columns, shift, null);

            String where = columns + " columns";
            assertBitsEqual(where + ", x", expectedX, x);
            assertBitsEqual(where + ", x without sums", expectedX, withoutSum);
            assertBitsEqual(where + ", sums", expectedSum, sum);
        }
    }

    @Test
    void shiftedRowsOutsideArrayRejected() {
        double[] x = new double[10];

        IllegalArgumentException block = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.expShiftedRows(x, 0, 4, 3, 4, new double[4], null));
        assertTrue(block.getMessage().contains("x has length 10"), block.getMessage());
        IllegalArgumentException shift = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.expShiftedRows(x, 0, 4, 2, 4, new double[3], null));
        assertTrue(shift.getMessage().contains("shift has length 3"), shift.getMessage());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.expShiftedRows(x, 0, 4, 2, 4, new double[4], new double[2]));
        assertTrue(sum.getMessage().contains("sum has length 2"), sum.getMessage());
        IllegalArgumentException ld = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.expShiftedRows(x, 0, 3, 2, 4, new double[4], null));
        assertEquals("expShiftedRows: rows and columns must be at least 0 and ld at least"
                + " columns, got rows 2, columns 4, ld 3", ld.getMessage());
    }

    private static void assertBitsEqual(String where, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, where + ", length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    where + ", index " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    @Test
    void sliceInPlace() {
        double[] x = {-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Exponentials.tanh(x[i]);
        }

        Exponentials.tanh(x, 0, x.length, x, 0);

        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(x[i]),
                    "index " + i);
        }
    }

    @Test
    void sliceOutsideArrayRejected() {
        double[] x = new double[4];

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.exp(x, 2, 3, new double[8], 0));
        assertEquals("exp: x has length 4 but the slice is [2, 5); the slice must lie inside x",
                e.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.tanh(x, 0, 4, new double[3], 0));
        assertTrue(out.getMessage().contains("out has length 3"), out.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Exponentials.sigmoid(x, 0, -1, x, 0));
        assertEquals("sigmoid: length must be at least 0, got -1", negative.getMessage());
    }

    private interface SliceForm {
        void apply(double[] x, int offset, int length, double[] out, int outOffset);
    }

    private static void assertSliceMatches(String where, DoubleUnaryOperator scalar,
            SliceForm slice, double[] x, int offset, int length) {
        double[] out = new double[length + 2];
        out[0] = 42;
        out[length + 1] = 43;

        slice.apply(x, offset, length, out, 1);

        for (int i = 0; i < length; i++) {
            double expected = scalar.applyAsDouble(x[offset + i]);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(out[1 + i]),
                    where + ", element " + i + " (x = " + x[offset + i] + ")");
        }
        assertEquals(42, out[0], where + ": the element before the slice changed");
        assertEquals(43, out[length + 1], where + ": the element after the slice changed");
    }

    private static void assertWithinUlps(String name, DoubleUnaryOperator ours,
            DoubleUnaryOperator reference, double[] points) {
        for (double x : points) {
            double expected = reference.applyAsDouble(x);
            double actual = ours.applyAsDouble(x);
            double error = ulps(actual, expected);
            if (error > MAX_ULPS_AGAINST_STRICT_MATH) {
                throw new AssertionError(name + "(" + x + ") = " + actual + ", reference "
                        + expected + ": " + error + " ulp apart");
            }
        }
    }

    /** |actual - expected| in units of the last place of expected; 0 when both are equal. */
    private static double ulps(double actual, double expected) {
        if (Double.compare(actual, expected) == 0 || actual == expected) {
            return 0;
        }
        if (Double.isNaN(actual) || Double.isNaN(expected) || Double.isInfinite(actual)
                || Double.isInfinite(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    private static double ulps(double actual, BigDecimal exact) {
        double nearest = exact.doubleValue();
        return new BigDecimal(actual).subtract(exact).abs()
                .divide(new BigDecimal(Math.ulp(nearest)), DIGITS_40).doubleValue();
    }

    private static double[] sweep(double from, double to, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] points = new double[count];
        for (int i = 0; i < count; i++) {
            points[i] = random.nextDouble(from, to);
        }
        return points;
    }

    /** ±10^e for e from minExponent to maxExponent in steps of 1/8, and the subnormals. */
    private static double[] magnitudes(int minExponent, int maxExponent) {
        int steps = (maxExponent - minExponent) * 8 + 1;
        double[] points = new double[2 * steps + 4];
        for (int i = 0; i < steps; i++) {
            double magnitude = Math.pow(10, minExponent + i / 8.0);
            points[2 * i] = magnitude;
            points[2 * i + 1] = -magnitude;
        }
        points[2 * steps] = Double.MIN_VALUE;
        points[2 * steps + 1] = -Double.MIN_VALUE;
        points[2 * steps + 2] = Double.MIN_NORMAL;
        points[2 * steps + 3] = -Double.MIN_NORMAL;
        return points;
    }

    /**
     * Returns the points (k + 1/2) ln 2 for k in [kFrom, kTo) and their neighbouring doubles.
     * There the rounding of x / ln 2 switches from k to k + 1, so |r| is largest.
     */
    private static double[] reductionEdges(int kFrom, int kTo) {
        double[] points = new double[3 * (kTo - kFrom)];
        for (int k = kFrom; k < kTo; k++) {
            double edge = (k + 0.5) * Math.log(2);
            int i = 3 * (k - kFrom);
            points[i] = Math.nextDown(edge);
            points[i + 1] = edge;
            points[i + 2] = Math.nextUp(edge);
        }
        return points;
    }

    /** sigmoid(z) evaluated exactly on e = StrictMath.exp(-|z|), then rounded once. */
    private static double sigmoidOfStrictExp(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        BigDecimal e = new BigDecimal(StrictMath.exp(-Math.abs(z)));
        BigDecimal numerator = z < 0 ? e : BigDecimal.ONE;
        return numerator.divide(BigDecimal.ONE.add(e), DIGITS_40).doubleValue();
    }

    /** e^x to 40 digits: x = n ln 2 + r, then the Taylor series of e^r, then 2^n. */
    private static BigDecimal exactExp(double x) {
        long n = Math.round(x / Math.log(2));
        BigDecimal r = new BigDecimal(x).subtract(LN2.multiply(BigDecimal.valueOf(n)), DIGITS_40);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 40; k++) {
            term = term.multiply(r, DIGITS_40).divide(BigDecimal.valueOf(k), DIGITS_40);
            sum = sum.add(term, DIGITS_40);
        }
        BigDecimal power = new BigDecimal(BigInteger.TWO.pow((int) Math.abs(n)));
        return n >= 0 ? sum.multiply(power, DIGITS_40) : sum.divide(power, DIGITS_40);
    }

    private static BigDecimal exactTanh(double x) {
        BigDecimal e = exactExp(-2 * Math.abs(x));
        BigDecimal magnitude = BigDecimal.ONE.subtract(e).divide(BigDecimal.ONE.add(e), DIGITS_40);
        return x < 0 ? magnitude.negate() : magnitude;
    }

    private static BigDecimal exactSigmoid(double z) {
        BigDecimal e = exactExp(-Math.abs(z));
        BigDecimal numerator = z < 0 ? e : BigDecimal.ONE;
        return numerator.divide(BigDecimal.ONE.add(e), DIGITS_40);
    }
}
