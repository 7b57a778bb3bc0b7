package io.neuralbytes.experiments.bench;

import io.neuralbytes.cnn.ConvNet;
import io.neuralbytes.cnn.ConvNetConfig;
import io.neuralbytes.cnn.ConvNetTrainer;
import io.neuralbytes.cnn.ImageSet;
import io.neuralbytes.cnn.TrainingSettings;
import io.neuralbytes.core.Matrix;
import io.neuralbytes.core.ProgressListener;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.mlp.Mlp;
import io.neuralbytes.sequence.Lstm;
import io.neuralbytes.sequence.Rnn;
import io.neuralbytes.sequence.SequenceModel;
import io.neuralbytes.sequence.SequenceTrainer;

/**
 * The README's training runs with their real shapes, on random data of those shapes: the
 * timing of a step depends on the shapes, not on the values (every softmax is over the whole
 * vocabulary, every image has 32 x 32 pixels).
 */
enum BenchRun {
  RNN_CHAR("rnn-char", "char RNN", "step", 1, true),
  LSTM_CHAR("lstm-char", "char LSTM", "step", 1, true),
  RNN_WORD("rnn-word", "word RNN", "step", 1, true),
  LSTM_WORD("lstm-word", "word LSTM", "step", 1, true),
  CNN("cnn", "CNN, 350 grey 32x32 images", "epoch", 1, false),
  MLP("mlp", "MLP 2-2-1 on 4 points", "epoch", 1000, false);

  /** Sizes of the sequence runs: window T, hidden H, and the two vocabularies. */
  static final int WINDOW = 50;
  static final int HIDDEN = 128;
  static final int CHARACTERS = 256;
  static final int WORDS = 5000;
  static final double SEQUENCE_LEARNING_RATE = 0.01;
  /** Random text long enough that no timed step wraps to its start. */
  static final int TEXT_TOKENS = 400_000;
  static final int CNN_IMAGES = 350;

  /** One unit of work: a training step or an epoch, run {@link #unitsPerSample} times. */
  interface Workload {
    void run();
  }

  private final String id;
  private final String title;
  private final String unit;
  private final int unitsPerSample;
  private final boolean parallel;

  BenchRun(String id, String title, String unit, int unitsPerSample, boolean parallel) {
    this.id = id;
    this.title = title;
    this.unit = unit;
    this.unitsPerSample = unitsPerSample;
    this.parallel = parallel;
  }

  /** Returns the name used on the command line and in bench.json. */
  String id() {
    return id;
  }

  /** Returns a short description for the table. */
  String title() {
    return title;
  }

  /** Returns what one timed unit is: "step" or "epoch". */
  String unit() {
    return unit;
  }

  /** Returns how many units one timed sample runs; an MLP epoch is too short to time alone. */
  int unitsPerSample() {
    return unitsPerSample;
  }

  /** Returns whether the run can use more than one thread. */
  boolean parallel() {
    return parallel;
  }

  /** Returns the run named {@code id}, or throws naming the valid names. */
  static BenchRun byId(String id) {
    for (BenchRun run : values()) {
      if (run.id.equals(id)) {
        return run;
      }
    }
    StringBuilder names = new StringBuilder();
    for (BenchRun run : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(run.id);
    }
    throw new IllegalArgumentException("unknown run '" + id + "'; expected one of " + names);
  }

  /** Builds the model, data and trainer of this run, ready to time. */
  Workload create(int threads, long seed) {
    RandomSource rng = new RandomSource(seed);
    switch (this) {
      case RNN_CHAR:
        return sequence(new Rnn(CHARACTERS, HIDDEN, WINDOW, rng), threads, rng);
      case LSTM_CHAR:
        return sequence(new Lstm(CHARACTERS, HIDDEN, WINDOW, rng), threads, rng);
      case RNN_WORD:
        return sequence(new Rnn(WORDS, HIDDEN, WINDOW, rng), threads, rng);
      case LSTM_WORD:
        return sequence(new Lstm(WORDS, HIDDEN, WINDOW, rng), threads, rng);
      case CNN:
        return cnn(rng);
      case MLP:
        return mlp(rng);
      default:
        throw new IllegalStateException("no workload for " + this);
    }
  }

  private static Workload sequence(SequenceModel model, int threads, RandomSource rng) {
    model.setThreads(threads);
    int[] text = new int[TEXT_TOKENS];
    for (int n = 0; n < text.length; n++) {
      text[n] = rng.nextInt(model.vocabularySize());
    }
    SequenceTrainer trainer = new SequenceTrainer(model, text, WINDOW, SEQUENCE_LEARNING_RATE);
    return trainer::step;
  }

  /** Builds one epoch of the README's CNN run: SGD, one image per update, fixed order, lr 1e-3. */
  private static Workload cnn(RandomSource rng) {
    ConvNetConfig config = new ConvNetConfig(1, 32, 32, 4, 3, 3, false, 10);
    double[] pixels = new double[CNN_IMAGES * config.imageSize()];
    for (int n = 0; n < pixels.length; n++) {
      pixels[n] = rng.nextDouble();
    }
    int[] labels = new int[CNN_IMAGES];
    for (int n = 0; n < labels.length; n++) {
      labels[n] = rng.nextInt(config.classes());
    }
    ImageSet images = new ImageSet(1, 32, 32, pixels, labels);
    ConvNet model = new ConvNet(config, rng);
    TrainingSettings settings =
        new TrainingSettings(1, TrainingSettings.original().learningRate(), 1, false);
    return () -> ConvNetTrainer.train(model, images, settings, rng, ProgressListener.NONE);
  }

  /** Builds 1,000 epochs of the README's MLP: 2 inputs, 2 sigmoid hidden units, 1 output (OR). */
  private static Workload mlp(RandomSource rng) {
    Matrix X = Matrix.of(2, 4, 0, 0, 1, 1, 0, 1, 0, 1);
    Matrix Y = Matrix.of(1, 4, 0, 1, 1, 1);
    Mlp model = new Mlp(2, new int[] {2}, 1, rng);
    return () -> model.train(X, Y, MLP.unitsPerSample, 0.01);
  }
}
