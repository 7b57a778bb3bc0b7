package io.neuralbytes.cnn;

import java.util.Arrays;

/**
 * The class a {@link ConvNet} picks for one image and the probability of every class.
 *
 * @param label         the most probable class; the lower label on a tie
 * @param probabilities one probability per label, summing to 1: the softmax output, or
 *                      {1 - s, s} for the sigmoid output s
 */
public record Prediction(int label, double[] probabilities) {

    /**
     * Returns the label and every probability, such as
     * "Prediction[label=1, probabilities=[0.25, 0.75]]", where the record's own form would
     * print the array's identity.
     */
    @Override
    public String toString() {
        return "Prediction[label=" + label + ", probabilities=" + Arrays.toString(probabilities)
                + "]";
    }
}
