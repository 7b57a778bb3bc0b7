package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuralbytes.core.RandomSource;
import org.junit.jupiter.api.Test;

/** Checks the shared loops of {@link WindowMath} against their definitions, element by element. */
class WindowMathTest {

  /**
   * Tries every shape from 1 x 1 to 19 x 6, so the rows make whole strips of eight, a
   * remainder, or both. The output is a block of a larger buffer, at an offset and with a wider
   * row stride, and nothing outside the block may change.
   */
  @Test
  void transposeIntoBlockOfLargerBuffer() {
    RandomSource rng = new RandomSource(5);
    for (int rows = 1; rows <= 19; rows++) {
      for (int cols = 1; cols <= 6; cols++) {
        double[] A = new double[rows * cols];
        for (int n = 0; n < A.length; n++) {
          A[n] = rng.uniform(-1.0, 1.0);
        }
        int offset = 3;
        int ldOut = rows + 2;
        double[] out = new double[offset + cols * ldOut + 1];
        java.util.Arrays.fill(out, Double.NaN);

        WindowMath.transpose(A, rows, cols, out, offset, ldOut);

        String shape = rows + " x " + cols;
        for (int j = 0; j < cols; j++) {
          for (int i = 0; i < rows; i++) {
            assertEquals(A[i * cols + j], out[offset + j * ldOut + i],
                shape + ", element (" + i + ", " + j + ")");
          }
        }
        int written = 0;
        for (double v : out) {
          if (!Double.isNaN(v)) {
            written++;
          }
        }
        assertEquals(rows * cols, written, shape + ", elements written");
      }
    }
  }

  @Test
  void uniformTransposedDrawsInOriginalOrder() {
    int H = 3;
    int V = 10;
    double[] U = new double[H * V];
    RandomSource drawn = new RandomSource(8);
    for (int n = 0; n < U.length; n++) {
      U[n] = drawn.uniform(-0.5, 0.5);
    }

    double[] UT = new double[V * H];
    WindowMath.uniformTransposed(UT, H, V, 0.5, new RandomSource(8));

    for (int i = 0; i < H; i++) {
      for (int x = 0; x < V; x++) {
        assertEquals(U[i * V + x], UT[x * H + i], "U(" + i + ", " + x + ")");
      }
    }
  }
}
