package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void sgdSubtractsScaledGradient() {
        Parameter p = parameter(new double[] {1, 2, 3}, new double[] {0.5, -1, 0});

        new Sgd(0.1).step(List.of(p));

        assertArrayEquals(new double[] {0.95, 2.1, 3}, p.value(), 1e-15);
        assertArrayEquals(new double[] {0.5, -1, 0}, p.grad());
    }

    @Test
    void adagradMemoryFromManyThreads() throws InterruptedException {
        Adagrad adagrad = new Adagrad(0.1);
        int threads = 4;
        int perThread = 2_000;
        Parameter[][] parameters = new Parameter[threads][perThread];
        double[][][] first = new double[threads][perThread][];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                for (int n = 0; n < perThread; n++) {
                    parameters[index][n] = new Parameter("p", 1, 1);
                    first[index][n] = adagrad.memory(parameters[index][n]);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        // Every parameter keeps the memory it was given first; none was lost to a race.
        for (int t = 0; t < threads; t++) {
            for (int n = 0; n < perThread; n++) {
                assertSame(first[t][n], adagrad.memory(parameters[t][n]), t + ", " + n);
            }
        }
    }

    @Test
    void adagradHandValues() {
        Parameter p = parameter(new double[] {1, 1}, new double[] {2, -3});
        Adagrad adagrad = new Adagrad(0.1, 1e-8);

        adagrad.step(List.of(p));

        // m = g^2 = (4, 9), update lr g / sqrt(m + eps) = lr sign(g), almost exactly.
        assertArrayEquals(new double[] {4, 9}, adagrad.memory(p));
        assertArrayEquals(new double[] {0.9, 1.1}, p.value(), 1e-9);

        double first = p.value()[0];
        double second = p.value()[1];
        adagrad.step(p);

        // m = (8, 18); update 0.1 * 2 / sqrt(8) and 0.1 * -3 / sqrt(18).
        assertArrayEquals(new double[] {8, 18}, adagrad.memory(p));
        assertEquals(first - 0.2 / Math.sqrt(8 + 1e-8), p.value()[0], 1e-15);
        assertEquals(second + 0.3 / Math.sqrt(18 + 1e-8), p.value()[1], 1e-15);
    }

    @Test
    void adagradZeroGradientGivesZeroUpdate() {
        Parameter p = parameter(new double[] {0.5, -0.5}, new double[] {0, 0});
        Adagrad adagrad = new Adagrad(0.01);

        adagrad.step(List.of(p));

        assertArrayEquals(new double[] {0.5, -0.5}, p.value());
        assertArrayEquals(new double[] {0, 0}, adagrad.memory(p));
    }

    @Test
    void adagradSparseStepTouchesOnlyRange() {
        Parameter p = parameter(new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1});
        Adagrad adagrad = new Adagrad(0.5);

        adagrad.step(p, 1, 3);

        assertEquals(1.0, p.value()[0]);
        assertEquals(1.0, p.value()[3]);
        assertEquals(0.5, p.value()[1], 1e-8);
        assertArrayEquals(new double[] {0, 1, 1, 0}, adagrad.memory(p));
        assertThrows(IllegalArgumentException.class, () -> adagrad.step(p, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> adagrad.step(p, 3, 2));
    }

    @Test
    void adagradKeepsOneMemoryPerParameter() {
        Parameter first = parameter(new double[] {0}, new double[] {1});
        Parameter second = parameter(new double[] {0}, new double[] {2});
        Adagrad adagrad = new Adagrad(0.1);

        adagrad.step(List.of(first, second));

        assertSame(adagrad.memory(first), adagrad.memory(first));
        assertArrayEquals(new double[] {1}, adagrad.memory(first));
        assertArrayEquals(new double[] {4}, adagrad.memory(second));
    }

    @Test
    void learningRateRejectsInvalidValues() {
        assertRejectsLearningRate(Sgd::new);
        assertRejectsLearningRate(Adagrad::new);
    }

    @Test
    void adagradRejectsInvalidEps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adagrad(0.1, 0));

        assertTrue(e.getMessage().contains("eps"), e.getMessage());
    }

    private static void assertRejectsLearningRate(DoubleFunction<Optimizer> create) {
        for (double lr : new double[] {Double.NaN, -0.1, 0.0, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> create.apply(lr));
            assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(lr)), e.getMessage());
        }
    }

    static Parameter parameter(double[] value, double[] grad) {
        Parameter p = new Parameter("p", 1, value.length);
        System.arraycopy(value, 0, p.value(), 0, value.length);
        System.arraycopy(grad, 0, p.grad(), 0, grad.length);
        return p;
    }
}
