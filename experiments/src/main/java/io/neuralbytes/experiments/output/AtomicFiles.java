package io.neuralbytes.experiments.output;

import io.neuralbytes.datasets.Folders;
import io.neuralbytes.datasets.TemporaryFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;

/**
 * Writes files so that a reader sees either the old content or the complete new content,
 * never a half-written file: the bytes go to a temporary file in the target's folder, which
 * is then moved over the target. {@link TemporaryFiles} names the temporary files, gives them
 * the umask's permissions, and deletes them when the program is stopped or was killed.
 */
public final class AtomicFiles {

    /** Body of a write: receives the stream of the temporary file. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code body}, creating missing parent folders. If the body
     * throws, the temporary file is deleted and {@code target} is left as it was.
     *
     * @throws IOException naming {@code target} and the reason, if the write or the move fails
     */
    public static void write(Path target, StreamWriter body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = Folders.createThen(folder, () -> TemporaryFiles.create(absolute));
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            moveIntoPlace(temporary, absolute);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw TemporaryFiles.writeFailure(absolute, temporary, e);
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        } finally {
            TemporaryFiles.release(temporary);
        }
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code bytes} as they are. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code image} as a PNG file. */
    public static void writePng(Path target, BufferedImage image) throws IOException {
        write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + target);
            }
        });
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so a plain rename is still all-or-nothing on every common file system.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
