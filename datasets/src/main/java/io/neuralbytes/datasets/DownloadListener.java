package io.neuralbytes.datasets;

/**
 * Receives the progress of a download, for example to drive a progress bar. Calls come from
 * the downloading thread: one with 0 bytes when the response starts, then about one per MiB,
 * then one with the final count.
 */
@FunctionalInterface
public interface DownloadListener {

    /** A listener that ignores every call. */
    DownloadListener NONE = (name, bytesReceived, totalBytes) -> { };

    /**
     * Reports progress.
     *
     * @param name what is being downloaded, for example "CIFAR-10"
     * @param bytesReceived bytes received so far
     * @param totalBytes the size the server announced, or -1 when it announced none
     */
    void progress(String name, long bytesReceived, long totalBytes);
}
