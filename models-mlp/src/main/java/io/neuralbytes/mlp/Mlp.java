package io.neuralbytes.mlp;

import io.neuralbytes.core.Activations;
import io.neuralbytes.core.Checks;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Matrix;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.ProgressListener;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multi-layer perceptron with sigmoid units in every layer, the output included, trained by
 * full-batch gradient descent on the mean squared error.
 *
 * <p>Shapes: samples are columns. With L = hidden layers + 1 and widths n_0 (inputs), n_1 ..
 * n_(L-1) (hidden) and n_L (outputs), for a batch of m samples:
 * <pre>
 *   X = A_0          n_0 x m
 *   W_l              n_l x n_(l-1)      b_l   n_l x 1
 *   Z_l = W_l A_(l-1) + b_l             n_l x m   (b_l added to every column)
 *   A_l = sigmoid(Z_l)                  n_l x m
 *   J   = 1/(2m) sum (A_L - Y)^2        Y is n_L x m
 * </pre>
 * Backward, with dZ_l = dJ/dZ_l:
 * <pre>
 *   dZ_L     = (A_L - Y) / m ∘ A_L ∘ (1 - A_L)
 *   dW_l     = dZ_l A_(l-1)^T           db_l = sum over the columns of dZ_l
 *   dZ_(l-1) = (W_l^T dZ_l) ∘ A_(l-1) ∘ (1 - A_(l-1))
 * </pre>
 * The sigmoid's derivative is taken of its output A, which is what the chain rule requires.
 *
 * <p>An instance keeps work buffers for the last batch size it saw, so repeated calls with the
 * same m allocate nothing. It is not thread-safe.
 */
public final class Mlp {

    /** Every weight and bias starts uniform in [-INIT_LIMIT, INIT_LIMIT). */
    public static final double INIT_LIMIT = 0.1;

    private static final Logger LOG = LoggerFactory.getLogger(Mlp.class);

    /** Progress is reported about this many times per run, plus once at the end. */
    private static final int PROGRESS_REPORTS = 100;

    /** widths[0] = inputs, widths[L] = outputs. */
    private final int[] widths;
    private final int layers;
    /** W[l] and b[l] for l = 1 .. L; index 0 is unused so indices match the equations. */
    private final Parameter[] W;
    private final Parameter[] b;
    private final List<Parameter> parameters;

    /** A[l] is n_l x m; A[0] is the caller's X, never written. */
    private final Matrix[] A;
    /** dZ[l] is n_l x m and ends as dJ/dZ_l; for l < L it first contains dJ/dA_l. */
    private final Matrix[] dZ;
    private int batchSize = -1;

