package io.neuralbytes.experiments.sequence;

/**
 * The training settings of a text run.
 *
 * @param hiddenSize H
 * @param window T, tokens per training step
 * @param learningRate Adagrad's learning rate
 * @param steps training steps of one window each; used when {@code epochs} is 0
 * @param epochs whole passes over the first 90% of the text, the last 10% held out for a
 *     validation loss after each pass; 0 trains {@code steps} steps on the whole text instead
 * @param sampleLength tokens drawn per sample
 * @param sampleEvery steps between samples (in step mode; in epoch mode a sample follows
 *     each pass)
 * @param temperature sampling temperature
 * @param wordVocabularySize K, the number of most frequent words kept (plus one unknown index)
 * @param stripGutenbergHeader whether to drop the Project Gutenberg header and footer
 * @param seed seed of the run's initial weights and samples
 * @param priming text that one more sample continues after training, or null for none
 */
record TextRunSettings(int hiddenSize, int window, double learningRate, int steps, int epochs,
    int sampleLength, int sampleEvery, double temperature, int wordVocabularySize,
    boolean stripGutenbergHeader, long seed, String priming) {

  /** Creates settings without a priming text. */
  TextRunSettings(int hiddenSize, int window, double learningRate, int steps, int epochs,
      int sampleLength, int sampleEvery, double temperature, int wordVocabularySize,
      boolean stripGutenbergHeader, long seed) {
    this(hiddenSize, window, learningRate, steps, epochs, sampleLength, sampleEvery,
        temperature, wordVocabularySize, stripGutenbergHeader, seed, null);
  }

  /** Fraction of the text trained on in epoch mode; the rest is the validation text. */
  static final double TRAIN_FRACTION = 0.9;

  boolean epochMode() {
    return epochs > 0;
  }
}
