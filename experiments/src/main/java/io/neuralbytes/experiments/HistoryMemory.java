package io.neuralbytes.experiments;

import java.util.Locale;

/**
 * An up-front check that a run's per-step or per-epoch history fits in the heap. Such a
 * history grows with {@code --steps} or {@code --epochs} alone, so a huge count would
 * otherwise run out of memory only once training starts, with a hint about the model's sizes.
 */
public final class HistoryMemory {

    private HistoryMemory() {
    }

    /**
     * Returns the error for {@code count} entries of {@code bytesPerEntry} bytes each when they
     * take more than half of {@code maxHeapBytes}, leaving the rest to the model and the data,
     * or null when they fit. The suggested larger heap is left out when it would exceed this
     * machine's memory.
     *
     * @param option the option that sets the count, such as "--steps"
     * @param unit what one entry is, such as "step"
     */
    public static String tooLargeMessage(String option, long count, int bytesPerEntry,
                                         String unit, long maxHeapBytes) {
        return tooLargeMessage(option, count, bytesPerEntry, unit, maxHeapBytes,
                MemoryEstimate.physicalMemoryBytes());
    }

    /**
     * Returns {@link #tooLargeMessage(String, long, int, String, long)} for a machine of
     * {@code physicalBytes} of memory.
     */
    static String tooLargeMessage(String option, long count, int bytesPerEntry, String unit,
                                  long maxHeapBytes, long physicalBytes) {
        double bytes = (double) count * bytesPerEntry;
        if (bytes <= maxHeapBytes / 2.0) {
            return null;
        }
        return String.format(Locale.ROOT, "%s %d would record about %s of history (%d bytes"
                        + " per %s), more than half of the maximum heap of %s; use a smaller %s",
                option, count, MemoryEstimate.gibibytes(bytes), bytesPerEntry, unit,
                MemoryEstimate.gibibytes(maxHeapBytes),
                option) + MemoryEstimate.heapAdvice(2 * bytes, physicalBytes);
    }
}
