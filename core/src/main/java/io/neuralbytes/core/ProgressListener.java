package io.neuralbytes.core;

/** Receives the progress of long work, for progress bars and logs. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every call. */
    ProgressListener NONE = (done, total, loss) -> { };

    /**
     * Reports that {@code done} of {@code total} units (epochs, steps, images) are finished.
     *
     * @param loss the latest loss, or NaN when none is known
     */
    void onProgress(long done, long total, double loss);
}
