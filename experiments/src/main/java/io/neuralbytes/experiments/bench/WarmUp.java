package io.neuralbytes.experiments.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Warm-up of one run before timing: untimed samples until the JIT has compiled the hot loops
 * and the sample time has stopped falling.
 *
 * <p>The rule: run at least {@link #MIN_SAMPLES} samples and at least the minimum number of
 * seconds; then keep running until the median of the last {@link #BATCH} samples is within
 * {@link #TOLERANCE} of the median of the {@link #BATCH} samples before them and the JIT has
 * finished no compilation during those 2 {@link #BATCH} samples nor during the last
 * {@link #JIT_IDLE_SECONDS}, or until the settle limit has passed after the minimum. A run that
 * never settles is timed anyway and marked as not settled.
 *
 * <p>The JIT check matters on a loaded machine: compilations queue up there, and the step time
 * can stay flat at the speed of unoptimised code for longer than two batches before it drops
 * several times. An unchanged total compilation time of the JVM is taken as "the JIT is
 * idle", so a compilation of unrelated code also delays the end of the warm-up.
 */
final class WarmUp {

    /** Samples run before anything else, whatever the minimum time. */
    static final int MIN_SAMPLES = 10;
    /** Samples per batch whose medians are compared. */
    static final int BATCH = 10;
    /** Largest relative difference between two batch medians that counts as settled. */
    static final double TOLERANCE = 0.05;
    /**
     * Seconds without a finished compilation before the JIT counts as idle, however many samples
     * ran. On a 2-core machine with a load of 5, the vector kernels' last compilations finished
     * up to 1.6 s apart, while 20 samples of the char RNN took 0.05 s. Waiting 20 samples, the
     * warm-up ended between two compilations and timed 1.4 times the settled step time.
     */
    static final double JIT_IDLE_SECONDS = 2.0;

    /**
     * End state of a warm-up.
     *
     * @param seconds wall-clock time of the whole warm-up
     * @param samples untimed samples run
     * @param settled whether the last two batch medians agreed within {@link #TOLERANCE} with
     *                the JIT idle
     */
    record Outcome(double seconds, int samples, boolean settled) {
    }

    private WarmUp() {
    }

    /**
     * Runs {@code workload} until its sample time has settled, as the class comment describes.
     *
     * @param minSeconds   minimum warm-up, at least 0
     * @param settleLimit  maximum seconds to keep warming after the minimum while the time still
     *                     changes, at least 0
     * @param clock        nanosecond clock, {@link System#nanoTime} outside tests
     * @param jitMillis    total milliseconds the JIT has spent compiling, which grows whenever
     *                     a compilation finishes; a constant when the JVM does not report it
     */
    static Outcome run(BenchRun.Workload workload, double minSeconds, double settleLimit,
                       LongSupplier clock, LongSupplier jitMillis) {
        long start = clock.getAsLong();
        long minEnd = start + toNanos(minSeconds);
        long limitEnd = minEnd + toNanos(settleLimit);
        double[] durations = new double[2 * BATCH];
        int samples = 0;
        long compiled = jitMillis.getAsLong();
        int lastCompilationSample = 0;
        // Until a compilation finishes during the warm-up, only the samples count.
        long lastCompilationTime = start - toNanos(JIT_IDLE_SECONDS);
        while (true) {
            long sampleStart = clock.getAsLong();
            workload.run();
            long now = clock.getAsLong();
            durations[samples % durations.length] = now - sampleStart;
            samples++;
            long compiledNow = jitMillis.getAsLong();
            if (compiledNow != compiled) {
                compiled = compiledNow;
                lastCompilationSample = samples;
                lastCompilationTime = now;
            }
            if (samples < MIN_SAMPLES || now < minEnd) {
                continue;
            }
            boolean jitIdle = samples - lastCompilationSample >= durations.length
                    && now - lastCompilationTime >= toNanos(JIT_IDLE_SECONDS);
            boolean settled = jitIdle && settled(durations, samples);
            if (settled || now >= limitEnd) {
                return new Outcome((now - start) / 1e9, samples, settled);
            }
        }
    }

    /**
     * Returns whether the last {@link #BATCH} of {@code samples} durations, stored in the ring
     * buffer {@code durations} of length 2 {@link #BATCH}, have a median within
     * {@link #TOLERANCE} of the batch before them.
     */
    static boolean settled(double[] durations, int samples) {
        if (samples < durations.length) {
            return false;
        }
        double[] last = new double[BATCH];
        double[] before = new double[BATCH];
        for (int k = 0; k < BATCH; k++) {
            before[k] = durations[(samples + k) % durations.length];
            last[k] = durations[(samples + BATCH + k) % durations.length];
        }
        double lastMedian = BenchResult.median(last);
        double beforeMedian = BenchResult.median(before);
        return Math.abs(lastMedian - beforeMedian) <= TOLERANCE * beforeMedian;
    }

    private static long toNanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /**
     * Returns the JVM's total compilation time in milliseconds, or 0 when the JVM does not
     * report it (the rule then uses the sample times alone).
     */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        return jit.getTotalCompilationTime();
    }

    /** Returns the rule in one sentence, for bench.json. */
    static String rule() {
        return String.format(Locale.ROOT, "at least %d samples and warmup_seconds, then"
                + " until the median of the last %d samples is within %.0f%% of the %d before"
                + " and the JIT finished no compilation during them nor in the last %.1f s,"
                + " for at most settle_limit_seconds more", MIN_SAMPLES, BATCH,
                TOLERANCE * 100, BATCH, JIT_IDLE_SECONDS);
    }
}
