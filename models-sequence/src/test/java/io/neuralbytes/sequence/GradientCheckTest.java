package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.GradientCheck;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference checks of every element of every parameter's gradient, on V = 7,
 * H = 5, T = 6, for three seeds.
 *
 * <p>The text has two windows. The first runs from a zero state and leaves the state s_1.
 * The differentiated function is the loss of the second window as a function of the
 * parameters with s_1 held fixed, which is what truncated backpropagation computes. Because
 * s_1 is not zero, the terms that involve the carried state (W h_(-1) and f * c_(-1)) are
 * exercised.
 *
 * <p>The numeric derivative is the five-point stencil
 * (8 (L(p + e) - L(p - e)) - (L(p + 2e) - L(p - 2e))) / (12 e), whose error is of order e^4.
 * The two-point difference has an error of order e^2 plus rounding of order 1e-16 L / e.
 * On the smallest LSTM gradients (near 1e-6) that error reaches 1e-5 relative for every e
 * tried, so the two-point form cannot show the 1e-6 agreement required here.
 */
class GradientCheckTest {
  private static final int V = 7;
  private static final int H = 5;
  private static final int T = 6;
  private static final double STEP = 1e-3;
  private static final double TOLERANCE = 1e-6;

  static Stream<Arguments> cases() {
    Function<RandomSource, SequenceModel> rnn = rng -> new Rnn(V, H, T, rng);
    Function<RandomSource, SequenceModel> lstm = rng -> new Lstm(V, H, T, rng);
    Stream.Builder<Arguments> cases = Stream.builder();
    for (long seed : new long[] {1, 2, 3}) {
      cases.add(Arguments.of("RNN", seed, rnn));
      cases.add(Arguments.of("LSTM", seed, lstm));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void secondWindowGivenCarriedState(String name, long seed,
      Function<RandomSource, SequenceModel> factory) {
    RandomSource rng = new RandomSource(seed);
    SequenceModel model = randomModel(factory, rng);
    int[] tokens = randomTokens(2 * T + 1, rng);

    SequenceState state = model.newState();
    model.forward(tokens, 0, T, state);
    SequenceState carried = state.copy();
    assertTrue(Math.abs(carried.hidden()[0]) > 1e-3, "the carried state should not be zero");
    model.forward(tokens, T, T, state);
    model.backward();

    assertGradientsMatch(name, model, () -> model.forward(tokens, T, T, carried.copy()));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void firstWindowFromZeroState(String name, long seed,
      Function<RandomSource, SequenceModel> factory) {
    RandomSource rng = new RandomSource(seed);
    SequenceModel model = randomModel(factory, rng);
    int[] tokens = randomTokens(T + 1, rng);
    model.forward(tokens, 0, T, model.newState());
    model.backward();

    assertGradientsMatch(name, model, () -> model.forward(tokens, 0, T, model.newState()));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void shortWindowGradients(String name, long seed,
      Function<RandomSource, SequenceModel> factory) {
    RandomSource rng = new RandomSource(seed);
    SequenceModel model = randomModel(factory, rng);
    int[] tokens = randomTokens(T, rng);
    int length = T - 2;
    model.forward(tokens, 1, length, model.newState());
    model.backward();

    assertGradientsMatch(name, model, () -> model.forward(tokens, 1, length, model.newState()));
  }

  /**
   * Builds a model and replaces its weights and biases by values uniform in [-1, 1), so
   * that every term of the gradient is sizeable and no bias is checked at zero.
   */
  private static SequenceModel randomModel(Function<RandomSource, SequenceModel> factory,
      RandomSource rng) {
    SequenceModel model = factory.apply(rng);
    for (Parameter p : model.parameters()) {
      Initializers.uniform(p.value(), -1.0, 1.0, rng);
    }
    return model;
  }

  private static int[] randomTokens(int count, RandomSource rng) {
    int[] tokens = new int[count];
    for (int n = 0; n < count; n++) {
      tokens[n] = rng.nextInt(V);
    }
    return tokens;
  }

  private static void assertGradientsMatch(String name, SequenceModel model, DoubleSupplier loss) {
    for (Parameter p : model.parameters()) {
      double[] value = p.value();
      double[] analytic = p.grad().clone();
      for (int n = 0; n < value.length; n++) {
        double saved = value[n];
        double numeric = fivePointDerivative(value, n, saved, loss);
        value[n] = saved;
        double error = GradientCheck.relativeError(analytic[n], numeric);
        assertTrue(error < TOLERANCE, name + " d" + p.name() + "[" + n + "]: analytic "
            + analytic[n] + ", numeric " + numeric + ", relative error " + error);
      }
    }
  }

  private static double fivePointDerivative(double[] value, int n, double saved,
      DoubleSupplier loss) {
    value[n] = saved + STEP;
    double plusOne = loss.getAsDouble();
    value[n] = saved - STEP;
    double minusOne = loss.getAsDouble();
    value[n] = saved + 2 * STEP;
    double plusTwo = loss.getAsDouble();
    value[n] = saved - 2 * STEP;
    double minusTwo = loss.getAsDouble();
    return (8 * (plusOne - minusOne) - (plusTwo - minusTwo)) / (12 * STEP);
  }
}
