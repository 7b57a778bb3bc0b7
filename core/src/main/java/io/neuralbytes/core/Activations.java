package io.neuralbytes.core;

/**
 * Activation functions and their derivatives. The name of each derivative states which value it
 * takes: {@code ...FromOutput(a)} takes the activation a = f(z), the others take the input z.
 * NaN inputs give NaN outputs.
 */
public final class Activations {

    private Activations() {
    }

    /**
     * Returns the logistic sigmoid 1 / (1 + e^-z), computed so that no intermediate overflows:
     * sigmoid(-1000) is exactly 0 and sigmoid(1000) exactly 1.
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** Returns the sigmoid's derivative a (1 - a), taking the output a = sigmoid(z). */
    public static double sigmoidDerivativeFromOutput(double a) {
        return a * (1.0 - a);
    }

    /** Returns the hyperbolic tangent of z. */
    public static double tanh(double z) {
        return Math.tanh(z);
    }

    /** Returns tanh's derivative 1 - a^2, taking the output a = tanh(z). */
    public static double tanhDerivativeFromOutput(double a) {
        return 1.0 - a * a;
    }

    /** Returns max(0, z). */
    public static double relu(double z) {
        return Math.max(0.0, z);
    }

    /**
     * Returns ReLU's derivative, taking the input z: 1 if z > 0, else 0. At the kink z = 0 it
     * returns 0, the usual subgradient choice.
     */
    public static double reluDerivative(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        return z > 0 ? 1.0 : 0.0;
    }

    /**
     * Writes A = sigmoid(Z) element by element and returns A; Z and A have one shape, and A may
     * be Z.
     */
    public static Matrix sigmoid(Matrix Z, Matrix A) {
        Shapes.requireSameShape("sigmoid", "Z", Z, "A", A);
        double[] z = Z.data();
        double[] a = A.data();
        for (int i = 0; i < z.length; i++) {
            a[i] = sigmoid(z[i]);
        }
        return A;
    }

    /** Writes A = tanh(Z) element by element and returns A; A may be Z. */
    public static Matrix tanh(Matrix Z, Matrix A) {
        Shapes.requireSameShape("tanh", "Z", Z, "A", A);
        double[] z = Z.data();
        double[] a = A.data();
        for (int i = 0; i < z.length; i++) {
            a[i] = Math.tanh(z[i]);
        }
        return A;
    }

    /** Writes A = max(0, Z) element by element and returns A; A may be Z. */
    public static Matrix relu(Matrix Z, Matrix A) {
        Shapes.requireSameShape("relu", "Z", Z, "A", A);
        double[] z = Z.data();
        double[] a = A.data();
        for (int i = 0; i < z.length; i++) {
            a[i] = Math.max(0.0, z[i]);
        }
        return A;
    }

    /**
     * Writes softmax(z) for the slice {@code z[offset .. offset+length)} into
     * {@code out[outOffset .. outOffset+length)}: out_i = e^(z_i - max) / sum_j e^(z_j - max).
     * Subtracting the maximum keeps every exponent at most 0, so large inputs do not overflow:
     * softmax(1000, 0) = (1, 0) and softmax(-10000, -10000) = (0.5, 0.5). Only {@code out} is
     * modified; it may be {@code z} with the same offset.
     *
     * @throws IllegalArgumentException if length is below 1 or a slice lies outside its array
     */
    public static void softmax(double[] z, int offset, int length, double[] out, int outOffset) {
        requireSlices("softmax", z, offset, length, out, outOffset);
        double max = max(z, offset, length);
        double sum = 0.0;
        for (int i = 0; i < length; i++) {
            double e = Math.exp(z[offset + i] - max);
            out[outOffset + i] = e;
            sum += e;
        }
        double inverse = 1.0 / sum;
        for (int i = 0; i < length; i++) {
            out[outOffset + i] *= inverse;
        }
    }

    /**
     * Writes log softmax(z) for the slice {@code z[offset .. offset+length)} into
     * {@code out[outOffset ..]}: out_i = (z_i - max) - log(sum_j e^(z_j - max)). It stays finite
     * where log(softmax) would give -infinity for a probability that underflows to 0. Only
     * {@code out} is modified; it may be {@code z} with the same offset.
     *
     * @throws IllegalArgumentException if length is below 1 or a slice lies outside its array
     */
    public static void logSoftmax(double[] z, int offset, int length, double[] out,
                                  int outOffset) {
        requireSlices("logSoftmax", z, offset, length, out, outOffset);
        double max = max(z, offset, length);
        double sum = 0.0;
        for (int i = 0; i < length; i++) {
            sum += Math.exp(z[offset + i] - max);
        }
        // Subtracting max before log(sum) avoids cancellation when |max| is large.
        double logSum = Math.log(sum);
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = (z[offset + i] - max) - logSum;
        }
    }

    /** Returns softmax(z) as a new array; z is not modified. */
    public static double[] softmax(double[] z) {
        double[] out = new double[z.length];
        softmax(z, 0, z.length, out, 0);
        return out;
    }

    private static double max(double[] z, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            // Math.max keeps a NaN, so a NaN input makes every output NaN.
            max = Math.max(max, z[i]);
        }
        return max;
    }

    private static void requireSlices(String operation, double[] z, int offset, int length,
                                      double[] out, int outOffset) {
        if (length < 1) {
            throw new IllegalArgumentException(operation + ": length must be at least 1, got "
                    + length);
        }
        Checks.requireSlice(operation, "z", z, offset, length);
        Checks.requireSlice(operation, "out", out, outOffset, length);
    }
}
