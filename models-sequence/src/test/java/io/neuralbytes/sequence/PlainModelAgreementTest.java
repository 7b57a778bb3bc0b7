package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuralbytes.core.Adagrad;
import io.neuralbytes.core.GradientClipping;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Holds the optimised models and trainer to the plain models of the previous version, trained
 * by a plain loop (forward, backward, clip every gradient, dense Adagrad). The optimised
 * products round each term once (fused multiply-add) where the plain loops round twice, so the
 * two agree to about 1e-13 after several steps, not to the bit; on any thread count the
 * optimised models agree with their own one-thread results to the bit. The shapes are odd on
 * purpose (windows that are not a multiple of the vector length, a short last window, a wrap
 * to the start of the text).
 */
class PlainModelAgreementTest {
  private static final double LEARNING_RATE = 0.05;
  private static final int STEPS = 7;
  /** Largest relative difference of a loss, and absolute difference of a weight, allowed. */
  private static final double TOLERANCE = 1e-12;

  /** vocabulary, hidden, window, text length. */
  private static final int[][] SHAPES = {
      {260, 72, 11, 50}, {300, 24, 13, 61}, {40, 13, 9, 31}, {9, 5, 4, 40}};
  /**
   * A shape large enough that threads split the work: V H L = 8.4 million multiply-adds, at
   * least WorkerPool.MIN_SPLIT_WORK, and V H = 70,400 elements, above the trainer's threshold
   * for splitting an update. The smaller shapes run on one thread whatever the thread count.
   */
  private static final int[] SPLIT_SHAPE = {1100, 64, 120, 300};

  @Test
  void rnnMatchesPlainRnn() {
    for (int[] shape : SHAPES) {
      for (int threads = 1; threads <= 3; threads++) {
        int V = shape[0];
        int H = shape[1];
        int T = shape[2];
        SequenceModel fast = new Rnn(V, H, T, new RandomSource(21));
        SequenceModel plain = new PlainRnn(V, H, T, new RandomSource(21));
        checkAgreement(fast, plain, shape, threads);
      }
    }
  }

  @Test
  void lstmMatchesPlainLstm() {
    for (int[] shape : SHAPES) {
      for (int threads = 1; threads <= 3; threads++) {
        int V = shape[0];
        int H = shape[1];
        int T = shape[2];
        SequenceModel fast = new Lstm(V, H, T, new RandomSource(22));
        SequenceModel plain = new PlainLstm(V, H, T, new RandomSource(22));
        checkAgreement(fast, plain, shape, threads);
      }
    }
  }

  private static void checkAgreement(SequenceModel fast, SequenceModel plain, int[] shape,
      int threads) {
    int V = shape[0];
    int T = shape[2];
    int[] text = randomText(shape[3], V, new RandomSource(shape[3]));
    fast.setThreads(threads);
    SequenceTrainer trainer = new SequenceTrainer(fast, text, T, LEARNING_RATE);
    PlainTraining reference = new PlainTraining(plain, text, T);
    String where = fast.getClass().getSimpleName() + " V=" + V + " H=" + shape[1] + " T=" + T
        + " on " + threads + " threads";

    for (int step = 1; step <= STEPS; step++) {
      double expected = reference.step();
      double actual = trainer.step();

      assertEquals(expected, actual, TOLERANCE * Math.abs(expected), where + ", loss of step "
          + step);
    }
    List<Parameter> expectedParameters = plain.parameters();
    for (int n = 0; n < expectedParameters.size(); n++) {
      Parameter p = fast.parameters().get(n);
      Parameter expected = expectedParameters.get(n);
      assertEquals(expected.name(), p.name(), where);
      assertArrayEquals(inFastLayout(fast, p, expected), p.value(), TOLERANCE,
          where + ", parameter " + p.name());
    }
    assertArrayEquals(reference.state.hidden(), trainer.state().hidden(), TOLERANCE,
        where + ", h");
    assertArrayEquals(reference.state.cell(), trainer.state().cell(), TOLERANCE, where + ", cell");
  }

