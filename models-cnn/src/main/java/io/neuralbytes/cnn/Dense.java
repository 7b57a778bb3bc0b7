package io.neuralbytes.cnn;

import io.neuralbytes.core.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Fully connected layer z = W a + b from J inputs to M outputs.
 *
 * <p>Shapes, all flat row-major {@code double[]}:
 * <pre>
 *   a   J        input (the flattened ReLU maps)
 *   W   M x J    weights, W[m, j] at m*J + j
 *   b   M        bias
 *   z   M        output (logits)
 * </pre>
 *
 * <p>Backward, given dz = dCost/dz: dW += dz a^T, db += dz, da = W^T dz.
 *
 * <p>Not thread-safe: the gradients live in the layer's parameters.
 */
public final class Dense {

  /** Columns of W per block of {@link #backwardAndStep}: 512 doubles of da and of a, 8 KB. */
  private static final int COLUMN_BLOCK = 512;

  private final int J;
  private final int M;
  private final Parameter W;
  private final Parameter b;
  private final List<Parameter> parameters;

  /** Creates the layer with all weights zero; the network initialises them. */
  Dense(int inputs, int outputs) {
    J = inputs;
    M = outputs;
    W = new Parameter("dense.W", M, J);
    b = new Parameter("dense.b", M, 1);
    parameters = List.of(W, b);
  }

  /** Returns the weights W, M x J. */
  public Parameter weights() {
    return W;
  }

  /** Returns the bias b, M x 1. */
  public Parameter bias() {
    return b;
  }

  /** Returns the trainable parameters: W, then b. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * Computes z = W a + b.
   *
   * @param a input, length J; not modified
   * @param z output, length M, overwritten
   */
  public void forward(double[] a, double[] z) {
    double[] w = W.value();
    double[] bias = b.value();
    // Five, then four rows at a time: each z[m] is still summed over j in order, as in the
    // one-row loop below, but independent sums keep the floating-point adder busy. Ten classes
    // make two blocks of five, with no row left to run alone.
    int m = 0;
    for (; m + 5 <= M; m += 5) {
      int row0 = m * J;
      int row1 = row0 + J;
      int row2 = row1 + J;
      int row3 = row2 + J;
      int row4 = row3 + J;
      double sum0 = 0.0;
      double sum1 = 0.0;
      double sum2 = 0.0;
      double sum3 = 0.0;
      double sum4 = 0.0;
      for (int j = 0; j < J; j++) {
        double aj = a[j];
        sum0 += w[row0 + j] * aj;
        sum1 += w[row1 + j] * aj;
        sum2 += w[row2 + j] * aj;
        sum3 += w[row3 + j] * aj;
        sum4 += w[row4 + j] * aj;
      }
      z[m] = bias[m] + sum0;
      z[m + 1] = bias[m + 1] + sum1;
      z[m + 2] = bias[m + 2] + sum2;
      z[m + 3] = bias[m + 3] + sum3;
      z[m + 4] = bias[m + 4] + sum4;
    }
    for (; m + 4 <= M; m += 4) {
      int row0 = m * J;
      int row1 = row0 + J;
      int row2 = row1 + J;
      int row3 = row2 + J;
      double sum0 = 0.0;
      double sum1 = 0.0;
      double sum2 = 0.0;
      double sum3 = 0.0;
      for (int j = 0; j < J; j++) {
        double aj = a[j];
        sum0 += w[row0 + j] * aj;
        sum1 += w[row1 + j] * aj;
        sum2 += w[row2 + j] * aj;
        sum3 += w[row3 + j] * aj;
      }
      z[m] = bias[m] + sum0;
      z[m + 1] = bias[m + 1] + sum1;
      z[m + 2] = bias[m + 2] + sum2;
      z[m + 3] = bias[m + 3] + sum3;
    }
    for (; m < M; m++) {
      int row = m * J;
      double sum = 0.0;
      for (int j = 0; j < J; j++) {
        sum += w[row + j] * a[j];
      }
      z[m] = bias[m] + sum;
    }
  }

  /**
   * Adds dz a^T to W.grad and dz to b.grad, and writes da = W^T dz.
   *
   * @param a  the input given to {@link #forward}, length J; not modified
   * @param dz dCost/dz, length M; not modified
   * @param da dCost/da, length J, overwritten
   */
  public void backward(double[] a, double[] dz, double[] da) {
    double[] w = W.value();
    double[] dW = W.grad();
    double[] db = b.grad();
    Arrays.fill(da, 0, J, 0.0);
    for (int m = 0; m < M; m++) {
      int row = m * J;
      double dzm = dz[m];
      for (int j = 0; j < J; j++) {
        da[j] += w[row + j] * dzm;
        dW[row + j] += dzm * a[j];
      }
      db[m] += dzm;
    }
  }

  /**
   * Writes da = W^T dz with the current W, then takes one SGD step W -= lr dz a^T and
   * b -= lr dz without storing the gradient. The result equals {@link #backward} on zeroed
   * gradients followed by p -= lr g, but takes one pass over W instead of a backward pass and
   * an update pass over both W and its gradient.
   *
   * @param a            the input given to {@link #forward}, length J; not modified
   * @param dz           dCost/dz, length M; not modified
   * @param da           dCost/da, length J, overwritten
   * @param learningRate lr
   */
  public void backwardAndStep(double[] a, double[] dz, double[] da, double learningRate) {
    double[] w = W.value();
    double[] bias = b.value();
    Arrays.fill(da, 0, J, 0.0);
    // Columns in blocks, so that a block of da and of a stays in the first-level cache while
    // the M rows pass over it. Each da[j] still sums its rows in ascending m.
    for (int from = 0; from < J; from += COLUMN_BLOCK) {
      int to = Math.min(J, from + COLUMN_BLOCK);
      for (int m = 0; m < M; m++) {
        int row = m * J;
        Kernels.rowBackwardAndStep(w, row, dz[m], a, da, from, to, learningRate);
      }
    }
    for (int m = 0; m < M; m++) {
      bias[m] -= learningRate * dz[m];
    }
  }
}
