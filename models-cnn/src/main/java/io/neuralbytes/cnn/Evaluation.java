package io.neuralbytes.cnn;

/**
 * Accuracy and confusion matrix of a {@link ConvNet} on a set of labelled images.
 *
 * @param confusion L x L counts, L = {@link ConvNetConfig#labelCount()}: confusion[t][q] is the
 *                  number of images of true label t that the network predicted as q
 */
public record Evaluation(int[][] confusion) {

  /** Predicts every image and counts the outcomes. */
  public static Evaluation of(ConvNet model, ImageSet images) {
    model.checkFits(images);
    int labels = model.config().labelCount();
    int[][] confusion = new int[labels][labels];
    for (int n = 0; n < images.count(); n++) {
      confusion[images.label(n)][model.predict(images, n).label()]++;
    }
    return new Evaluation(confusion);
  }

  /** Returns the number of images counted. */
  public int count() {
    int count = 0;
    for (int[] row : confusion) {
      for (int value : row) {
        count += value;
      }
    }
    return count;
  }

  /** Returns the number of images predicted as their true label. */
  public int correct() {
    int correct = 0;
    for (int t = 0; t < confusion.length; t++) {
      correct += confusion[t][t];
    }
    return correct;
  }

  /** Returns correct / count, or NaN when no image was counted. */
  public double accuracy() {
    int count = count();
    return count == 0 ? Double.NaN : (double) correct() / count;
  }
}
