package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Checksums;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.datasets.TextCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks of a data set already on disk, shared by {@code data status} and by
 * {@code reproduce}, which runs them before any training. Each returns one line that starts
 * with {@value #VERIFIED}, {@value #NOT_VERIFIED} or {@value #INVALID}.
 *
 * <p>CIFAR-10 is verified by reading every record of its six files (sizes and labels) and
 * the ten class names. A novel is verified by its SHA-256 against the copy this project was
 * tested with. The experiments still use a copy that differs, with a warning, when it is
 * valid UTF-8. A copy that is not UTF-8 is invalid, because training rejects it.
 */
final class DataCheck {

    static final String VERIFIED = "verified:";
    static final String NOT_VERIFIED = "not verified:";
    static final String INVALID = "invalid:";

    private DataCheck() {
    }

    /** Returns whether {@code check}, a line from this class, marks the data set invalid. */
    static boolean isInvalid(String check) {
        return check.startsWith(INVALID);
    }

    /** Returns the reason of an invalid {@code check}, without its {@value #INVALID} prefix. */
    static String reason(String check) {
        return check.substring(INVALID.length()).strip();
    }

    /** Checks the CIFAR-10 folder in {@code dataFolder}, which must exist. */
    static String cifar10(Path dataFolder) throws IOException {
        try {
            Cifar10 cifar = Cifar10.open(dataFolder);
            long records = cifar.verify();
            return String.format(VERIFIED + " %,d records in %d files, sizes and labels valid",
                    records, Cifar10.TRAIN_BATCHES + 1);
        } catch (IllegalArgumentException e) {
            return INVALID + " " + e.getMessage();
        }
    }

    /** Checks the file of {@code novel} in {@code dataFolder}, which must have one. */
    static String novel(Path dataFolder, Novel novel) throws IOException {
        Path file;
        try {
            file = Novels.find(dataFolder, novel.ebook());
        } catch (IllegalArgumentException e) {
            return INVALID + " " + e.getMessage();
        }
        if (Files.size(file) == 0) {
            return INVALID + " " + file.getFileName() + " is empty (0 bytes); training on it"
                    + " fails";
        }
        String sha256 = Checksums.sha256(file);
        if (sha256.equals(novel.sha256())) {
            return VERIFIED + " SHA-256 of the tested copy, " + file.getFileName();
        }
        try {
            // Training decodes the novel as strict UTF-8 and stops at the first invalid byte,
            // so another copy is usable only when it decodes.
            TextCorpus.load(file, new TextCorpus.Options(false, false));
        } catch (IllegalArgumentException e) {
            return INVALID + " " + e.getMessage();
        }
        return NOT_VERIFIED + " " + file.getFileName() + " has SHA-256 " + sha256
                + ", not the tested copy's " + novel.sha256() + " (used with a warning)";
    }
}