  /**
   * Returns the plain model's value of a parameter in the fast model's layout: the fast
   * models store each input matrix U (H x V) as U^T (V x H), the plain ones as U.
   */
  private static double[] inFastLayout(SequenceModel fast, Parameter p, Parameter expected) {
    if (!fast.inputParameters().contains(p)) {
      return expected.value();
    }
    assertEquals(expected.rows(), p.cols(), p.name() + " should be stored transposed");
    assertEquals(expected.cols(), p.rows(), p.name() + " should be stored transposed");
    double[] transposed = new double[expected.size()];
    WindowMath.transpose(expected.value(), expected.rows(), expected.cols(), transposed);
    return transposed;
  }

  @Test
  void rnnIdenticalOnEveryThreadCount() {
    for (int[] shape : withSplitShape()) {
      checkThreadCounts(() -> new Rnn(shape[0], shape[1], shape[2], new RandomSource(23)), shape);
    }
  }

  @Test
  void lstmIdenticalOnEveryThreadCount() {
    for (int[] shape : withSplitShape()) {
      checkThreadCounts(() -> new Lstm(shape[0], shape[1], shape[2], new RandomSource(24)),
          shape);
    }
  }

  private static int[][] withSplitShape() {
    int[][] shapes = Arrays.copyOf(SHAPES, SHAPES.length + 1);
    shapes[SHAPES.length] = SPLIT_SHAPE;
    return shapes;
  }

  /** Trains one model per thread count from the same start and compares them to the bit. */
  private static void checkThreadCounts(Supplier<SequenceModel> factory, int[] shape) {
    int[] text = randomText(shape[3], shape[0], new RandomSource(shape[3]));
    SequenceModel single = factory.get();
    SequenceTrainer singleTrainer = new SequenceTrainer(single, text, shape[2], LEARNING_RATE);
    double[] singleLosses = new double[STEPS];
    for (int step = 0; step < STEPS; step++) {
      singleLosses[step] = singleTrainer.step();
    }

    for (int threads = 2; threads <= 3; threads++) {
      SequenceModel model = factory.get();
      model.setThreads(threads);
      SequenceTrainer trainer = new SequenceTrainer(model, text, shape[2], LEARNING_RATE);
      String where = model.getClass().getSimpleName() + " V=" + shape[0] + " on " + threads
          + " threads";
      for (int step = 0; step < STEPS; step++) {
        assertEquals(singleLosses[step], trainer.step(), 0.0, where + ", loss of step " + step);
      }
      for (int n = 0; n < model.parameters().size(); n++) {
        Parameter p = model.parameters().get(n);
        assertArrayEquals(single.parameters().get(n).value(), p.value(), 0.0,
            where + ", parameter " + p.name());
      }
    }
  }

  private static int[] randomText(int length, int V, RandomSource rng) {
    int[] tokens = new int[length];
    for (int n = 0; n < length; n++) {
      tokens[n] = rng.nextInt(V);
    }
    return tokens;
  }

  /** Truncated BPTT written out plainly, with the trainer's window and wrap-around rules. */
  private static final class PlainTraining {
    private final SequenceModel model;
    private final int[] text;
    private final int window;
    private final Adagrad adagrad = new Adagrad(LEARNING_RATE);
    private final SequenceState state;
    private int position;

    PlainTraining(SequenceModel model, int[] text, int window) {
      this.model = model;
      this.text = text;
      this.window = window;
      this.state = model.newState();
    }

    double step() {
      if (position + 1 >= text.length) {
        position = 0;
        state.reset();
      }
      int length = Math.min(window, text.length - 1 - position);
      double loss = model.forward(text, position, length, state);
      model.backward();
      GradientClipping.clipElementwise(model.parameters(), SequenceTrainer.CLIP_LIMIT);
      adagrad.step(model.parameters());
      position += length;
      return loss;
    }
  }
}
