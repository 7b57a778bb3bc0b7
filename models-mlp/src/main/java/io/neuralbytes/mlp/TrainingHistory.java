package io.neuralbytes.mlp;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The record of one training run: the cost before training, the cost after each epoch's
 * update, and, when the cost became NaN or infinite, the epoch at which training stopped and
 * why. Instances are immutable.
 *
 * <p>Epochs count from 1. {@code cost(k)} is the cost after k updates, so
 * {@code costs()[k - 1]} is the same number. When the run diverged at epoch k, the costs stop
 * there and the last one is the non-finite value. A run whose initial cost is already
 * non-finite diverges at epoch 0 and has no costs.
 */
public final class TrainingHistory {

    private final int epochsRequested;
    private final double learningRate;
    private final double initialCost;
    private final double[] costs;
    private final int divergenceEpoch;
    private final String divergenceMessage;

    /**
     * Creates a history.
     *
     * @param costs             the cost after each completed epoch; copied
     * @param divergenceEpoch   the epoch whose cost was non-finite, or -1 if none was
     * @param divergenceMessage why training stopped early, or {@code null} if it did not
     */
    TrainingHistory(int epochsRequested, double learningRate, double initialCost,
                    double[] costs, int divergenceEpoch, String divergenceMessage) {
        this.epochsRequested = epochsRequested;
        this.learningRate = learningRate;
        this.initialCost = initialCost;
        this.costs = costs.clone();
        this.divergenceEpoch = divergenceEpoch;
        this.divergenceMessage = divergenceMessage;
    }

    /** Returns the number of epochs the caller requested. */
    public int epochsRequested() {
        return epochsRequested;
    }

    /**
     * Returns the number of epochs whose update was applied: {@link #epochsRequested()} unless
     * the run diverged.
     */
    public int epochsCompleted() {
        return costs.length;
    }

    /** Returns the learning rate of the run. */
    public double learningRate() {
        return learningRate;
    }

    /** Returns the cost of the initial parameters, before any update. */
    public double initialCost() {
        return initialCost;
    }

    /** Returns a copy of the costs after each completed epoch, epoch 1 first. */
    public double[] costs() {
        return costs.clone();
    }

    /**
     * Returns the cost after {@code epoch} updates; epoch 0 gives the initial cost.
     *
     * @throws IllegalArgumentException if epoch is negative or beyond the completed epochs
     */
    public double cost(int epoch) {
        if (epoch < 0 || epoch > costs.length) {
            throw new IllegalArgumentException("epoch must be between 0 and "
                    + costs.length + " (the completed epochs), got " + epoch);
        }
        return epoch == 0 ? initialCost : costs[epoch - 1];
    }

    /**
     * Returns the cost after the last completed epoch, or the initial cost when no epoch
     * completed. It is NaN or infinite when the run diverged.
     */
    public double finalCost() {
        return cost(costs.length);
    }

    /** Returns whether training stopped early because the cost became NaN or infinite. */
    public boolean diverged() {
        return divergenceEpoch >= 0;
    }

    /** Returns the epoch after which the cost was first NaN or infinite, if it ever was. */
    public OptionalInt divergenceEpoch() {
        return diverged() ? OptionalInt.of(divergenceEpoch) : OptionalInt.empty();
    }

    /** Returns the one-line explanation of why training stopped early, if it did. */
    public Optional<String> divergenceMessage() {
        return Optional.ofNullable(divergenceMessage);
    }

    /** Returns a one-line summary with the epochs, learning rate and final cost. */
    @Override
    public String toString() {
        return "TrainingHistory[" + costs.length + " of " + epochsRequested
                + " epochs, learning rate " + learningRate + ", final cost " + finalCost()
                + (diverged() ? ", diverged at epoch " + divergenceEpoch : "") + "]";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TrainingHistory)) {
            return false;
        }
        TrainingHistory that = (TrainingHistory) other;
        return epochsRequested == that.epochsRequested
                && Double.compare(learningRate, that.learningRate) == 0
                && Double.compare(initialCost, that.initialCost) == 0
                && Arrays.equals(costs, that.costs)
                && divergenceEpoch == that.divergenceEpoch;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(costs) + Double.hashCode(initialCost);
    }
}
