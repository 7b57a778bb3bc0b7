package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void clipsEachElementToLimit() {
        double[] g = {-7, -5, 0.5, 5, 12};

        GradientClipping.clipElementwise(g, 5);

        assertArrayEquals(new double[] {-5, -5, 0.5, 5, 5}, g);
    }

    @Test
    void nanStaysNan() {
        double[] g = {Double.NaN, Double.POSITIVE_INFINITY};

        GradientClipping.clipElementwise(g, 1);

        assertTrue(Double.isNaN(g[0]));
        assertArrayEquals(new double[] {1}, new double[] {g[1]});
    }

    @Test
    void clipsGradientsOfEveryParameter() {
        Parameter first = OptimizersTest.parameter(new double[] {9, 9}, new double[] {3, -3});
        Parameter second = OptimizersTest.parameter(new double[] {9}, new double[] {0.1});

        GradientClipping.clipElementwise(List.of(first, second), 1);

        assertArrayEquals(new double[] {1, -1}, first.grad());
        assertArrayEquals(new double[] {0.1}, second.grad());
        assertArrayEquals(new double[] {9, 9}, first.value());
    }

    @Test
    void rejectsInvalidLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.clipElementwise(new double[1], -1));

        assertTrue(e.getMessage().contains("clip limit"), e.getMessage());
    }
}