    /**
     * Creates a network and initialises every weight and bias uniform in
     * [-{@value #INIT_LIMIT}, {@value #INIT_LIMIT}) from {@code rng}, layer by layer, W before b.
     *
     * @param inputs       n_0, the number of input features (rows of X)
     * @param hiddenWidths the width of each hidden layer, first to last; may be empty, which
     *                     gives logistic regression trained on squared error
     * @param outputs      n_L, the number of sigmoid outputs (rows of Y)
     * @throws IllegalArgumentException if a width is below 1
     */
    public Mlp(int inputs, int[] hiddenWidths, int outputs, RandomSource rng) {
        Objects.requireNonNull(hiddenWidths, "hiddenWidths must not be null; pass new int[0]"
                + " for no hidden layer");
        Objects.requireNonNull(rng, "rng must not be null");
        layers = hiddenWidths.length + 1;
        widths = new int[layers + 1];
        widths[0] = Checks.requirePositive("inputs", inputs);
        for (int l = 1; l < layers; l++) {
            widths[l] = Checks.requirePositive("width of hidden layer " + l, hiddenWidths[l - 1]);
        }
        widths[layers] = Checks.requirePositive("outputs", outputs);

        W = new Parameter[layers + 1];
        b = new Parameter[layers + 1];
        List<Parameter> all = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            W[l] = new Parameter("W" + l, widths[l], widths[l - 1]);
            b[l] = new Parameter("b" + l, widths[l], 1);
            Initializers.uniformSymmetric(W[l].value(), INIT_LIMIT, rng);
            Initializers.uniformSymmetric(b[l].value(), INIT_LIMIT, rng);
            all.add(W[l]);
            all.add(b[l]);
        }
        parameters = Collections.unmodifiableList(all);
        A = new Matrix[layers + 1];
        dZ = new Matrix[layers + 1];
    }

    /** Returns n_0, the number of inputs. */
    public int inputs() {
        return widths[0];
    }

    /** Returns n_L, the number of outputs. */
    public int outputs() {
        return widths[layers];
    }

    /** Returns a copy of the hidden-layer widths, first to last. */
    public int[] hiddenWidths() {
        return Arrays.copyOfRange(widths, 1, layers);
    }

    /**
     * Returns the trainable parameters in the order W1, b1, W2, b2, .., W_L, b_L. The list is
     * unmodifiable but the parameters are the live ones: writing their values changes the
     * network.
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Returns the network's outputs A_L (n_L x m) for the samples in the columns of X
     * (n_0 x m), as a new matrix. X is not modified.
     */
    public Matrix predict(Matrix X) {
        requireInputs("predict", X);
        return forward(X).copy();
    }

    /** Returns the cost J = 1/(2m) sum (A_L - Y)^2 of the current parameters on X and Y. */
    public double cost(Matrix X, Matrix Y) {
        requireData("cost", X, Y);
        return meanSquaredError(forward(X), Y);
    }

    /**
     * Returns the fraction of samples classified correctly, in [0, 1]. A sample counts as
     * correct when every output and its target fall on the same side of 0.5 (an output of
     * exactly 0.5 counts as class 1).
     */
    public double accuracy(Matrix X, Matrix Y) {
        requireData("accuracy", X, Y);
        Matrix output = forward(X);
        int m = X.cols();
        int correct = 0;
        for (int j = 0; j < m; j++) {
            boolean allMatch = true;
            for (int i = 0; i < output.rows(); i++) {
                boolean predicted = output.get(i, j) >= 0.5;
                boolean target = Y.get(i, j) >= 0.5;
                allMatch &= predicted == target;
            }
            if (allMatch) {
                correct++;
            }
        }
        return (double) correct / m;
    }

    /**
     * Runs a forward and a backward pass on X and Y and writes dJ/dW_l and dJ/db_l into the
     * gradients of {@link #parameters()}, overwriting them. Parameter values are not changed.
     *
     * @return the cost J of the current parameters
     */
    public double computeGradients(Matrix X, Matrix Y) {
        requireData("computeGradients", X, Y);
        double J = meanSquaredError(forward(X), Y);
        backward(Y);
        return J;
    }

    /**
     * Trains like {@link #train(Matrix, Matrix, int, double, ProgressListener)}, reporting no
     * progress.
     */
    public TrainingHistory train(Matrix X, Matrix Y, int epochs, double learningRate) {
        return train(X, Y, epochs, learningRate, ProgressListener.NONE);
    }

    /**
     * Trains by full-batch gradient descent: each epoch computes the gradient over all m
     * samples and applies one update W -= lr dW, b -= lr db.
     *
     * <p>When the cost becomes NaN or infinite, training stops at once, the history records
     * the epoch and the reason, and a warning is logged; no exception is thrown, so a sweep of
     * runs can go on. The parameters are then left as the diverged update made them, or as
     * they were when the initial cost is already NaN or infinite.
     *
     * @param X        inputs, n_0 x m, finite; not modified
     * @param Y        targets, n_L x m, finite; not modified
     * @param listener receives (epoch, epochs, cost) about every epochs/100 epochs and after
     *                 the last completed epoch. When training diverges, it receives the
     *                 non-finite cost once, with epoch 0 if the initial cost is non-finite.
     * @throws IllegalArgumentException if epochs is below 1, the learning rate is not positive
     *                                  and finite, a shape does not fit, or X or Y contains NaN
     *                                  or infinity
     */
    public TrainingHistory train(Matrix X, Matrix Y, int epochs, double learningRate,
                                 ProgressListener listener) {
        Checks.requirePositive("epochs", epochs);
        Sgd sgd = new Sgd(learningRate);
        Objects.requireNonNull(listener, "listener must not be null; pass ProgressListener.NONE");
        requireData("train", X, Y);
        requireAllFinite("X", X);
        requireAllFinite("Y", Y);
        LOG.debug("Training MLP {} on {} samples for {} epochs at learning rate {}",
                Arrays.toString(widths), X.cols(), epochs, learningRate);

        double[] costs = new double[epochs];
        double initialCost = computeGradients(X, Y);
        if (!Double.isFinite(initialCost)) {
            return diverged(epochs, learningRate, initialCost, costs, 0, initialCost, listener);
        }
        long progressEvery = Math.max(1, epochs / PROGRESS_REPORTS);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            sgd.step(parameters);
            // The pass that measures this epoch's cost also yields the next epoch's gradient.
            double J;
            if (epoch < epochs) {
                J = computeGradients(X, Y);
            } else {
                J = meanSquaredError(forward(X), Y);
            }
            costs[epoch - 1] = J;
            if (!Double.isFinite(J)) {
                return diverged(epochs, learningRate, initialCost, costs, epoch, J, listener);
            }
            if (epoch % progressEvery == 0 || epoch == epochs) {
                listener.onProgress(epoch, epochs, J);
            }
        }
        LOG.debug("Finished {} epochs, cost {} -> {}", epochs, initialCost, costs[epochs - 1]);
        return new TrainingHistory(epochs, learningRate, initialCost, costs, -1, null);
    }

    private TrainingHistory diverged(int epochs, double learningRate, double initialCost,
                                     double[] costs, int epoch, double J,
                                     ProgressListener listener) {
        String message = epoch == 0
                ? "Training stopped before epoch 1 of " + epochs + " because the initial cost is "
                        + J + " (learning rate " + learningRate + ")"
                : "Training stopped at epoch " + epoch + " of " + epochs
                        + " because the cost became " + J + " (learning rate " + learningRate + ")";
        LOG.warn(message);
        listener.onProgress(epoch, epochs, J);
        return new TrainingHistory(epochs, learningRate, initialCost,
                Arrays.copyOf(costs, epoch), epoch, message);
    }

    // ---------------------------------------------------------------- forward and backward

    /** Computes A_1 .. A_L for the columns of X into the work buffers and returns A_L. */
    private Matrix forward(Matrix X) {
        ensureBatchSize(X.cols());
        A[0] = X;
        for (int l = 1; l <= layers; l++) {
            // A_l contains Z_l until the sigmoid overwrites it, because backward needs only A_l.
            Matrix.multiply(W[l].valueMatrix(), A[l - 1], A[l]);
            A[l].addColumnVectorInPlace(b[l].value());
            Activations.sigmoid(A[l], A[l]);
        }
        return A[layers];
    }

    /** Writes dW_l and db_l for every layer from the A_l of the last forward pass and Y. */
    private void backward(Matrix Y) {
        int m = Y.cols();
        double[] y = Y.data();

        // dZ_L = (A_L - Y) / m ∘ A_L ∘ (1 - A_L)
        double[] aL = A[layers].data();
        double[] dzL = dZ[layers].data();
        for (int i = 0; i < aL.length; i++) {
            dzL[i] = (aL[i] - y[i]) / m * Activations.sigmoidDerivativeFromOutput(aL[i]);
        }

        for (int l = layers; l >= 1; l--) {
            // dW_l = dZ_l A_(l-1)^T, db_l = row sums of dZ_l
            Matrix.multiplyTransB(dZ[l], A[l - 1], W[l].gradMatrix());
            Matrix.rowSums(dZ[l], b[l].grad());
            if (l == 1) {
                break;
            }
            // dZ_(l-1) = (W_l^T dZ_l) ∘ A_(l-1) ∘ (1 - A_(l-1))
            Matrix.multiplyTransA(W[l].valueMatrix(), dZ[l], dZ[l - 1]);
            double[] a = A[l - 1].data();
            double[] dz = dZ[l - 1].data();
            for (int i = 0; i < a.length; i++) {
                dz[i] *= Activations.sigmoidDerivativeFromOutput(a[i]);
            }
        }
    }

    /** Returns J = 1/(2m) sum (A_L - Y)^2. */
    private static double meanSquaredError(Matrix output, Matrix Y) {
        double[] a = output.data();
        double[] y = Y.data();
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            double error = a[i] - y[i];
            sum += error * error;
        }
        return sum / (2.0 * Y.cols());
    }

    private void ensureBatchSize(int m) {
        if (m == batchSize) {
            return;
        }
        for (int l = 1; l <= layers; l++) {
            A[l] = new Matrix(widths[l], m);
            dZ[l] = new Matrix(widths[l], m);
        }
        batchSize = m;
    }

    // ---------------------------------------------------------------- argument checks

    private void requireInputs(String operation, Matrix X) {
        Objects.requireNonNull(X, operation + ": X must not be null");
        if (X.rows() != inputs()) {
            throw new IllegalArgumentException(operation + ": X is " + X.rows() + "x" + X.cols()
                    + " but the network has " + inputs() + " inputs; X must be "
                    + inputs() + " x m with one sample per column");
        }
    }

    private void requireData(String operation, Matrix X, Matrix Y) {
        requireInputs(operation, X);
        Objects.requireNonNull(Y, operation + ": Y must not be null");
        if (Y.rows() != outputs() || Y.cols() != X.cols()) {
            throw new IllegalArgumentException(operation + ": X is " + X.rows() + "x" + X.cols()
                    + " but Y is " + Y.rows() + "x" + Y.cols() + "; Y must be " + outputs()
                    + "x" + X.cols() + " (outputs x samples)");
        }
    }

    private static void requireAllFinite(String name, Matrix M) {
        double[] values = M.data();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + "(" + k / M.cols() + ", "
                        + k % M.cols() + ") is " + values[k] + "; training data must be finite");
            }
        }
    }
}
