package io.neuralbytes.experiments.sequence;

import io.neuralbytes.core.RandomSource;
import io.neuralbytes.sequence.Lstm;
import io.neuralbytes.sequence.Rnn;
import io.neuralbytes.sequence.SequenceModel;
import java.util.List;

/**
 * One of the original's four text runs: which model reads which novel at which level.
 *
 * @param run short name used in file names and summary.json, such as "char-rnn"
 * @param model the network
 * @param level characters or words
 * @param ebook the novel's Project Gutenberg ebook number
 * @param title the novel's title, for reports
 * @param originalSeconds the running time of the Python original's whole 100-step run, as
 *     its README gives it
 */
record TextRunSpec(String run, ModelKind model, Level level, int ebook, String title,
    double originalSeconds) {

  /** The network of a run. */
  enum ModelKind {
    RNN,
    LSTM;

    SequenceModel create(int vocabularySize, int hiddenSize, int window, RandomSource rng) {
      return this == RNN
          ? new Rnn(vocabularySize, hiddenSize, window, rng)
          : new Lstm(vocabularySize, hiddenSize, window, rng);
    }
  }

  /** The unit a token stands for: a character or a word. */
  enum Level {
    CHAR,
    WORD
  }

  static final TextRunSpec CHAR_RNN = new TextRunSpec("char-rnn", ModelKind.RNN, Level.CHAR,
      103, "Around the World in Eighty Days", 139);
  static final TextRunSpec WORD_RNN = new TextRunSpec("word-rnn", ModelKind.RNN, Level.WORD,
      3809, "The Master of the World", 2457);
  static final TextRunSpec CHAR_LSTM = new TextRunSpec("char-lstm", ModelKind.LSTM, Level.CHAR,
      1268, "The Mysterious Island", 407);
  static final TextRunSpec WORD_LSTM = new TextRunSpec("word-lstm", ModelKind.LSTM, Level.WORD,
      83, "From the Earth to the Moon", 5776);

  static List<TextRunSpec> rnnRuns() {
    return List.of(CHAR_RNN, WORD_RNN);
  }

  static List<TextRunSpec> lstmRuns() {
    return List.of(CHAR_LSTM, WORD_LSTM);
  }
}
