package io.neuralbytes.experiments.output;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.stream.Collectors;

/** One-line descriptions of the exceptions that the commands report as errors. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * Returns the exception's message on one line, or its class when it has none. A file-system
     * error, whose message is often the bare path, also gets what went wrong with that path.
     */
    public static String describe(Throwable e) {
        if (e instanceof UncheckedIOException unchecked
                && String.valueOf(e.getMessage()).equals(e.getCause().toString())) {
            // Wrapped without a message of its own, so the cause describes the problem.
            return describe(unchecked.getCause());
        }
        if (e instanceof FileSystemException fileError && fileError.getFile() != null) {
            return fileSystemReason(fileError);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getName();
        }
        return message.lines().collect(Collectors.joining(" "));
    }

    /** Returns "permission denied: FILE" and the like for a file-system error. */
    private static String fileSystemReason(FileSystemException e) {
        String file = e.getFile();
        String other = e.getOtherFile() == null ? "" : " (and " + e.getOtherFile() + ")";
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + file + other;
        }
        if (e instanceof NoSuchFileException) {
            return "not found: " + file + other;
        }
        if (e instanceof NotDirectoryException) {
            return file + " is not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " already exists" + other;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty: " + file;
        }
        String reason = e.getReason() == null ? "failed" : e.getReason();
        return file + other + ": " + reason;
    }
}
