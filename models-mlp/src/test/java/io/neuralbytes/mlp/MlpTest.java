package io.neuralbytes.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Matrix;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpTest {

    /** The logical OR data: samples are columns (0,0), (0,1), (1,0), (1,1). */
    private static final Matrix X_OR = Matrix.of(2, 4,
            0, 0, 1, 1,
            0, 1, 0, 1);
    private static final Matrix Y_OR = Matrix.of(1, 4, 0, 1, 1, 1);

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static void set(Parameter p, double... values) {
        System.arraycopy(values, 0, p.value(), 0, values.length);
    }

    @Test
    void parametersHaveEquationShapes() {
        Mlp net = new Mlp(3, new int[] {4, 5}, 2, new RandomSource(0));
        List<Parameter> p = net.parameters();

        assertEquals(6, p.size());
        assertEquals("W1 (4x3)", p.get(0).toString());
        assertEquals("b1 (4x1)", p.get(1).toString());
        assertEquals("W2 (5x4)", p.get(2).toString());
        assertEquals("b2 (5x1)", p.get(3).toString());
        assertEquals("W3 (2x5)", p.get(4).toString());
        assertEquals("b3 (2x1)", p.get(5).toString());
        assertEquals(3, net.inputs());
        assertEquals(2, net.outputs());
        assertArrayEquals(new int[] {4, 5}, net.hiddenWidths());
    }

    @Test
    void initialisationIsUniformAndSeeded() {
        Mlp first = new Mlp(20, new int[] {30}, 10, new RandomSource(0));
        Mlp second = new Mlp(20, new int[] {30}, 10, new RandomSource(0));
        Mlp other = new Mlp(20, new int[] {30}, 10, new RandomSource(1));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(first.parameters().get(k).value(),
                    second.parameters().get(k).value());
            for (double v : first.parameters().get(k).value()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        assertTrue(min >= -0.1, "min " + min);
        assertTrue(max < 0.1, "max " + max);
        assertTrue(min < -0.09, "min " + min);
        assertTrue(max > 0.09, "max " + max);
        assertNotEquals(first.parameters().get(0).value()[0],
                other.parameters().get(0).value()[0]);
    }

    @Test
    void predictMatchesHandComputation() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));
        List<Parameter> p = net.parameters();
        set(p.get(0), 1, -1, 0.5, 2);
        set(p.get(1), 0.1, -0.2);
        set(p.get(2), 1.5, -0.5);
        set(p.get(3), 0.3);

        Matrix A = net.predict(Matrix.of(2, 1, 2, 1));

        double h1 = sigmoid(1 * 2 - 1 * 1 + 0.1);
        double h2 = sigmoid(0.5 * 2 + 2 * 1 - 0.2);
        assertEquals(1, A.rows());
        assertEquals(1, A.cols());
        assertEquals(sigmoid(1.5 * h1 - 0.5 * h2 + 0.3), A.get(0, 0), 1e-15);
    }

    @Test
    void costAndGradientsMatchHandComputation() {
        // No hidden layer: a = sigmoid(w x + b), J = 1/(2m) sum (a - y)^2,
        // dJ/dw = 1/m sum (a - y) a (1 - a) x.
        Mlp net = new Mlp(1, new int[0], 1, new RandomSource(0));
        set(net.parameters().get(0), 0.5);
        set(net.parameters().get(1), -1);
        Matrix X = Matrix.of(1, 2, 1, 3);
        Matrix Y = Matrix.of(1, 2, 1, 0);
        double a1 = sigmoid(-0.5);
        double a2 = sigmoid(0.5);

        double J = net.computeGradients(X, Y);

        assertEquals(((a1 - 1) * (a1 - 1) + a2 * a2) / 4, J, 1e-15);
        assertEquals(J, net.cost(X, Y), 1e-15);
        double d1 = (a1 - 1) * a1 * (1 - a1) / 2;
        double d2 = a2 * a2 * (1 - a2) / 2;
        assertEquals(d1 * 1 + d2 * 3, net.parameters().get(0).grad()[0], 1e-15);
        assertEquals(d1 + d2, net.parameters().get(1).grad()[0], 1e-15);
    }

    @Test
    void learnsOrWithDefaultSettings() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));

        TrainingHistory history = net.train(X_OR, Y_OR, 10_000, 0.1);

        // Measured with these settings: 0.00384; the check leaves room for rounding only.
        assertEquals(0.00384, history.finalCost(), 1e-4);
        assertTrue(history.finalCost() < 0.02);
        assertEquals(1.0, net.accuracy(X_OR, Y_OR));
        Matrix A = net.predict(X_OR);
        assertTrue(A.get(0, 0) < 0.5, "prediction for (0,0): " + A.get(0, 0));
        assertTrue(A.get(0, 1) > 0.5, "prediction for (0,1): " + A.get(0, 1));
        assertTrue(A.get(0, 2) > 0.5, "prediction for (1,0): " + A.get(0, 2));
        assertTrue(A.get(0, 3) > 0.5, "prediction for (1,1): " + A.get(0, 3));
        assertFalse(history.diverged());
        assertEquals(10_000, history.epochsCompleted());
    }

    @Test
    void shortRunHasNotLearnedOr() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));

        TrainingHistory history = net.train(X_OR, Y_OR, 1000, 0.1);

        // Measured: the output sits near the mean target 0.75 for every point, cost 0.0912.
        assertEquals(0.0912, history.finalCost(), 1e-3);
        assertEquals(0.75, net.accuracy(X_OR, Y_OR));
    }

    @Test
    void deeperNetworkLearnsOr() {
        Mlp net = new Mlp(2, new int[] {5, 5, 5}, 1, new RandomSource(0));

        TrainingHistory history = net.train(X_OR, Y_OR, 10_000, 5.0);

        // Measured: 1.4e-5. Three layers of small weights shrink the gradient reaching W1, so
        // at learning rate 0.1 this network still sits on the plateau of cost 0.09375.
        assertTrue(history.finalCost() < 1e-4, history.toString());
        assertEquals(1.0, net.accuracy(X_OR, Y_OR));
    }

    @Test
    void historyRecordsCostPerEpoch() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));
        double before = net.cost(X_OR, Y_OR);

        TrainingHistory history = net.train(X_OR, Y_OR, 50, 0.5);

        assertEquals(before, history.initialCost());
        assertEquals(before, history.cost(0));
        assertEquals(50, history.costs().length);
        assertEquals(history.costs()[49], history.finalCost());
        assertEquals(history.costs()[9], history.cost(10));
        assertEquals(net.cost(X_OR, Y_OR), history.finalCost(), 1e-15);
        for (int epoch = 1; epoch <= 50; epoch++) {
            assertTrue(history.cost(epoch) < history.cost(epoch - 1), "epoch " + epoch);
        }
        assertThrows(IllegalArgumentException.class, () -> history.cost(51));
    }

    @Test
    void trainingIsReproducible() {
        TrainingHistory first = new Mlp(2, new int[] {3}, 1, new RandomSource(7))
                .train(X_OR, Y_OR, 200, 0.5);
        TrainingHistory second = new Mlp(2, new int[] {3}, 1, new RandomSource(7))
                .train(X_OR, Y_OR, 200, 0.5);

        assertArrayEquals(first.costs(), second.costs());
        assertEquals(first, second);
    }

    @Test
    void progressIsReported() {
        List<long[]> calls = new ArrayList<>();
        List<Double> losses = new ArrayList<>();

        TrainingHistory history = new Mlp(2, new int[] {2}, 1, new RandomSource(0))
                .train(X_OR, Y_OR, 250, 0.1, (done, total, loss) -> {
                    calls.add(new long[] {done, total});
                    losses.add(loss);
                });

        // Every 250 / 100 = 2 epochs, so 125 reports, the last one at epoch 250.
        assertEquals(125, calls.size());
        assertArrayEquals(new long[] {2, 250}, calls.get(0));
        assertArrayEquals(new long[] {250, 250}, calls.get(124));
        assertEquals(history.finalCost(), losses.get(124));
    }

    @Test
    void infiniteWeightStopsBeforeFirstEpoch() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));
        net.parameters().get(0).value()[0] = Double.POSITIVE_INFINITY;

        TrainingHistory history = net.train(X_OR, Y_OR, 100, 0.1);

        // infinity * 0 is NaN for the samples whose first input is 0.
        assertTrue(history.diverged());
        assertEquals(0, history.divergenceEpoch().getAsInt());
        assertEquals(0, history.epochsCompleted());
        assertTrue(Double.isNaN(history.initialCost()));
        assertTrue(Double.isNaN(history.finalCost()));
        assertEquals("Training stopped before epoch 1 of 100 because the initial cost is NaN"
                + " (learning rate 0.1)", history.divergenceMessage().get());
    }

    @Test
    void overflowingUpdateStopsTraining() {
        // With sigmoid outputs and targets in [0, 1] the cost cannot exceed 1/2 per output, so
        // only a weight that overflows to infinity makes it NaN. Here W1 starts at +-MAX_VALUE,
        // and a learning rate of 1e300 pushes one of them past it in the first update.
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));
        net.parameters().get(0).value()[0] = Double.MAX_VALUE;
        net.parameters().get(0).value()[1] = -Double.MAX_VALUE;
        List<Long> reported = new ArrayList<>();

        TrainingHistory history = net.train(X_OR, Y_OR, 100, 1e300,
                (done, total, loss) -> reported.add(done));

        assertTrue(history.diverged());
        assertEquals(1, history.divergenceEpoch().getAsInt());
        assertEquals(1, history.epochsCompleted());
        assertTrue(Double.isFinite(history.initialCost()));
        assertTrue(Double.isNaN(history.costs()[0]));
        assertEquals(100, history.epochsRequested());
        assertEquals("Training stopped at epoch 1 of 100 because the cost became NaN"
                + " (learning rate 1.0E300)", history.divergenceMessage().get());
        assertEquals(List.of(1L), reported);
    }

    @Test
    void hugeLearningRateSaturatesWithoutNan() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));

        TrainingHistory history = net.train(X_OR, Y_OR, 1000, 1e6);

        // The sigmoids saturate, their derivatives vanish and the weights stop moving, with
        // (0,0) stuck on the wrong side: cost 1/8.
        assertFalse(history.diverged());
        assertEquals(0.125, history.finalCost(), 1e-9);
    }

    @Test
    void trainRejectsInvalidSettings() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));

        assertMessage("epochs must be at least 1, got 0",
                () -> net.train(X_OR, Y_OR, 0, 0.1));
        assertMessage("learning rate must be a positive finite number, got NaN",
                () -> net.train(X_OR, Y_OR, 10, Double.NaN));
        assertMessage("learning rate must be a positive finite number, got -1.0",
                () -> net.train(X_OR, Y_OR, 10, -1));
        assertMessage("learning rate must be a positive finite number, got 0.0",
                () -> net.train(X_OR, Y_OR, 10, 0));
    }

    @Test
    void rejectsWrongShapes() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));

        assertMessage("predict: X is 4x2 but the network has 2 inputs; X must be 2 x m with"
                + " one sample per column", () -> net.predict(new Matrix(4, 2)));
        assertMessage("train: X is 2x4 but Y is 1x3; Y must be 1x4 (outputs x samples)",
                () -> net.train(X_OR, new Matrix(1, 3), 10, 0.1));
        assertMessage("cost: X is 2x4 but Y is 2x4; Y must be 1x4 (outputs x samples)",
                () -> net.cost(X_OR, new Matrix(2, 4)));
    }

    @Test
    void trainRejectsNonFiniteData() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));
        Matrix X = X_OR.copy();
        X.set(1, 2, Double.NaN);

        assertMessage("X(1, 2) is NaN; training data must be finite",
                () -> net.train(X, Y_OR, 10, 0.1));
    }

    @Test
    void constructorRejectsInvalidWidths() {
        RandomSource rng = new RandomSource(0);

        assertMessage("inputs must be at least 1, got 0", () -> new Mlp(0, new int[] {2}, 1, rng));
        assertMessage("outputs must be at least 1, got -1",
                () -> new Mlp(2, new int[] {2}, -1, rng));
        assertMessage("width of hidden layer 2 must be at least 1, got 0",
                () -> new Mlp(2, new int[] {3, 0}, 1, rng));
    }

    @Test
    void batchSizeMayChangeBetweenCalls() {
        Mlp net = new Mlp(2, new int[] {2}, 1, new RandomSource(0));
        Matrix all = net.predict(X_OR);

        Matrix one = net.predict(Matrix.of(2, 1, 1, 0));

        assertEquals(all.get(0, 2), one.get(0, 0), 1e-15);
        assertEquals(4, net.predict(X_OR).cols());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
