package io.neuralbytes.sequence;

import io.neuralbytes.core.Parameter;
import java.util.List;

/**
 * A next-token language model trained by truncated backpropagation through time. The RNN
 * and the LSTM both implement it, so the trainer, the sampler and the experiments treat them
 * alike.
 *
 * <p>Shapes: V is the vocabulary size, H the hidden size, T the longest window
 * {@link #forward} accepts. Tokens are indices in [0, V); an input token x selects column x
 * of each input matrix U (H x V), so no one-hot vector is ever built. The models store each U
 * transposed, as U^T (V x H), so that this column is one contiguous row: row x of the
 * parameter's value and gradient arrays, from index x H.
 *
 * <p>A model owns its work buffers (allocated once, in the constructor), so one instance
 * must not be used by two threads at once.
 */
public interface SequenceModel {

  /** Returns V, the number of tokens in the vocabulary. */
  int vocabularySize();

  /** Returns H, the size of the hidden state. */
  int hiddenSize();

  /** Returns T, the longest window {@link #forward} accepts. */
  int maxWindow();

  /** Returns every trainable parameter, each with its gradient array. */
  List<Parameter> parameters();

  /**
   * Returns the input matrices, each stored as U^T (V x H), whose gradient is non-zero only in
   * the rows of the tokens of the last window (see {@link #touchedTokens}); a subset of
   * {@link #parameters()}.
   */
  List<Parameter> inputParameters();

  /**
   * Returns the parameters whose gradients are finite after every {@link #backward} that
   * follows a forward pass with a finite loss, so that a trainer, which checks the loss first,
   * need not scan them; a subset of {@link #parameters()}. The default is an empty list.
   */
  default List<Parameter> gradientsFiniteWithLoss() {
    return List.of();
  }

  /**
   * Sets how many threads forward and backward split their large loops over, and
   * {@link SequenceTrainer} its updates (1 until set). Every output element is computed by one
   * thread in the same order whatever the count, so results are identical for any count.
   *
   * <p>The default implementation is for models that always run on one thread.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1, or above 1 for a model
   *     that runs on one thread only
   */
  default void setThreads(int threads) {
    if (threads != 1) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + " runs on one thread only, got a thread count of " + threads);
    }
  }

  /** Returns the thread count set by {@link #setThreads}, 1 by default. */
  default int threads() {
    return 1;
  }

  /** Returns a new zero state of the right sizes for this model. */
  SequenceState newState();

  /**
   * Runs the model over one window and returns its loss, the sum over the window of
   * -ln p(target). Inputs are {@code tokens[from .. from + length)}, targets are
   * {@code tokens[from + 1 .. from + length + 1)}.
   *
   * <p>Starts from {@code state} and leaves in it the state after the last input (modified).
   * Caches what {@link #backward} needs.
   *
   * @throws IllegalArgumentException if length is not in [1, T], the window runs past the
   *     end of {@code tokens}, a token is outside [0, V), or the state has the wrong size
   */
  double forward(int[] tokens, int from, int length, SequenceState state);

  /**
   * Backpropagates the loss of the last {@link #forward} through its window and writes the
   * gradients into each parameter's {@code grad()} array (overwriting them). The state the
   * window started from is treated as a constant, which is what truncates the
   * backpropagation at the window boundary.
   *
   * @throws IllegalStateException if no forward pass was run since the model was built
   */
  void backward();

  /**
   * Copies into {@code out} the distinct input tokens of the last {@link #forward} window and
   * returns how many there are. Outside these tokens' rows the gradients of the
   * {@link #inputParameters()} are zero after {@link #backward}.
   *
   * @param out receives the tokens (modified); length at least T
   */
  int touchedTokens(int[] out);

  /**
   * Runs one step for sampling: feeds {@code token}, advances {@code state} (modified) and
   * writes the V output logits z = V h + c into {@code logits} (modified). The state and the
   * logits are those {@link #forward} computes for the same position, to the bit.
   *
   * @throws IllegalArgumentException if the token is outside [0, V) or a size is wrong
   */
  void step(int token, SequenceState state, double[] logits);
}
