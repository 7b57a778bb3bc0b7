package io.neuralbytes.experiments;

import io.neuralbytes.core.WorkerPool;

/**
 * Error messages for a {@code --threads} value outside 1 to the number of available
 * processors. The option's parser and the commands' own range checks use them, so that a count
 * too large for an {@code int} gets the same message as one just above the processors.
 */
public final class ThreadCounts {

    private ThreadCounts() {
    }

    /**
     * Returns "--threads must be at least 1, got 0", or "must list counts of" in place of
     * "must be" when {@code list} is true (bench takes a comma-separated list).
     */
    public static String belowOneMessage(boolean list, String count) {
        return prefix(list) + "at least 1, got " + count;
    }

    /**
     * Returns "--threads must be at most 4, the number of available processors, got 5", with
     * "must list counts of" in place of "must be" when {@code list} is true.
     */
    public static String aboveProcessorsMessage(boolean list, String count) {
        return prefix(list) + "at most " + WorkerPool.availableProcessors()
                + ", the number of available processors, got " + count;
    }

    private static String prefix(boolean list) {
        return list ? "--threads must list counts of " : "--threads must be ";
    }
}
