package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Writes that never leave a half-written file, and removal of temporary folders. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes text as UTF-8 to a temporary file beside {@code target}, then moves it there.
     * Creates the missing folders first, again if another run deletes them in between.
     */
    static void writeString(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = Folders.createThen(folder, () -> TemporaryFiles.create(absolute));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            move(temporary, absolute);
        } catch (IOException e) {
            throw TemporaryFiles.writeFailure(absolute, temporary, e);
        } finally {
            Files.deleteIfExists(temporary);
            TemporaryFiles.release(temporary);
        }
    }

    /** Moves a file or folder into place, atomically where the file system can. */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Copies each entry of folder {@code from} that {@code into} lacks into {@code into}, with
     * everything below it. A regular file becomes a hard link where the file system allows
     * one, which costs no space, and a copy otherwise. A symbolic link is copied as a link.
     *
     * @return the names of the entries copied, in directory order
     */
    static List<String> copyMissingEntries(Path from, Path into) throws IOException {
        List<String> copied = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path entry : entries) {
                Path target = into.resolve(entry.getFileName().toString());
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    copyTree(entry, target);
                    copied.add(entry.getFileName().toString());
                }
            }
        }
        return copied;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                    throws IOException {
                Files.createDirectory(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (attributes.isRegularFile()) {
                    linkOrCopy(file, copy);
                } else {
                    Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void linkOrCopy(Path file, Path copy) throws IOException {
        try {
            Files.createLink(copy, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Deletes a folder and everything in it, and does nothing when the folder is missing. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e)
                    throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
