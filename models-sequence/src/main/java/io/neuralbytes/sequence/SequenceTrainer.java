package io.neuralbytes.sequence;

import io.neuralbytes.core.Adagrad;
import io.neuralbytes.core.Checks;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.UpdateKernels;
import io.neuralbytes.core.WorkerPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link SequenceModel} on one token sequence by truncated backpropagation through
 * time, one window per step, as the original NeuralBytes did:
 *
 * <ol>
 *   <li>the window is the next T inputs from the current position, the targets are the same
 *       tokens shifted by one; the last window of the text is shorter when fewer than T
 *       targets remain;</li>
 *   <li>forward and backward over the window, starting from the state the previous window
 *       left (so the state carries over, but gradients stop at the window boundary);</li>
 *   <li>every gradient element clipped to [-5, 5], then one Adagrad update
 *       (m += g^2, p -= lr g / sqrt(m + 1e-8));</li>
 *   <li>the position moves by the window length; when no target is left, the position goes
 *       back to the start of the text and the state is reset to zero.</li>
 * </ol>
 *
 * <p>A step whose loss or gradient is not finite throws before any weight is changed.
 */
public final class SequenceTrainer {
  /** Every gradient element is clipped to [-CLIP_LIMIT, CLIP_LIMIT]. */
  public static final double CLIP_LIMIT = 5.0;
  /**
   * Element count of all dense parameters together below which they are updated on the calling
   * thread alone. The char runs' 50,000 (RNN) and 99,000 (LSTM) elements stay on it, and the
   * word runs' 0.66 to 0.71 million are split over the threads. On the 2-core build machine
   * (load 1.2, 2026-12-04) the char runs were slower on two threads than on one and the word
   * runs faster (see {@link WorkerPool#MIN_SPLIT_WORK}).
   */
  private static final int PARALLEL_UPDATE_SIZE = 1 << 17;
  /** Elements per chunk of the dense update handed to a thread (64 KB of each array). */
  private static final int DENSE_CHUNK = 8192;

  private final SequenceModel model;
  private final int[] tokens;
  private final int window;
  private final Adagrad adagrad;
  private final SequenceState state;
  private final List<Parameter> inputParameters;
  private final int[] touched;
  /**
   * The parameters other than the input matrices, and where each starts when their elements
   * are numbered one after the other: the elements of parameter q are numbers
   * [denseStart[q], denseStart[q + 1]). The dense loops run over these numbers, so that one
   * loop, split over the threads, covers every dense parameter.
   */
  private final Parameter[] dense;
  private final int[] denseStart;
  /**
   * Adagrad's memory of each dense parameter, looked up on the calling thread before each
   * update. The optimizer's map of memories is not thread-safe, and two pool threads that
   * create an array at once would each update their own copy.
   */
  private final double[][] denseMemory;
  /** The loop bodies over the dense numbers, bound once so that a step allocates nothing. */
  private final WorkerPool.RangeTask denseUpdate = this::clipAndUpdateRange;
  private final Runnable inputUpdate = this::updateInputs;
  /** The number of distinct tokens of the current step, read by {@link #updateInputs}. */
  private int touchedCount;
  /**
   * The dense parameters whose gradients {@link #checkGradients} scans: all but those the model
   * guarantees finite whenever the loss is ({@link SequenceModel#gradientsFiniteWithLoss}).
   */
  private final Parameter[] checked;
  private int position;
  private int windowStart;
  private int lastLength;
  private long steps;

