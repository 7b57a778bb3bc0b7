package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    /** L = sum_i w_i^3 + 2 b, so dL/dw_i = 3 w_i^2 and dL/db = 2. */
    private static double loss(Parameter w, Parameter b) {
        double sum = 0;
        for (double value : w.value()) {
            sum += value * value * value;
        }
        return sum + 2 * b.value()[0];
    }

    @Test
    void correctGradientPasses() {
        Parameter w = OptimizersTest.parameter(new double[] {0.5, -1.5, 2}, new double[3]);
        Parameter b = OptimizersTest.parameter(new double[] {0.3}, new double[] {2});
        Parameter wNamed = rename(w, "w");
        Parameter bNamed = rename(b, "b");
        for (int i = 0; i < 3; i++) {
            wNamed.grad()[i] = 3 * wNamed.value()[i] * wNamed.value()[i];
        }

        GradientCheck.Result result = GradientCheck.check(List.of(wNamed, bNamed),
                () -> loss(wNamed, bNamed), 1e-5);

        assertTrue(result.maxRelativeError() < 1e-8, result.toString());
        assertEquals(List.of("w", "b"), List.copyOf(result.maxRelativeErrorByParameter().keySet()));
        assertArrayEquals(new double[] {0.5, -1.5, 2}, wNamed.value());
    }

    @Test
    void throwingLossRestoresParameters() {
        Parameter w = rename(OptimizersTest.parameter(new double[] {0.5, -1.5, 2}, new double[3]),
                "w");
        for (int i = 0; i < 3; i++) {
            w.grad()[i] = 3 * w.value()[i] * w.value()[i];
        }
        int[] calls = {0};
        // The fourth call (element 1, value moved down by eps) fails after writing a gradient.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradientCheck.check(List.of(w), () -> {
                    w.grad()[0] = -99.0;
                    if (++calls[0] == 4) {
                        throw new IllegalStateException("loss failed");
                    }
                    return loss(w, w);
                }, 1e-5));

        assertEquals("loss failed", e.getMessage());
        assertArrayEquals(new double[] {0.5, -1.5, 2}, w.value());
        assertArrayEquals(new double[] {0.75, 6.75, 12}, w.grad());
    }

    @Test
    void wrongGradientIsCaught() {
        Parameter w = rename(OptimizersTest.parameter(new double[] {0.5, -1.5, 2}, new double[3]),
                "w");
        Parameter b = rename(OptimizersTest.parameter(new double[] {0.3}, new double[] {2}), "b");
        for (int i = 0; i < 3; i++) {
            w.grad()[i] = 3 * w.value()[i] * w.value()[i];
        }
        // A deliberate mistake: the derivative of w^3 written as 2 w^2 in one element.
        w.grad()[1] = 2 * w.value()[1] * w.value()[1];

        GradientCheck.Result result = GradientCheck.check(List.of(w, b), () -> loss(w, b), 1e-5);

        assertEquals("w", result.worstParameter());
        assertEquals(1, result.worstIndex());
        assertEquals(4.5, result.worstAnalytic());
        assertEquals(6.75, result.worstNumeric(), 1e-8);
        assertEquals(1.0 / 3.0, result.maxRelativeError(), 1e-8);
        assertTrue(result.maxRelativeErrorByParameter().get("b") < 1e-8);
    }

    @Test
    void twoZeroGradientsAgree() {
        assertEquals(0.0, GradientCheck.relativeError(0.0, 0.0));
        assertEquals(0.0, GradientCheck.relativeError(-0.0, 0.0));
        Parameter flat = rename(OptimizersTest.parameter(new double[] {1, 2}, new double[2]), "c");

        GradientCheck.Result result = GradientCheck.check(List.of(flat), () -> 7.0, 1e-5);

        assertEquals(0.0, result.maxRelativeError());
    }

    @Test
    void relativeErrorHandValues() {
        assertEquals(0.5, GradientCheck.relativeError(1.0, 2.0));
        assertEquals(2.0, GradientCheck.relativeError(1.0, -1.0));
        assertEquals(1.0, GradientCheck.relativeError(0.0, 1e-3));
        assertTrue(Double.isNaN(GradientCheck.relativeError(Double.NaN, 1.0)));
    }

    @Test
    void gradientsAndValuesAreRestored() {
        Parameter w = rename(OptimizersTest.parameter(new double[] {1, 2}, new double[] {2, 4}),
                "w");

        GradientCheck.check(List.of(w), () -> {
            // A loss function that also runs a backward pass and overwrites the gradient.
            w.grad()[0] = -99;
            return w.value()[0] * w.value()[0] + w.value()[1] * w.value()[1];
        }, 1e-5);

        assertArrayEquals(new double[] {1, 2}, w.value());
        assertArrayEquals(new double[] {2, 4}, w.grad());
    }

    @Test
    void rejectsBadArguments() {
        Parameter w = new Parameter("w", 1, 1);

        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(List.of(), () -> 0, 1e-5));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(List.of(w), () -> 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(List.of(w, new Parameter("w", 1, 1)), () -> 0, 1e-5));
        assertTrue(e.getMessage().contains("named w"), e.getMessage());
    }

    private static Parameter rename(Parameter source, String name) {
        Parameter p = new Parameter(name, source.rows(), source.cols());
        System.arraycopy(source.value(), 0, p.value(), 0, p.size());
        System.arraycopy(source.grad(), 0, p.grad(), 0, p.size());
        return p;
    }
}
