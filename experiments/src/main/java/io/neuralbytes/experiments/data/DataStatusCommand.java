package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Novel;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neuralbytes data status}: prints the data folder, why it was chosen, and one line per
 * catalogue data set saying whether it is present and whether it passed its check.
 * The checks are those of {@link DataCheck}.
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
        if (!cifarCheck.startsWith(DataCheck.VERIFIED)) {
            problems++;
        }
        out.printf(ROW, DataAccess.CIFAR10, "CIFAR-10, binary version", state(access.hasCifar10()),
                cifarCheck);
        for (Novel novel : Catalogue.NOVELS) {
            boolean present = access.hasNovel(novel.ebook());
            String check = present ? DataCheck.novel(access.folder(), novel)
                    : downloadHint(access, Integer.toString(novel.ebook()));
            if (!present || DataCheck.isInvalid(check)) {
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
            return downloadHint(access, DataAccess.CIFAR10);
        }
        String obstruction = access.obstruction(DataAccess.CIFAR10);
        if (obstruction != null) {
            // A folder where a CIFAR-10 file goes would also stop data download --force.
            return DataCheck.INVALID + " " + obstruction;
        }
        return DataCheck.cifar10(access.folder());
    }

    private static String downloadHint(DataAccess access, String dataset) {
        String obstruction = access.obstruction(dataset);
        if (obstruction != null) {
            // A download would fail on it, so the status names what to move first.
            return DataCheck.INVALID + " " + obstruction;
        }
        // Last in the row and unquoted, so that the command can be pasted as it is.
        return "run: " + access.downloadCommand(dataset);
    }
}
