package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.DownloadListener;
import io.neuralbytes.experiments.output.ProgressReporter;

/**
 * Shows the progress of downloads through a {@link ProgressReporter}: a progress bar in KiB on
 * a terminal, log lines otherwise. Each download gets its own reporter, started by its first
 * call and finished by its last byte, by the next download or by {@link #close()}.
 */
final class DownloadProgress implements DownloadListener, AutoCloseable {

    private static final long KIB = 1024;

    private String current;
    private ProgressReporter reporter;

    @Override
    public synchronized void progress(String name, long bytesReceived, long totalBytes) {
        long totalKib = totalBytes < 0 ? -1 : ceilKib(totalBytes);
        if (reporter == null || !name.equals(current)) {
            close();
            current = name;
            reporter = ProgressReporter.start(name, "KiB", totalKib);
        }
        reporter.onProgress(bytesReceived / KIB, totalKib, Double.NaN);
        if (totalBytes >= 0 && bytesReceived >= totalBytes) {
            reporter.onProgress(totalKib, totalKib, Double.NaN);
            close();
        }
    }

    /** Finishes the current reporter, if any; a later call starts a new one. */
    @Override
    public synchronized void close() {
        if (reporter != null) {
            reporter.close();
            reporter = null;
            current = null;
        }
    }

    private static long ceilKib(long bytes) {
        return (bytes + KIB - 1) / KIB;
    }
}
