package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

    private static final long GIBIBYTE = 1L << 30;

    /** Returns an estimate of 8 H^2 bytes for the hidden size H and 8 H T for the window T. */
    private static MemoryEstimate estimate(long hidden, long window) {
        return new MemoryEstimate().option("--hidden", hidden).option("--window", window)
                .doubles("the weights W", hidden, hidden, 1, "--hidden")
                .doubles("the states", window, hidden, 1, "--hidden", "--window");
    }

    @Test
    void arraysWithinHeapAccepted() {
        // 8 * (16384^2 + 16384 * 50) bytes are about 2.0 GiB.
        assertNull(estimate(16384, 50).tooLargeMessage(3 * GIBIBYTE, 16 * GIBIBYTE));
    }

    @Test
    void arrayBeyondJavaLimitRejected() {
        assertEquals("--hidden 50000 would need the weights W, an array of 50000 x 50000 ="
                        + " 2500000000 doubles, more than a Java array can contain"
                        + " (2147483639); use a smaller --hidden",
                estimate(50000, 50).tooLargeMessage(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void arrayOfTwoOptionsNamesBoth() {
        assertEquals("--hidden 100 and --window 30000000 would need the states, an array of"
                        + " 30000000 x 100 = 3000000000 doubles, more than a Java array can"
                        + " contain (2147483639); use smaller --hidden or --window",
                estimate(100, 30_000_000).tooLargeMessage(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void arraysBeyondHeapSuggestLargerHeap() {
        // 8 * 32768^2 bytes are 8 GiB, and the states add 12.5 MiB.
        assertEquals("--hidden 32768 and --window 50 would need about 8.0 GiB for the main"
                        + " arrays (weights, gradients, optimiser memory, work arrays and"
                        + " histories), more than the maximum heap of 4.0 GiB; use smaller"
                        + " --hidden or --window, or give Java more heap, for example"
                        + " JAVA_TOOL_OPTIONS=-Xmx12g",
                estimate(32768, 50).tooLargeMessage(4 * GIBIBYTE, 64 * GIBIBYTE));
    }

    @Test
    void arraysBeyondMachineSuggestNoHeap() {
        assertEquals("--hidden 32768 and --window 50 would need about 8.0 GiB for the main"
                        + " arrays (weights, gradients, optimiser memory, work arrays and"
                        + " histories), more than the maximum heap of 4.0 GiB; use smaller"
                        + " --hidden or --window, because this machine has only 8.0 GiB of"
                        + " memory",
                estimate(32768, 50).tooLargeMessage(4 * GIBIBYTE, 8 * GIBIBYTE));
    }

    @Test
    void historyBytesCounted() {
        MemoryEstimate history = new MemoryEstimate().option("--steps", 1_000_000_000)
                .bytes(24e9);
        assertEquals(24e9, history.totalBytes());
        assertEquals("--steps 1000000000 would need about 22.4 GiB for the main arrays"
                        + " (weights, gradients, optimiser memory, work arrays and histories),"
                        + " more than the maximum heap of 4.0 GiB; use a smaller --steps, or"
                        + " give Java more heap, for example JAVA_TOOL_OPTIONS=-Xmx29g",
                history.tooLargeMessage(4 * GIBIBYTE, 64 * GIBIBYTE));
    }

    @Test
    void hugeEstimateInTebibytes() {
        assertEquals("--hidden 2000000 would need about 29.1 TiB for the main arrays"
                        + " (weights, gradients, optimiser memory, work arrays and histories),"
                        + " more than the maximum heap of 4.0 GiB; use a smaller --hidden,"
                        + " because this machine has only 8.0 GiB of memory",
                new MemoryEstimate().option("--hidden", 2_000_000)
                        .doubles("the weights", 2_000_000, 1_000, 2000, "--hidden")
                        .tooLargeMessage(4 * GIBIBYTE, 8 * GIBIBYTE));
    }
}
