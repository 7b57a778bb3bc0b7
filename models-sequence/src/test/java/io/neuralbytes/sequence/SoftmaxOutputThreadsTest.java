package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.WorkerPool;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Checks the output layer alone on the paths it takes on more than one thread. Z is filled
 * with c while the hidden states are still arriving, then computed in chunks of rows. Rows
 * are exponentiated apart, and dV is computed beside the caller's dH and its own work. Results must equal the
 * one-thread results to the bit.
 */
class SoftmaxOutputThreadsTest {
  /** V H L = 8.66 million, above the split limit, and L = 123 leaves 5 padding columns. */
  private static final int V = 1100;
  private static final int H = 64;
  private static final int L = 123;

  @Test
  void threadCountsGiveSameBits() {
    Result single = run(1);
    for (int threads = 2; threads <= 3; threads++) {
      Result split = run(threads);
      String where = threads + " threads";

      assertEquals(single.loss, split.loss, 0.0, where + ", loss");
      assertArrayEquals(single.dHidden, split.dHidden, 0.0, where + ", dH");
      assertArrayEquals(single.dV, split.dV, 0.0, where + ", dV");
      assertArrayEquals(single.dc, split.dc, 0.0, where + ", dc");
    }
  }

  @Test
  void nanLogitGivesNanLoss() {
    for (int threads = 1; threads <= 2; threads++) {
      assertEquals(Double.NaN, run(threads, 7).loss, 0.0, threads + " threads");
    }
  }

  private record Result(double loss, double[] dHidden, double[] dV, double[] dc) {
  }

  /**
   * Runs forward and backward once. The hidden states arrive one by one, with a pause every
   * tenth, so that other threads wait for them as they do behind a real recurrence.
   */
  private static Result run(int threads) {
    return run(threads, -1);
  }

  /** As {@link #run(int)}, with c set to NaN at {@code nanRow} when it is not negative. */
  private static Result run(int threads, int nanRow) {
    RandomSource rng = new RandomSource(31);
    SoftmaxOutput output = new SoftmaxOutput(V, H, L);
    Initializers.uniform(output.V.value(), -0.5, 0.5, rng);
    Initializers.uniform(output.c.value(), -0.5, 0.5, rng);
    if (nanRow >= 0) {
      output.c.value()[nanRow] = Double.NaN;
    }
    double[] states = new double[L * H];
    Initializers.uniform(states, -1.0, 1.0, rng);
    int[] tokens = new int[L + 1];
    for (int n = 0; n < tokens.length; n++) {
      tokens[n] = rng.nextInt(V);
    }
    output.setPool(WorkerPool.shared(threads));

    double[] hs = new double[L * H];
    double loss = output.forward(hs, 0, L, tokens, 1, () -> {
      for (int t = 0; t < L; t++) {
        System.arraycopy(states, t * H, hs, t * H, H);
        if (t % 10 == 0) {
          LockSupport.parkNanos(20_000);
        }
        output.hiddenStateReady(t);
      }
    });
    double[][] dHidden = new double[1][];
    output.backward(() -> {
      dHidden[0] = output.hiddenGradients().clone();
      LockSupport.parkNanos(100_000);
    });
    return new Result(loss, dHidden[0], output.V.grad().clone(), output.c.grad().clone());
  }
}
