package io.neuralbytes.sequence;

import java.util.Arrays;

/**
 * The recurrent state a model carries from one window to the next: the hidden state h
 * (length H) and, for the LSTM, the cell state (length H; length 0 for the RNN).
 *
 * <p>Both arrays are owned by this object and updated in place by
 * {@link SequenceModel#forward} and {@link SequenceModel#step}.
 */
public final class SequenceState {
  private final double[] hidden;
  private final double[] cell;

  SequenceState(int hiddenSize, boolean hasCell) {
    this.hidden = new double[hiddenSize];
    this.cell = new double[hasCell ? hiddenSize : 0];
  }

  /** Returns the hidden state h, length H (the backing array itself). */
  public double[] hidden() {
    return hidden;
  }

  /** Returns the LSTM cell state, length H, or an empty array for the RNN (the backing array). */
  public double[] cell() {
    return cell;
  }

  /** Sets h (and the cell state) to zero, as at the start of a text. */
  public void reset() {
    Arrays.fill(hidden, 0.0);
    Arrays.fill(cell, 0.0);
  }

  /** Returns an independent copy. */
  public SequenceState copy() {
    SequenceState copy = new SequenceState(hidden.length, cell.length > 0);
    copy.copyFrom(this);
    return copy;
  }

  /**
   * Copies h and the cell state from {@code source}.
   *
   * @throws IllegalArgumentException if the two states have different sizes
   */
  public void copyFrom(SequenceState source) {
    if (source.hidden.length != hidden.length || source.cell.length != cell.length) {
      throw new IllegalArgumentException("cannot copy a state with hidden size "
          + source.hidden.length + " and cell size " + source.cell.length
          + " into one with hidden size " + hidden.length + " and cell size " + cell.length);
    }
    System.arraycopy(source.hidden, 0, hidden, 0, hidden.length);
    System.arraycopy(source.cell, 0, cell, 0, cell.length);
  }
}
