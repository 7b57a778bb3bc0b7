package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.net.http.HttpResponse;

/**
 * Receives a response body into a file, updating a digest and reporting progress as bytes
 * arrive. The HTTP client calls it on its own threads, one call at a time.
 */
final class FileSubscriber implements HttpResponse.BodySubscriber<Long> {

    private final Path file;
    private final MessageDigest digest;
    private final DownloadListener listener;
    private final String name;
    private final long totalBytes;
    private final long progressStep;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile long received;
    private volatile Flow.Subscription subscription;
    private FileChannel channel;
    private long reported;

    FileSubscriber(Path file, MessageDigest digest, DownloadListener listener, String name,
            long totalBytes, long progressStep) {
        this.file = file;
        this.digest = digest;
        this.listener = listener;
        this.name = name;
        this.totalBytes = totalBytes;
        this.progressStep = progressStep;
    }

    /** Returns the bytes written so far; readable from any thread. */
    long received() {
        return received;
    }

    /** Stops the transfer; the body then completes with an error or not at all. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        closeQuietly();
        result.completeExceptionally(new IOException("download cancelled"));
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            newSubscription.cancel();
            result.completeExceptionally(e);
            return;
        }
        listener.progress(name, 0, totalBytes);
        newSubscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                digest.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    received += channel.write(buffer);
                }
            }
        } catch (IOException e) {
            subscription.cancel();
            closeQuietly();
            result.completeExceptionally(e);
            return;
        }
        if (received - reported >= progressStep) {
            reported = received;
            listener.progress(name, received, totalBytes);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        closeQuietly();
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        try {
            channel.close();
        } catch (IOException e) {
            result.completeExceptionally(e);
            return;
        }
        listener.progress(name, received, totalBytes);
        result.complete(received);
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // The transfer has already failed; the caller deletes the file.
        }
    }
}
