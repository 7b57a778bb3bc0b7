package io.neuralbytes.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.GradientCheck;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Matrix;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlpGradientCheckTest {

    private static final double EPSILON = 1e-5;
    private static final double MAX_RELATIVE_ERROR = 1e-6;

    /**
     * Checks every parameter of networks with 1, 2 and 3 hidden layers of width 2 and of
     * width 5, on 3 inputs, 2 outputs and 5 samples.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2", "5", "2,2", "5,5", "2,2,2", "5,5,5", "5,2,5"})
    void gradientsMatchCentralDifferences(String widths) {
        int[] hidden = Arrays.stream(widths.split(",")).mapToInt(Integer::parseInt).toArray();
        RandomSource rng = new RandomSource(hidden.length * 10L + hidden[0]);
        Mlp net = new Mlp(3, hidden, 2, rng);
        // Weights in [-1, 1) rather than the default [-0.1, 0.1) keep the gradients of the first
        // layers well above the rounding noise of the central difference.
        for (Parameter p : net.parameters()) {
            Initializers.uniform(p.value(), -1.0, 1.0, rng);
        }
        Matrix X = new Matrix(3, 5);
        Initializers.uniform(X, -2.0, 2.0, rng);
        Matrix Y = new Matrix(2, 5);
        Initializers.uniform(Y, 0.0, 1.0, rng);

        net.computeGradients(X, Y);
        GradientCheck.Result result = GradientCheck.check(net.parameters(),
                () -> net.cost(X, Y), EPSILON);

        assertEquals(2 * (hidden.length + 1), result.maxRelativeErrorByParameter().size());
        for (Map.Entry<String, Double> entry : result.maxRelativeErrorByParameter().entrySet()) {
            assertTrue(entry.getValue() < MAX_RELATIVE_ERROR,
                    entry.getKey() + " of " + widths + ": " + result);
        }
    }
}