  /**
   * Prepares training of {@code model} on {@code tokens}.
   *
   * @param tokens the text as token indices in [0, V) (not copied, not modified)
   * @param window T, the number of inputs per step, at most the model's window
   * @throws IllegalArgumentException if the window is not in [1, model's window], the text
   *     has fewer than window + 1 tokens, a token is outside the vocabulary, the learning
   *     rate is not a positive finite number, or an input matrix is not stored as U^T
   *     (V x H), the layout {@link SequenceModel} requires
   */
  public SequenceTrainer(SequenceModel model, int[] tokens, int window, double learningRate) {
    this.model = model;
    this.tokens = tokens;
    this.window = Checks.requirePositive("window length", window);
    if (window > model.maxWindow()) {
      throw new IllegalArgumentException("window length " + window
          + " is longer than the model's window " + model.maxWindow());
    }
    if (tokens.length < window + 1) {
      throw new IllegalArgumentException("window length " + window + " needs a text of at least "
          + (window + 1) + " tokens (inputs and the target after them), got " + tokens.length);
    }
    for (int p = 0; p < tokens.length; p++) {
      if (tokens[p] < 0 || tokens[p] >= model.vocabularySize()) {
        throw new IllegalArgumentException("token " + tokens[p] + " at position " + p
            + " is outside the vocabulary [0, " + model.vocabularySize() + ")");
      }
    }
    this.adagrad = new Adagrad(learningRate);
    this.state = model.newState();
    this.inputParameters = model.inputParameters();
    for (Parameter p : inputParameters) {
      requireTransposedLayout(p, model);
    }
    List<Parameter> denseParameters = new ArrayList<>(model.parameters());
    denseParameters.removeAll(inputParameters);
    this.dense = denseParameters.toArray(new Parameter[0]);
    this.denseStart = new int[dense.length + 1];
    for (int q = 0; q < dense.length; q++) {
      denseStart[q + 1] = Math.addExact(denseStart[q], dense[q].size());
    }
    this.denseMemory = new double[dense.length][];
    denseParameters.removeAll(model.gradientsFiniteWithLoss());
    this.checked = denseParameters.toArray(new Parameter[0]);
    this.touched = new int[model.maxWindow()];
  }

  /**
   * Rejects an input matrix that is not V x H: the row updates would otherwise run over the
   * wrong elements without any error. NOTE: when V = H both layouts have this shape, so the
   * check cannot tell them apart.
   */
  private static void requireTransposedLayout(Parameter p, SequenceModel model) {
    int V = model.vocabularySize();
    int H = model.hiddenSize();
    if (p.rows() != V || p.cols() != H) {
      throw new IllegalArgumentException("input matrix " + p.name() + " is stored as "
          + p.rows() + " x " + p.cols() + ", expected its transpose U^T, vocabulary x hidden = "
          + V + " x " + H);
    }
  }

  /**
   * Trains on the next window and returns its loss (summed over the window, before the
   * update).
   *
   * @throws IllegalStateException if the loss or a gradient is NaN or infinite; the message
   *     names the step, and no weight has been changed by it
   */
  public double step() {
    if (atEndOfText()) {
      position = 0;
      state.reset();
    }
    int length = Math.min(window, tokens.length - 1 - position);
    windowStart = position;
    long stepNumber = steps + 1;

    double loss = model.forward(tokens, position, length, state);
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException("training diverged at step " + stepNumber + ": the loss is "
          + loss + "; the weights are left as they were before this step");
    }
    model.backward();
    int touchedCount = model.touchedTokens(touched);
    int denseSize = denseStart[dense.length];
    WorkerPool pool = denseSize < PARALLEL_UPDATE_SIZE
        ? WorkerPool.SERIAL : WorkerPool.shared(model.threads());
    checkGradients(stepNumber, touchedCount);

    for (int q = 0; q < dense.length; q++) {
      denseMemory[q] = adagrad.memory(dense[q]);
    }
    this.touchedCount = touchedCount;
    // The other threads update the dense parameters while this one updates the input matrices.
    pool.runAlongside(inputUpdate, denseSize, DENSE_CHUNK, denseUpdate);

