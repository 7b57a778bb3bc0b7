package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Activations;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceModelTest {
  private static final int V = 11;
  private static final int H = 6;
  private static final int T = 8;

  static Stream<Arguments> models() {
    Function<RandomSource, SequenceModel> rnn = rng -> new Rnn(V, H, T, rng);
    Function<RandomSource, SequenceModel> lstm = rng -> new Lstm(V, H, T, rng);
    return Stream.of(Arguments.of("RNN", rnn), Arguments.of("LSTM", lstm));
  }

  private static SequenceModel model(Function<RandomSource, SequenceModel> factory, long seed) {
    RandomSource rng = new RandomSource(seed);
    SequenceModel model = factory.apply(rng);
    for (Parameter p : model.parameters()) {
      Initializers.uniform(p.value(), -0.8, 0.8, rng);
    }
    return model;
  }

  private static int[] tokens(int count, long seed) {
    RandomSource rng = new RandomSource(seed);
    int[] tokens = new int[count];
    for (int n = 0; n < count; n++) {
      tokens[n] = rng.nextInt(V);
    }
    return tokens;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void forwardMatchesStepByStep(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = model(factory, 3);
    int[] tokens = tokens(T + 1, 4);
    SequenceState windowState = model.newState();
    double windowLoss = model.forward(tokens, 0, T, windowState);

    SequenceState stepState = model.newState();
    double[] logits = new double[V];
    double[] logProbabilities = new double[V];
    double stepLoss = 0.0;
    for (int t = 0; t < T; t++) {
      model.step(tokens[t], stepState, logits);
      Activations.logSoftmax(logits, 0, V, logProbabilities, 0);
      stepLoss -= logProbabilities[tokens[t + 1]];
    }

    // The losses come from two softmax implementations; the states from the same sums.
    assertEquals(stepLoss, windowLoss, 1e-12 * stepLoss);
    assertArrayEquals(windowState.hidden(), stepState.hidden(), 0.0);
    assertArrayEquals(windowState.cell(), stepState.cell(), 0.0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void carriedStateJoinsWindows(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = model(factory, 5);
    int[] tokens = tokens(T + 1, 6);
    SequenceState whole = model.newState();
    double wholeLoss = model.forward(tokens, 0, T, whole);

    SequenceState split = model.newState();
    double splitLoss = model.forward(tokens, 0, 3, split) + model.forward(tokens, 3, T - 3, split);

    assertEquals(wholeLoss, splitLoss, 1e-12 * wholeLoss);
    assertArrayEquals(whole.hidden(), split.hidden(), 1e-14);
    assertArrayEquals(whole.cell(), split.cell(), 1e-14);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void inputGradientOnlyInTouchedRows(String name,
      Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = model(factory, 7);
    int[] first = {1, 2, 1, 3, 4};
    model.forward(first, 0, 4, model.newState());
    model.backward();
    int[] second = {5, 5, 6, 0};
    model.forward(second, 0, 3, model.newState());
    model.backward();

    int[] touched = new int[T];
    int count = model.touchedTokens(touched);
    assertEquals(2, count);
    assertArrayEquals(new int[] {5, 6}, Arrays.copyOf(touched, count));
    // Each input matrix is stored as U^T, V x H: token x's gradient is row x.
    for (Parameter U : model.inputParameters()) {
      assertEquals(V, U.rows(), U.name() + " rows");
      assertEquals(H, U.cols(), U.name() + " columns");
      for (int x = 0; x < V; x++) {
        for (int i = 0; i < H; i++) {
          double g = U.grad()[x * H + i];
          if (x == 5 || x == 6) {
            assertTrue(g != 0.0, U.name() + " row " + x + " should have a gradient");
          } else {
            assertEquals(0.0, g, U.name() + " row " + x + " should be zero");
          }
        }
      }
    }
  }

  @Test
  void rnnInitialisationRanges() {
    int vocab = 256;
    int hidden = 128;
    Rnn rnn = new Rnn(vocab, hidden, 50, new RandomSource(1));
    assertWithin(rnn.parameters().get(0), Math.sqrt(1.0 / vocab));
    assertWithin(rnn.parameters().get(1), Math.sqrt(1.0 / hidden));
    assertAllZero(rnn.parameters().get(2));
    assertWithin(rnn.parameters().get(3), Math.sqrt(1.0 / hidden));
    assertAllZero(rnn.parameters().get(4));
    assertEquals("U W b V c", names(rnn));
  }

  @Test
  void lstmInitialisationRanges() {
    Lstm lstm = new Lstm(50, 16, 10, new RandomSource(1));
    for (Parameter p : lstm.parameters()) {
      if (p.name().startsWith("b_") || p.name().equals("c")) {
        assertAllZero(p);
      } else {
        assertWithin(p, 0.05);
      }
    }
    assertEquals("W_f U_f b_f W_i U_i b_i W_g U_g b_g W_o U_o b_o V c", names(lstm));
  }

  private static String names(SequenceModel model) {
    return String.join(" ", model.parameters().stream().map(Parameter::name).toList());
  }

  private static void assertWithin(Parameter p, double limit) {
    double max = 0.0;
    for (double w : p.value()) {
      assertTrue(w >= -limit, p.name() + " value " + w + " below " + -limit);
      assertTrue(w < limit, p.name() + " value " + w + " not below " + limit);
      max = Math.max(max, Math.abs(w));
    }
    assertTrue(max > 0.9 * limit, p.name() + " should fill its range, max |w| = " + max);
  }

  private static void assertAllZero(Parameter p) {
    for (double w : p.value()) {
      assertEquals(0.0, w, p.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void invalidWindowsRejected(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = model(factory, 1);
    SequenceState state = model.newState();
    int[] tokens = tokens(T + 1, 2);

    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> model.forward(tokens(T + 2, 1), 0, T + 1, state));
    assertEquals("window length must be between 1 and 8, got 9", tooLong.getMessage());

    IllegalArgumentException pastEnd = assertThrows(IllegalArgumentException.class,
        () -> model.forward(tokens, 2, T, state));
    assertTrue(pastEnd.getMessage().contains("text has 9 tokens"), pastEnd.getMessage());

    int[] bad = tokens.clone();
    bad[4] = V;
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> model.forward(bad, 0, T, state));
    assertEquals("token 11 at position 4 is outside the vocabulary [0, 11)",
        outside.getMessage());

    assertThrows(IllegalArgumentException.class, () -> model.step(-1, state, new double[V]));
    assertThrows(IllegalArgumentException.class, () -> model.step(0, state, new double[V - 1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void backwardNeedsForward(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = model(factory, 1);
    assertThrows(IllegalStateException.class, model::backward);
    model.forward(tokens(T + 1, 2), 0, T, model.newState());
    model.backward();
    assertThrows(IllegalStateException.class, model::backward);
  }

  @Test
  void wrongStateRejected() {
    Rnn rnn = new Rnn(V, H, T, new RandomSource(1));
    Lstm lstm = new Lstm(V, H, T, new RandomSource(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> rnn.forward(tokens(T + 1, 1), 0, T, lstm.newState()));
    assertEquals("state has hidden size 6 and cell size 6 but this model needs 6 and 0",
        e.getMessage());
  }

  @Test
  void zeroHiddenSizeRejected() {
    IllegalArgumentException rnn = assertThrows(IllegalArgumentException.class,
        () -> new Rnn(10, 0, 5, new RandomSource(1)));
    assertTrue(rnn.getMessage().contains("hidden size"), rnn.getMessage());
    assertTrue(rnn.getMessage().contains("0"), rnn.getMessage());
    IllegalArgumentException lstm = assertThrows(IllegalArgumentException.class,
        () -> new Lstm(10, 0, 5, new RandomSource(1)));
    assertTrue(lstm.getMessage().contains("hidden size"), lstm.getMessage());
  }

  @Test
  void zeroMaximumWindowNamed() {
    IllegalArgumentException rnn = assertThrows(IllegalArgumentException.class,
        () -> new Rnn(10, 4, 0, new RandomSource(1)));
    assertEquals("maximum window length must be at least 1, got 0", rnn.getMessage());
    IllegalArgumentException lstm = assertThrows(IllegalArgumentException.class,
        () -> new Lstm(10, 4, 0, new RandomSource(1)));
    assertEquals("maximum window length must be at least 1, got 0", lstm.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void uniformModelLossIsLnV(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = factory.apply(new RandomSource(1));
    for (Parameter p : model.parameters()) {
      Arrays.fill(p.value(), 0.0);
    }
    double loss = model.forward(tokens(T + 1, 3), 0, T, model.newState());
    assertEquals(T * Math.log(V), loss, 1e-12);
  }
}
