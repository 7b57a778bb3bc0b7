package io.neuralbytes.cnn;

/**
 * The class a {@link ConvNet} picks for one image and the probability of every class.
 *
 * @param label         the most probable class; the lower label on a tie
 * @param probabilities one probability per label, summing to 1: the softmax output, or
 *                      {1 - s, s} for the sigmoid output s
 */
public record Prediction(int label, double[] probabilities) {
}
