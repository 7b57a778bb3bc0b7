package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Adagrad;
import io.neuralbytes.core.GradientClipping;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceTrainerTest {
  private static final int V = 12;
  private static final int H = 10;
  private static final int T = 7;

  static Stream<Arguments> models() {
    Function<RandomSource, SequenceModel> rnn = rng -> new Rnn(V, H, T, rng);
    Function<RandomSource, SequenceModel> lstm = rng -> new Lstm(V, H, T, rng);
    return Stream.of(Arguments.of("RNN", rnn), Arguments.of("LSTM", lstm));
  }

  /** Returns a text that repeats 0 1 2 ... 9, which a model can learn almost exactly. */
  private static int[] cyclicText(int length) {
    int[] tokens = new int[length];
    for (int n = 0; n < length; n++) {
      tokens[n] = n % 10;
    }
    return tokens;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void columnUpdateEqualsDenseAdagrad(String name,
      Function<RandomSource, SequenceModel> factory) {
    int[] text = cyclicText(40);
    SequenceModel trained = factory.apply(new RandomSource(9));
    SequenceModel reference = factory.apply(new RandomSource(9));
    SequenceTrainer trainer = new SequenceTrainer(trained, text, T, 0.1);
    Adagrad adagrad = new Adagrad(0.1);
    SequenceState state = reference.newState();

    for (int step = 0; step < 4; step++) {
      trainer.step();
      reference.forward(text, step * T, T, state);
      reference.backward();
      GradientClipping.clipElementwise(reference.parameters(), SequenceTrainer.CLIP_LIMIT);
      adagrad.step(reference.parameters());
    }

    for (int k = 0; k < trained.parameters().size(); k++) {
      Parameter p = trained.parameters().get(k);
      assertArrayEquals(reference.parameters().get(k).value(), p.value(), 0.0, p.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void learnsCyclicText(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = factory.apply(new RandomSource(2));
    SequenceTrainer trainer = new SequenceTrainer(model, cyclicText(200), T, 0.1);
    double first = trainer.step();
    double last = 0.0;
    for (int step = 1; step < 300; step++) {
      last = trainer.step();
    }
    assertEquals(T * Math.log(V), first, 0.05 * first);
    assertTrue(last < 0.1 * first, "loss went from " + first + " to " + last);
  }

  @Test
  void wrapsToStartWithZeroState() {
    SequenceModel model = new Rnn(V, H, T, new RandomSource(3));
    int[] text = cyclicText(2 * T + 4);
    SequenceTrainer trainer = new SequenceTrainer(model, text, T, 0.01);
    trainer.step();
    trainer.step();
    // Third window: the 3 remaining targets only.
    trainer.step();
    assertEquals(text[2 * T], trainer.lastWindowFirstToken());
    // The fourth step starts again at token 0 from a zero state.
    SequenceState before = model.newState();
    SequenceModel copy = new Rnn(V, H, T, new RandomSource(3));
    for (int k = 0; k < model.parameters().size(); k++) {
      System.arraycopy(model.parameters().get(k).value(), 0,
          copy.parameters().get(k).value(), 0, model.parameters().get(k).size());
    }
    double expected = copy.forward(text, 0, T, before);
    assertEquals(expected, trainer.step(), 0.0);
    assertEquals(text[0], trainer.lastWindowFirstToken());
    assertEquals(4, trainer.steps());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void passCoversWholeText(String name, Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = factory.apply(new RandomSource(4));
    int[] text = cyclicText(5 * T + 3);
    SequenceTrainer trainer = new SequenceTrainer(model, text, T, 0.05);
    double first = trainer.trainToEndOfText();
    assertEquals(6, trainer.steps());
    trainer.trainToEndOfText();
    assertEquals(12, trainer.steps());
    assertTrue(first > 0.0, "mean loss per token " + first);
    assertTrue(first < 1.1 * Math.log(V), "mean loss per token " + first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void nonFiniteLossStopsBeforeUpdate(String name,
      Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = factory.apply(new RandomSource(5));
    SequenceTrainer trainer = new SequenceTrainer(model, cyclicText(60), T, 0.05);
    trainer.step();
    trainer.step();
    Parameter c = model.parameters().get(model.parameters().size() - 1);
    c.value()[3] = Double.NaN;
    List<double[]> before = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      before.add(p.value().clone());
    }

    IllegalStateException e = assertThrows(IllegalStateException.class, trainer::step);
    assertEquals("training diverged at step 3: the loss is NaN; the weights are left as they"
        + " were before this step", e.getMessage());
    for (int k = 0; k < before.size(); k++) {
      assertArrayEquals(before.get(k), model.parameters().get(k).value(), 0.0);
    }
  }

  @Test
  void nonFiniteGradientStopsBeforeUpdate() {
    Rnn rnn = new Rnn(V, H, T, new RandomSource(6));
    SequenceModel poisoned = new PoisonedGradientModel(rnn, 2, 1, 2, Double.POSITIVE_INFINITY);
    SequenceTrainer trainer = new SequenceTrainer(poisoned, cyclicText(60), T, 0.05);
    trainer.step();
    trainer.step();
    List<double[]> before = new ArrayList<>();
    for (Parameter p : rnn.parameters()) {
      before.add(p.value().clone());
    }

    IllegalStateException e = assertThrows(IllegalStateException.class, trainer::step);
    assertEquals("training diverged at step 3: gradient of W at index 2 is Infinity; the"
        + " weights are left as they were before this step", e.getMessage());
    for (int k = 0; k < before.size(); k++) {
      assertArrayEquals(before.get(k), rnn.parameters().get(k).value(), 0.0);
    }
  }

  @Test
  void nonFiniteInputGradientStopsBeforeUpdate() {
    Rnn rnn = new Rnn(V, H, T, new RandomSource(6));
    // The third window is tokens 4 .. 9, 0. U is stored as U^T, so token 6's column of dU is
    // the row that starts at index 6 H.
    int index = 6 * H + 3;
    SequenceModel poisoned = new PoisonedGradientModel(rnn, 2, 0, index, Double.NaN);
    SequenceTrainer trainer = new SequenceTrainer(poisoned, cyclicText(60), T, 0.05);
    trainer.step();
    trainer.step();
    List<double[]> before = new ArrayList<>();
    for (Parameter p : rnn.parameters()) {
      before.add(p.value().clone());
    }

    IllegalStateException e = assertThrows(IllegalStateException.class, trainer::step);
    assertEquals("training diverged at step 3: gradient of U at index " + index + " is NaN; the"
        + " weights are left as they were before this step", e.getMessage());
    for (int k = 0; k < before.size(); k++) {
      assertArrayEquals(before.get(k), rnn.parameters().get(k).value(), 0.0);
    }
  }

  @Test
  void checkNamesFirstOfTwoInV() {
    // The wrapper does not declare V's gradient finite, so the trainer scans it, on a model
    // large enough (V x H = 134,400) for its update to be split over two threads.
    Rnn rnn = new Rnn(2100, 64, T, new RandomSource(15));
    SequenceModel poisoned = new PoisonedGradientModel(rnn, 1, 3, 1_000, Double.NaN);
    poisoned = new PoisonedGradientModel(rnn, 1, 3, 60_000, Double.POSITIVE_INFINITY, poisoned);
    poisoned.setThreads(2);
    SequenceTrainer trainer = new SequenceTrainer(poisoned, cyclicText(60), T, 0.05);
    trainer.step();
    double[] before = rnn.parameters().get(3).value().clone();

    IllegalStateException e = assertThrows(IllegalStateException.class, trainer::step);
    assertEquals("training diverged at step 2: gradient of V at index 1000 is NaN; the"
        + " weights are left as they were before this step", e.getMessage());
    assertArrayEquals(before, rnn.parameters().get(3).value(), 0.0);
  }

  /**
   * An RNN whose gradient element {@code index} of parameter number {@code parameter} is set
   * to {@code value} from the given backward call on. The backward pass runs through
   * {@code inner}, which may be another poisoned model of the same RNN.
   */
  private static final class PoisonedGradientModel implements SequenceModel {
    private final Rnn rnn;
    private final SequenceModel inner;
    private final int parameter;
    private final int index;
    private final double value;
    private int healthyBackwardCalls;

    PoisonedGradientModel(Rnn rnn, int healthyBackwardCalls, int parameter, int index,
        double value) {
      this(rnn, healthyBackwardCalls, parameter, index, value, rnn);
    }

    PoisonedGradientModel(Rnn rnn, int healthyBackwardCalls, int parameter, int index,
        double value, SequenceModel inner) {
      this.rnn = rnn;
      this.inner = inner;
      this.healthyBackwardCalls = healthyBackwardCalls;
      this.parameter = parameter;
      this.index = index;
      this.value = value;
    }

    @Override
    public void setThreads(int threads) {
      rnn.setThreads(threads);
    }

    @Override
    public int threads() {
      return rnn.threads();
    }

    @Override
    public int vocabularySize() {
      return rnn.vocabularySize();
    }

    @Override
    public int hiddenSize() {
      return rnn.hiddenSize();
    }

    @Override
    public int maxWindow() {
      return rnn.maxWindow();
    }

    @Override
    public List<Parameter> parameters() {
      return rnn.parameters();
    }

    @Override
    public List<Parameter> inputParameters() {
      return rnn.inputParameters();
    }

    @Override
    public SequenceState newState() {
      return rnn.newState();
    }

    @Override
    public double forward(int[] tokens, int from, int length, SequenceState state) {
      return rnn.forward(tokens, from, length, state);
    }

    @Override
    public void backward() {
      inner.backward();
      if (healthyBackwardCalls-- <= 0) {
        rnn.parameters().get(parameter).grad()[index] = value;
      }
    }

    @Override
    public int touchedTokens(int[] out) {
      return rnn.touchedTokens(out);
    }

    @Override
    public void step(int token, SequenceState state, double[] logits) {
      rnn.step(token, state, logits);
    }
  }

  @Test
  void windowLongerThanTextRejected() {
    SequenceModel model = new Rnn(V, H, 50, new RandomSource(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SequenceTrainer(model, cyclicText(30), 50, 0.01));
    assertEquals("window length 50 needs a text of at least 51 tokens (inputs and the target"
        + " after them), got 30", e.getMessage());
  }

  @Test
  void untransposedInputMatrixRejected() {
    // The plain reference model keeps U as H x V, the layout of the equations.
    SequenceModel model = new PlainRnn(V, H, T, new RandomSource(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SequenceTrainer(model, cyclicText(30), T, 0.01));
    assertEquals("input matrix U is stored as 10 x 12, expected its transpose U^T, vocabulary"
        + " x hidden = 12 x 10", e.getMessage());
  }

  @Test
  void badSettingsRejected() {
    SequenceModel model = new Rnn(V, H, T, new RandomSource(1));
    assertThrows(IllegalArgumentException.class,
        () -> new SequenceTrainer(model, cyclicText(30), T + 1, 0.01));
    assertThrows(IllegalArgumentException.class,
        () -> new SequenceTrainer(model, cyclicText(30), 0, 0.01));
    assertThrows(IllegalArgumentException.class,
        () -> new SequenceTrainer(model, cyclicText(30), T, Double.NaN));
    int[] text = cyclicText(30);
    text[17] = V;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SequenceTrainer(model, text, T, 0.01));
    assertEquals("token 12 at position 17 is outside the vocabulary [0, 12)", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void sameSeedSameLosses(String name, Function<RandomSource, SequenceModel> factory) {
    double[] first = losses(factory, 11);
    double[] second = losses(factory, 11);
    double[] other = losses(factory, 12);
    assertArrayEquals(first, second, 0.0);
    assertNotEquals(first[5], other[5]);
  }

  private static double[] losses(Function<RandomSource, SequenceModel> factory, long seed) {
    SequenceTrainer trainer =
        new SequenceTrainer(factory.apply(new RandomSource(seed)), cyclicText(100), T, 0.05);
    double[] losses = new double[20];
    for (int n = 0; n < losses.length; n++) {
      losses[n] = trainer.step();
    }
    return losses;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void meanLossOfUntrainedModelNearLnV(String name,
      Function<RandomSource, SequenceModel> factory) {
    SequenceModel model = factory.apply(new RandomSource(8));
    double mean = SequenceTrainer.meanLoss(model, cyclicText(3 * T + 2), T);
    assertEquals(Math.log(V), mean, 0.05 * Math.log(V));
  }

  @Test
  void threadCountDoesNotChangeTraining() {
    // V x H = 134,400 elements, enough for the trainer to split the update over threads.
    int vocab = 2100;
    int[] text = new int[200];
    RandomSource textRng = new RandomSource(13);
    for (int n = 0; n < text.length; n++) {
      text[n] = textRng.nextInt(vocab);
    }
    double[] serial = trainedOutputWeights(vocab, text, 1);
    for (int repeat = 0; repeat < 10; repeat++) {
      assertArrayEquals(serial, trainedOutputWeights(vocab, text, 2), 0.0, "repeat " + repeat);
    }
  }

  private static double[] trainedOutputWeights(int vocab, int[] text, int threads) {
    Rnn rnn = new Rnn(vocab, 64, T, new RandomSource(14));
    rnn.setThreads(threads);
    SequenceTrainer trainer = new SequenceTrainer(rnn, text, T, 0.05);
    for (int step = 0; step < 4; step++) {
      trainer.step();
    }
    return rnn.parameters().get(3).value().clone();
  }
}
