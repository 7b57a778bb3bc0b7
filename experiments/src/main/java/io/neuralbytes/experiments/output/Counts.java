package io.neuralbytes.experiments.output;

/** Writes counts for logs and reports in words: "1 run", "56 runs". */
public final class Counts {
    private Counts() {
    }

    /**
     * Returns {@code n} and {@code unit}, with an "s" added unless {@code n} is 1.
     *
     * @param unit a noun whose plural adds "s", such as "epoch", "run" or "thread"
     */
    public static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
