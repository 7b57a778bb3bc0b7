package io.neuralbytes.experiments.bench;

import java.util.Arrays;

/**
 * The timed samples of one run on one thread count, in seconds per unit (step or epoch).
 *
 * @param warmUp            how the untimed warm-up before these samples ended
 * @param wallSeconds       wall-clock time of each sample
 * @param callerCpuSeconds  CPU time of the calling thread in each sample, without the worker
 *                          threads. On one thread, a CPU time far below the wall time means
 *                          that other processes were using the cores.
 * @param loadBefore        one-minute system load average before the run, -1 if unknown
 * @param loadAfter         the same after the run
 */
record BenchResult(BenchRun run, int threads, WarmUp.Outcome warmUp, double[] wallSeconds,
                   double[] callerCpuSeconds, double loadBefore, double loadAfter) {

    double medianSeconds() {
        return median(wallSeconds);
    }

    double minSeconds() {
        return Arrays.stream(wallSeconds).min().orElse(Double.NaN);
    }

    double medianCallerCpuSeconds() {
        return median(callerCpuSeconds);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
