package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.DownloadListener;
import io.neuralbytes.experiments.output.ProgressReporter;

/**
 * Shows the progress of downloads through a {@link ProgressReporter}: a progress bar on a
 * terminal, log lines otherwise. Files whose size is known and below {@link #BYTES_LIMIT} are
 * counted in bytes, all others in KiB. Each download gets its own reporter, started by its
 * first call and finished by its last byte, by the next download or by {@link #close()}.
 */
final class DownloadProgress implements DownloadListener, AutoCloseable {

    private static final long KIB = 1024;
    /** Size below which progress is shown in bytes: in KiB, 52 bytes would show as "1/1". */
    static final long BYTES_LIMIT = 10 * KIB;

    private String current;
    private ProgressReporter reporter;
    private long unitBytes = KIB;

    @Override
    public synchronized void progress(String name, long bytesReceived, long totalBytes) {
        if (reporter == null || !name.equals(current)) {
            close();
            current = name;
            unitBytes = unitBytes(totalBytes);
            reporter = ProgressReporter.start(name, unitName(unitBytes), units(totalBytes));
        }
        long totalUnits = units(totalBytes);
        reporter.onProgress(bytesReceived / unitBytes, totalUnits, Double.NaN);
        if (totalBytes >= 0 && bytesReceived >= totalBytes) {
            reporter.onProgress(totalUnits, totalUnits, Double.NaN);
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

    /** Returns the bytes per progress unit for a download of {@code totalBytes}, -1 if unknown. */
    static long unitBytes(long totalBytes) {
        return totalBytes >= 0 && totalBytes < BYTES_LIMIT ? 1 : KIB;
    }

    /** Returns the name of the unit of {@code unitBytes} bytes, as the progress line shows it. */
    static String unitName(long unitBytes) {
        return unitBytes == 1 ? "bytes" : "KiB";
    }

    /** Returns {@code bytes} in the current unit, rounded up, or -1 when the size is unknown. */
    private long units(long bytes) {
        return bytes < 0 ? -1 : (bytes + unitBytes - 1) / unitBytes;
    }
}
