package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksAndParameterTest {

    @Test
    void requirePositiveFiniteMessages() {
        assertEquals(0.5, Checks.requirePositiveFinite("learning rate", 0.5));
        assertMessage("learning rate must be a positive finite number, got NaN",
                () -> Checks.requirePositiveFinite("learning rate", Double.NaN));
        assertMessage("learning rate must be a positive finite number, got -1.0",
                () -> Checks.requirePositiveFinite("learning rate", -1));
        assertMessage("learning rate must be a positive finite number, got 0.0",
                () -> Checks.requirePositiveFinite("learning rate", 0));
        assertMessage("learning rate must be a positive finite number, got Infinity",
                () -> Checks.requirePositiveFinite("learning rate", Double.POSITIVE_INFINITY));
    }

    @Test
    void requirePositiveAndFinite() {
        assertEquals(3, Checks.requirePositive("epochs", 3));
        assertMessage("epochs must be at least 1, got 0",
                () -> Checks.requirePositive("epochs", 0));
        assertEquals(-2.0, Checks.requireFinite("bias", -2));
        assertMessage("bias must be a finite number, got -Infinity",
                () -> Checks.requireFinite("bias", Double.NEGATIVE_INFINITY));
        assertEquals(0, Checks.requireNonNegative("seed offset", 0));
        assertMessage("seed offset must be 0 or more, got -1",
                () -> Checks.requireNonNegative("seed offset", -1));
    }

    @Test
    void parameterSharesArraysWithViews() {
        Parameter W = new Parameter("W1", 2, 3);
        W.valueMatrix().set(1, 2, 4.0);
        W.grad()[0] = 5.0;

        assertEquals("W1", W.name());
        assertEquals(2, W.rows());
        assertEquals(3, W.cols());
        assertEquals(6, W.size());
        assertEquals(4.0, W.value()[5]);
        assertSame(W.value(), W.valueMatrix().data());
        assertSame(W.grad(), W.gradMatrix().data());
        assertEquals(5.0, W.gradMatrix().get(0, 0));
        assertEquals("W1 (2x3)", W.toString());
    }

    @Test
    void zeroGradClearsOnlyGradient() {
        Parameter b = new Parameter("b", 2, 1);
        b.value()[0] = 1;
        b.grad()[1] = 3;

        b.zeroGrad();

        assertArrayEquals(new double[] {0, 0}, b.grad());
        assertArrayEquals(new double[] {1, 0}, b.value());
    }

    @Test
    void parameterRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Parameter(" ", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Parameter("W", 0, 1));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
