package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Checksums;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.datasets.TextCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neuralbytes data status}: prints the data folder, why it was chosen, and one line per
 * catalogue data set saying whether it is present and whether it passed its check.
 *
 * <p>CIFAR-10 is verified by reading every record of its six files (sizes and labels) and
 * the ten class names. A novel is verified by its SHA-256 against the copy this project was
 * tested with. The experiments still use a copy that differs, with a warning, when it is
 * valid UTF-8. A copy that is not UTF-8 is invalid, because training rejects it.
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = "Print the data folder and, for each data set, whether it is present and"
                + " passes its check (every CIFAR-10 record read; each novel's SHA-256 against"
                + " the tested copy). Nothing is downloaded.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every data set is present and valid (a novel that differs from the tested"
                    + " copy counts as valid when it is valid UTF-8)",
            "1:a data set is missing or invalid",
            "2:invalid command line"})
final class DataStatusCommand implements Callable<Integer> {

    /** Exit code when a data set is missing or invalid. */
    static final int INCOMPLETE = 1;

    private static final String ROW = "%-8s %-40s %-8s %s%n";
    private static final String VERIFIED = "verified:";
    private static final String INVALID = "invalid:";

    @Spec
    CommandSpec spec;

    @ParentCommand
    DataCommand parent;

    @Override
    public Integer call() throws IOException {
        DataAccess access = parent.readOnlyAccess();
        PrintWriter out = spec.commandLine().getOut();
        out.println("data folder: " + access.directory());
        out.printf(ROW, "dataset", "title", "state", "check");
        int problems = 0;
        String cifarCheck = cifarCheck(access);
        if (!cifarCheck.startsWith(VERIFIED)) {
            problems++;
        }
        out.printf(ROW, "cifar10", "CIFAR-10, binary version", state(access.hasCifar10()),
                cifarCheck);
        for (Novel novel : Catalogue.NOVELS) {
            boolean present = access.hasNovel(novel.ebook());
            String check = present ? novelCheck(access.folder(), novel)
                    : downloadHint(access, Integer.toString(novel.ebook()));
            if (!present || check.startsWith(INVALID)) {
                problems++;
            }
            out.printf(ROW, novel.ebook(), novel.title(), state(present), check);
        }
        out.flush();
        return problems == 0 ? 0 : INCOMPLETE;
    }

    private static String state(boolean present) {
        return present ? "present" : "missing";
    }

    private static String cifarCheck(DataAccess access) throws IOException {
        if (!access.hasCifar10()) {
            return downloadHint(access, "cifar10");
        }
        try {
            Cifar10 cifar = Cifar10.open(access.folder());
            long records = cifar.verify();
            return String.format(VERIFIED + " %,d records in %d files, sizes and labels valid",
                    records, Cifar10.TRAIN_BATCHES + 1);
        } catch (IllegalArgumentException e) {
            return INVALID + " " + e.getMessage();
        }
    }

    private static String novelCheck(Path dataFolder, Novel novel) throws IOException {
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
            return "verified: SHA-256 of the tested copy, " + file.getFileName();
        }
        try {
            // Training decodes the novel as strict UTF-8 and stops at the first invalid byte,
            // so another copy is usable only when it decodes.
            TextCorpus.load(file, new TextCorpus.Options(false, false));
        } catch (IllegalArgumentException e) {
            return INVALID + " " + e.getMessage();
        }
        return "not verified: " + file.getFileName() + " has SHA-256 " + sha256
                + ", not the tested copy's " + novel.sha256() + " (used with a warning)";
    }

    private static String downloadHint(DataAccess access, String dataset) {
        String obstruction = access.obstruction(dataset);
        if (obstruction != null) {
            // A download would fail on it, so the status names what to move first.
            return INVALID + " " + obstruction;
        }
        // Last in the row and unquoted, so that the command can be pasted as it is.
        return "run: " + access.downloadCommand(dataset);
    }
}
