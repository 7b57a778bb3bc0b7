package io.neuralbytes.experiments.mlp;

import io.neuralbytes.mlp.TrainingHistory;

/**
 * The outcome of one training run.
 *
 * @param settings    epochs and learning rate
 * @param history     the cost before training and after every epoch
 * @param predictions the network's output for each of the four OR points, in data order
 * @param accuracy    fraction of the four points on the right side of 0.5, in [0, 1]; a
 *                    NaN prediction counts as wrong
 * @param trainingSeconds wall-clock time of training alone
 * @param seconds     wall-clock time of training, prediction and plotting; the two plots
 *                    take most of it for short runs
 */
record MlpRunResult(MlpRunSettings settings, TrainingHistory history, double[] predictions,
                    double accuracy, double trainingSeconds, double seconds) {

    String lossPlot() {
        return settings.name() + "-loss.png";
    }

    String boundaryPlot() {
        return settings.name() + "-boundary.png";
    }
}
