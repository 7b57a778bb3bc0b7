package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HistoryMemoryTest {

    private static final long GIBIBYTE = 1L << 30;

    @Test
    void historyWithinHalfHeapAccepted() {
        // 1 GiB of history fits in half of a 2 GiB heap.
        assertNull(HistoryMemory.tooLargeMessage("--steps", GIBIBYTE / 8, 8, "step",
                2 * GIBIBYTE));
    }

    @Test
    void historyBeyondHalfHeapRejected() {
        assertEquals("--epochs 268435457 would record about 2.0 GiB of history (8 bytes per"
                        + " epoch), more than half of the maximum heap of 4.0 GiB; use a smaller"
                        + " --epochs, or give Java more heap, for example"
                        + " JAVA_TOOL_OPTIONS=-Xmx6g",
                HistoryMemory.tooLargeMessage("--epochs", GIBIBYTE / 4 + 1, 8, "epoch",
                        4 * GIBIBYTE, 16 * GIBIBYTE));
    }

    @Test
    void historyBeyondMachineSuggestsNoHeap() {
        assertEquals("--steps 2147483647 would record about 48.0 GiB of history (24 bytes per"
                        + " step), more than half of the maximum heap of 6.0 GiB; use a smaller"
                        + " --steps, because this machine has only 24.0 GiB of memory",
                HistoryMemory.tooLargeMessage("--steps", Integer.MAX_VALUE, 24, "step",
                        6 * GIBIBYTE, 24 * GIBIBYTE));
    }
}
