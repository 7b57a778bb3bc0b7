package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    private static final double[] POINTS = {-5, -1, 0, 0.5, 3};
    /** ReLU has a kink at 0, where no derivative exists, so its points step around it. */
    private static final double[] RELU_POINTS = {-5, -1, -1e-3, 1e-3, 0.5, 3};
    private static final double H = 1e-5;

    @Test
    void sigmoidValues() {
        assertEquals(0.5, Activations.sigmoid(0));
        assertEquals(1 / (1 + Math.exp(-2)), Activations.sigmoid(2), 1e-15);
        assertEquals(1 / (1 + Math.exp(3)), Activations.sigmoid(-3), 1e-15);
    }

    @Test
    void sigmoidSaturatesWithoutOverflow() {
        assertEquals(0.0, Activations.sigmoid(-1000));
        assertEquals(1.0, Activations.sigmoid(1000));
        assertEquals(0.0, Activations.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Activations.sigmoid(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Activations.sigmoid(Double.NaN)));
    }

    @Test
    void sigmoidDerivativeMatchesCentralDifference() {
        for (double z : POINTS) {
            double a = Activations.sigmoid(z);

            assertEquals(centralDifference(Activations::sigmoid, z),
                    Activations.sigmoidDerivativeFromOutput(a), 1e-9, "z = " + z);
        }
        assertEquals(0.25, Activations.sigmoidDerivativeFromOutput(0.5));
    }

    @Test
    void tanhValuesAndDerivative() {
        assertEquals(0.0, Activations.tanh(0));
        assertEquals(Math.tanh(0.7), Activations.tanh(0.7));
        for (double z : POINTS) {
            double a = Activations.tanh(z);

            assertEquals(centralDifference(Activations::tanh, z),
                    Activations.tanhDerivativeFromOutput(a), 1e-9, "z = " + z);
        }
        assertEquals(1.0, Activations.tanhDerivativeFromOutput(0));
    }

    @Test
    void reluValuesAndDerivative() {
        assertEquals(0.0, Activations.relu(-2));
        assertEquals(0.0, Activations.relu(0));
        assertEquals(3.5, Activations.relu(3.5));
        for (double z : RELU_POINTS) {
            assertEquals(centralDifference(Activations::relu, z),
                    Activations.reluDerivative(z), 1e-9, "z = " + z);
        }
        assertEquals(0.0, Activations.reluDerivative(0));
        assertTrue(Double.isNaN(Activations.reluDerivative(Double.NaN)));
        assertTrue(Double.isNaN(Activations.relu(Double.NaN)));
    }

    @Test
    void matrixFormsApplyElementwise() {
        Matrix Z = Matrix.of(1, 3, -1, 0, 2);
        Matrix A = new Matrix(1, 3);

        Activations.sigmoid(Z, A);
        assertArrayEquals(new double[] {Activations.sigmoid(-1), 0.5, Activations.sigmoid(2)},
                A.data());
        Activations.tanh(Z, A);
        assertArrayEquals(new double[] {Math.tanh(-1), 0, Math.tanh(2)}, A.data());
        Activations.relu(Z, Z);
        assertArrayEquals(new double[] {0, 0, 2}, Z.data());
    }

    @Test
    void matrixFormsRejectShapeMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.sigmoid(new Matrix(2, 3), new Matrix(3, 2)));

        assertTrue(e.getMessage().contains("Z is 2x3"), e.getMessage());
        assertTrue(e.getMessage().contains("A is 3x2"), e.getMessage());
        IllegalArgumentException tanh = assertThrows(IllegalArgumentException.class,
                () -> Activations.tanh(new Matrix(1, 2), new Matrix(2, 1)));
        assertTrue(tanh.getMessage().contains("Z is 1x2"), tanh.getMessage());
        assertTrue(tanh.getMessage().contains("A is 2x1"), tanh.getMessage());
        IllegalArgumentException relu = assertThrows(IllegalArgumentException.class,
                () -> Activations.relu(new Matrix(1, 2), new Matrix(1, 3)));
        assertTrue(relu.getMessage().contains("Z is 1x2"), relu.getMessage());
        assertTrue(relu.getMessage().contains("A is 1x3"), relu.getMessage());
    }

    @Test
    void softmaxHandValues() {
        double[] p = Activations.softmax(new double[] {0, Math.log(3)});

        assertArrayEquals(new double[] {0.25, 0.75}, p, 1e-15);
    }

    @Test
    void softmaxOfLargeInputs() {
        double[] p = Activations.softmax(new double[] {1000, 0});

        assertEquals(1.0, p[0]);
        assertEquals(0.0, p[1]);
    }

    @Test
    void softmaxOfVeryNegativeInputs() {
        double[] p = Activations.softmax(new double[] {-10000, -10000});

        assertEquals(0.5, p[0]);
        assertEquals(0.5, p[1]);
    }

    @Test
    void softmaxSliceLeavesRestUntouched() {
        double[] z = {9, 1, 1, 9};
        double[] out = {-1, -1, -1, -1, -1};

        Activations.softmax(z, 1, 2, out, 2);

        assertArrayEquals(new double[] {-1, -1, 0.5, 0.5, -1}, out);
        assertArrayEquals(new double[] {9, 1, 1, 9}, z);
    }

    @Test
    void softmaxInPlace() {
        double[] z = {0, Math.log(3)};

        Activations.softmax(z, 0, 2, z, 0);

        assertArrayEquals(new double[] {0.25, 0.75}, z, 1e-15);
    }

    @Test
    void logSoftmaxHandValues() {
        double[] out = new double[2];

        Activations.logSoftmax(new double[] {0, Math.log(3)}, 0, 2, out, 0);

        assertArrayEquals(new double[] {Math.log(0.25), Math.log(0.75)}, out, 1e-15);
    }

    @Test
    void logSoftmaxStaysFiniteWhereSoftmaxUnderflows() {
        double[] out = new double[2];

        Activations.logSoftmax(new double[] {1000, 0}, 0, 2, out, 0);

        assertEquals(0.0, out[0]);
        assertEquals(-1000.0, out[1]);
        Activations.logSoftmax(new double[] {-10000, -10000}, 0, 2, out, 0);
        assertEquals(Math.log(0.5), out[0], 1e-15);
        assertFalse(Double.isNaN(out[1]));
    }

    @Test
    void softmaxRejectsBadSlices() {
        double[] z = new double[3];

        assertThrows(IllegalArgumentException.class,
                () -> Activations.softmax(z, 0, 0, z, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.softmax(z, 2, 2, new double[4], 0));
        assertTrue(e.getMessage().contains("z has length 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Activations.logSoftmax(z, 0, 3, new double[3], 1));
    }

    private static double centralDifference(DoubleUnaryOperator f, double z) {
        return (f.applyAsDouble(z + H) - f.applyAsDouble(z - H)) / (2 * H);
    }
}