    position += length;
    lastLength = length;
    steps = stepNumber;
    return loss;
  }

  /**
   * Trains from the current position to the end of the text and then moves back to its
   * start with a zero state, so that a call made at the start of the text is one whole pass.
   *
   * @return the mean loss per token over the windows trained
   */
  public double trainToEndOfText() {
    double lossSum = 0.0;
    long tokensSeen = 0;
    do {
      lossSum += step();
      tokensSeen += lastLength;
    } while (!atEndOfText());
    position = 0;
    state.reset();
    return lossSum / tokensSeen;
  }

  /**
   * Returns the mean loss per token of {@code model} over a whole text, predicting each token
   * from the ones before it in windows of {@code window} inputs with the state carried, from
   * a zero state; no weight changes. The model's cached window is overwritten.
   *
   * @throws IllegalArgumentException if the text has fewer than 2 tokens or the window does
   *     not fit the model
   */
  public static double meanLoss(SequenceModel model, int[] tokens, int window) {
    Checks.requirePositive("window length", window);
    if (window > model.maxWindow()) {
      throw new IllegalArgumentException("window length " + window
          + " is longer than the model's window " + model.maxWindow());
    }
    if (tokens.length < 2) {
      throw new IllegalArgumentException(
          "a text needs at least 2 tokens to measure a loss, got " + tokens.length);
    }
    SequenceState state = model.newState();
    double lossSum = 0.0;
    for (int p = 0; p + 1 < tokens.length; p += window) {
      int length = Math.min(window, tokens.length - 1 - p);
      lossSum += model.forward(tokens, p, length, state);
    }
    return lossSum / (tokens.length - 1);
  }

  /** Returns the number of steps trained so far. */
  public long steps() {
    return steps;
  }

  /** Returns the state after the last trained window (the backing object; do not modify). */
  public SequenceState state() {
    return state;
  }

  /** Returns the first input token of the last trained window. */
  public int lastWindowFirstToken() {
    if (steps == 0) {
      throw new IllegalStateException("no window has been trained yet");
    }
    return tokens[windowStart];
  }

  /** Returns the number of inputs of the last trained window (T, or fewer at the end). */
  public int lastWindowLength() {
    return lastLength;
  }

  /** Returns the number of tokens of the training text. */
  public int textLength() {
    return tokens.length;
  }

  /** Returns the model being trained. */
  public SequenceModel model() {
    return model;
  }

  /**
   * Returns whether the last window ended at the end of the text, so that the next
   * {@link #step} starts again at the first token with a zero state.
   */
  public boolean atEndOfText() {
    return position + 1 >= tokens.length;
  }

  /**
   * Throws if a gradient element is NaN or infinite, naming the first one. The gradients the
   * model guarantees finite after a finite loss (checked before) are not scanned. For the RNN
   * and the LSTM those are V's and c's, 5 MB for the word runs.
   */
  private void checkGradients(long stepNumber, int touchedCount) {
    for (Parameter p : checked) {
      requireFinite(stepNumber, p, 0, p.size());
    }
    for (Parameter p : inputParameters) {
      int H = p.cols();
      for (int n = 0; n < touchedCount; n++) {
        requireFinite(stepNumber, p, touched[n] * H, touched[n] * H + H);
      }
    }
  }

  /** Throws naming the first non-finite element of p's gradient in [from, to), if any. */
  private static void requireFinite(long stepNumber, Parameter p, int from, int to) {
    double[] g = p.grad();
    if (UpdateKernels.allFinite(g, from, to)) {
      return;
    }
    for (int index = from; index < to; index++) {
      if (!Double.isFinite(g[index])) {
        throw nonFiniteGradient(stepNumber, p, index, g[index]);
      }
    }
  }

  private static IllegalStateException nonFiniteGradient(long stepNumber, Parameter p,
      int index, double value) {
    return new IllegalStateException("training diverged at step " + stepNumber + ": gradient of "
        + p.name() + " at index " + index + " is " + value
        + "; the weights are left as they were before this step");
  }

  /**
   * Clips the dense gradient numbers [from, to) to [-5, 5] and takes one Adagrad step on them,
   * in one pass over the arrays instead of one pass to clip and one to update. Each element's
   * update is independent of the others, so the result is the same as GradientClipping followed
   * by Adagrad.step, for any split over threads.
   */
  private void clipAndUpdateRange(int from, int to) {
    for (int q = 0; q < dense.length; q++) {
      int start = denseStart[q];
      int first = Math.max(from, start) - start;
      int end = Math.min(to, denseStart[q + 1]) - start;
      if (first < end) {
        UpdateKernels.clipAndAdagrad(dense[q].value(), dense[q].grad(), denseMemory[q], first, end,
            CLIP_LIMIT, adagrad.learningRate(), adagrad.eps());
      }
    }
  }

  /** Updates each input matrix in the rows of the current step's tokens. */
  private void updateInputs() {
    for (Parameter p : inputParameters) {
      updateRows(p, touchedCount);
    }
  }

  /**
   * Clips and updates only the rows of an input matrix, stored as U^T (V x H), that the window
   * touched: row x is column x of U, the H weights token x feeds in. The other gradient rows
   * are zero, and a zero gradient gives a zero Adagrad update, so the result equals a dense
   * update. Each row is contiguous, so it goes through the same vectorised kernel as the dense
   * parameters.
   */
  private void updateRows(Parameter p, int touchedCount) {
    double[] value = p.value();
    double[] g = p.grad();
    double[] m = adagrad.memory(p);
    int H = p.cols();
    for (int n = 0; n < touchedCount; n++) {
      int row = touched[n] * H;
      UpdateKernels.clipAndAdagrad(value, g, m, row, row + H, CLIP_LIMIT,
          adagrad.learningRate(), adagrad.eps());
    }
  }
}
