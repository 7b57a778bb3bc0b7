package io.neuralbytes.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    /** A workload that advances a fake clock by a given number of nanoseconds per sample. */
    private static final class FakeRun implements BenchRun.Workload {
        private final IntToLongFunction nanosOfSample;
        long now;
        int samples;

        FakeRun(IntToLongFunction nanosOfSample) {
            this.nanosOfSample = nanosOfSample;
        }

        @Override
        public void run() {
            samples++;
            now += nanosOfSample.applyAsLong(samples);
        }
    }

    @Test
    void warmUpWaitsForCompiledCode() {
        // 30 samples that start at 78 ms and get 10% faster each time, as the JIT compiles
        // more of the step, then compiled code at 1.6 ms per sample.
        FakeRun run = new FakeRun(k -> k <= 30 ? (long) (78e6 * Math.pow(0.9, k - 1))
                : 1_600_000L);

        WarmUp.Outcome outcome = WarmUp.run(run, 0.0, 60.0, () -> run.now, () -> 0L);

        assertTrue(outcome.settled());
        // The batch of samples 27 to 36 contains 4 slow ones, so its median is the fast time.
        assertEquals(46, outcome.samples());
        assertEquals(46, run.samples);
        // 78 ms (1 - 0.9^30) / (1 - 0.9) for the slow samples, plus 16 fast ones.
        assertEquals(0.78 * (1 - Math.pow(0.9, 30)) + 16 * 0.0016, outcome.seconds(), 1e-6);
    }

    @Test
    void warmUpWaitsForIdleJit() {
        // A flat 78 ms while the JIT keeps compiling (its total grows after each of the first
        // 40 samples), then 1.6 ms per sample once the compiled code runs.
        FakeRun run = new FakeRun(k -> k <= 40 ? 78_000_000L : 1_600_000L);

        WarmUp.Outcome outcome = WarmUp.run(run, 0.0, 60.0, () -> run.now,
                () -> Math.min(run.samples, 40));

        assertTrue(outcome.settled());
        // The last compilation at 40 x 78 ms = 3.12 s, then 2 s of fast samples: 1,250 of them.
        assertEquals(1290, outcome.samples());
        assertEquals(40 * 0.078 + 2.0, outcome.seconds(), 1e-9);
    }

    @Test
    void warmUpWaitsForJitIdleTime() {
        // 2 ms samples from the start, but compilations finish after samples 5, 500 and 1000
        // (0.01, 1.0 and 2.0 s), as they do when a busy machine slows the JIT down.
        FakeRun run = new FakeRun(k -> 2_000_000L);

        WarmUp.Outcome outcome = WarmUp.run(run, 0.0, 60.0, () -> run.now,
                () -> compilationsFinished(run.samples));

        assertTrue(outcome.settled());
        // The last compilation at 2.0 s, then the idle time of 2.0 s: 2,000 samples of 2 ms.
        assertEquals(2000, outcome.samples());
        assertEquals(4.0, outcome.seconds(), 1e-9);
    }

    /** Returns the compilations finished after {@code samples}: one each after 5, 500, 1000. */
    private static long compilationsFinished(int samples) {
        long count = 0;
        for (int at : new int[] {5, 500, 1000}) {
            if (samples >= at) {
                count++;
            }
        }
        return count;
    }

    @Test
    void warmUpLastsAtLeastMinimum() {
        FakeRun run = new FakeRun(k -> 10_000_000L);

        WarmUp.Outcome outcome = WarmUp.run(run, 1.0, 60.0, () -> run.now, () -> 0L);

        assertTrue(outcome.settled());
        assertEquals(100, outcome.samples());
        assertEquals(1.0, outcome.seconds(), 1e-9);
    }

    @Test
    void warmUpRunsMinimumSamples() {
        FakeRun run = new FakeRun(k -> 1_000L);

        WarmUp.Outcome outcome = WarmUp.run(run, 0.0, 0.0, () -> run.now, () -> 0L);

        // With no settle time the warm-up stops at the minimum, before two batches exist.
        assertFalse(outcome.settled());
        assertEquals(WarmUp.MIN_SAMPLES, outcome.samples());
    }

    @Test
    void warmUpStopsAtSettleLimit() {
        // Sample k takes k ms, so consecutive batch medians differ by far more than 5%.
        FakeRun run = new FakeRun(k -> k * 1_000_000L);

        WarmUp.Outcome outcome = WarmUp.run(run, 0.0, 1.0, () -> run.now, () -> 0L);

        assertFalse(outcome.settled());
        // 1 + 2 + ... + 45 ms = 1.035 s is the first sum of at least 1 s.
        assertEquals(45, outcome.samples());
        assertEquals(1.035, outcome.seconds(), 1e-9);
    }

    @Test
    void settledComparesBatchMedians() {
        double[] ring = new double[2 * WarmUp.BATCH];
        // Samples 1 to 25 written into the ring: the last 20 are samples 6 to 25.
        for (int k = 1; k <= 25; k++) {
            ring[(k - 1) % ring.length] = k <= 15 ? 100.0 : 104.0;
        }
        assertTrue(WarmUp.settled(ring, 25));

        for (int k = 1; k <= 25; k++) {
            ring[(k - 1) % ring.length] = k <= 15 ? 100.0 : 106.0;
        }
        assertFalse(WarmUp.settled(ring, 25));
        assertFalse(WarmUp.settled(ring, 19));
    }
}
