package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.TemporaryFiles;
import io.neuralbytes.experiments.AsciiIntegers;
import io.neuralbytes.experiments.ListOptions;
import io.neuralbytes.experiments.output.ErrorMessages;
import io.neuralbytes.experiments.output.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neuralbytes data download}: fetches the named data sets that the data folder lacks,
 * checks them and moves them into place.
 *
 * <p>Each data set is downloaded on its own, so one failure (a novel that Project Gutenberg
 * has revised, say) does not stop the others; every failure is one line on standard error
 * and the exit code is then 1. A failed download leaves nothing in the data folder, and a
 * data folder that this command created is removed again when no download was kept.
 */
@Command(name = "download",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Download the named data sets that the data folder lacks, check them (the CIFAR-10"
                    + " archive's MD5, each novel's SHA-256 against the tested copy) and move"
                    + " them into place. A failed download leaves nothing behind, not even the"
                    + " data folder when this command created it.",
            "Data sets: cifar10, novels (all eight), a novel's Project Gutenberg ebook number"
                    + " as 'neuralbytes data status' lists them, or all."})
final class DataDownloadCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DataDownloadCommand.class);
    private static final String CIFAR10 = DataAccess.CIFAR10;

    @Spec
    CommandSpec spec;

    @ParentCommand
    DataCommand parent;

    @Parameters(paramLabel = "DATASET", arity = "0..*",
            description = "cifar10, novels, an ebook number or all (default: all).")
    List<String> datasets;

    @Mixin
    MirrorOptions mirrors;

    @Option(names = "--force",
            description = "Download again what is present, replacing it once the new copy has"
                    + " passed its check. Files in the CIFAR-10 folder that the archive does"
                    + " not contain stay, and so do other files named for a novel's ebook,"
                    + " such as pg83-backup.txt; the catalogue's file name is the one used.")
    boolean force;

    @Override
    public Integer call() {
        List<String> selected = selected();
        DataAccess access = parent.access(mirrors.sources(spec.commandLine()));
        access.logFolder();
        Path createdFolder = OutputFolder.firstMissing(access.folder());
        if (createdFolder != null) {
            // A folder that cannot be created fails every download, so report why once, first.
            OutputFolder.check(spec.commandLine(), "data folder", access.folder());
        }
        // Also when the download is stopped (Ctrl-C), once its temporary files are gone.
        TemporaryFiles.runAfterShutdownCleanup(
                () -> DataAccess.deleteCreatedIfEmpty(access.folder(), createdFolder));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (String dataset : selected) {
            String name = displayName(dataset);
            try {
                out.println(name + ": " + fetch(access, dataset));
            } catch (IOException | UncheckedIOException | IllegalArgumentException
                     | IllegalStateException e) {
                failures++;
                LOG.debug("download of {} failed", name, e);
                // The cleanup logs "removed ..." before the error line, so that the error is
                // the last line a user reads after the last data set.
                DataAccess.deleteCreatedIfEmpty(access.folder(), createdFolder);
                err.println("neuralbytes: " + name + ": download failed: " + oneLine(e));
            }
            out.flush();
            err.flush();
        }
        DataAccess.deleteCreatedIfEmpty(access.folder(), createdFolder);
        return failures == 0 ? 0 : 1;
    }

    /** Downloads one data set unless present (or forced) and returns what happened. */
    private String fetch(DataAccess access, String dataset) throws IOException {
        if (dataset.equals(CIFAR10)) {
            if (access.hasCifar10() && !force) {
                Path folder = access.cifar10();
                return "present in " + folder + ", not downloaded (--force replaces it)";
            }
            return "downloaded and checked, in " + access.downloadCifar10();
        }
        int ebook = Integer.parseInt(dataset);
        if (access.hasNovel(ebook) && !force) {
            Path file = access.novel(ebook);
            return "present as " + file + ", not downloaded (--force replaces it)";
        }
        return "downloaded and checked, in " + access.downloadNovel(ebook);
    }

    /**
     * Returns the data sets named on the command line as "cifar10" or ebook numbers, each once,
     * in the order named.
     *
     * @throws ParameterException if a name is not a data set of the catalogue, is given twice,
     *     or names a data set that another name already includes, as in "novels 103"
     */
    private List<String> selected() {
        List<String> names = datasets == null || datasets.isEmpty() ? List.of("all") : datasets;
        String repeated = ListOptions.firstRepeated(names,
                name -> name.strip().toLowerCase(Locale.ROOT));
        if (repeated != null) {
            throw new ParameterException(spec.commandLine(), "data download lists '"
                    + repeated.strip() + "' more than once; give each data set once");
        }
        Map<String, Set<String>> named = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> members = members(name);
            for (Map.Entry<String, Set<String>> earlier : named.entrySet()) {
                if (!Collections.disjoint(earlier.getValue(), members)) {
                    throw new ParameterException(spec.commandLine(), "data download lists"
                            + " overlapping data sets: " + overlap(earlier.getKey(),
                            earlier.getValue(), name.strip(), members)
                            + "; give each data set once");
                }
            }
            named.put(name.strip(), members);
        }
        Set<String> selected = new LinkedHashSet<>();
        named.values().forEach(selected::addAll);
        return new ArrayList<>(selected);
    }

    /** Returns the data sets that {@code name} selects, as "cifar10" or ebook numbers. */
    private Set<String> members(String name) {
        Set<String> members = new LinkedHashSet<>();
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> {
                members.add(CIFAR10);
                members.addAll(allNovels());
            }
            case CIFAR10 -> members.add(CIFAR10);
            case "novels" -> members.addAll(allNovels());
            default -> members.add(Integer.toString(ebook(name)));
        }
        return members;
    }

    /**
     * Returns how the name {@code later} overlaps {@code earlier}, such as "'103' is already in
     * 'novels'". One of the two sets always contains the other, because a name selects one data
     * set, all novels, or everything.
     */
    private static String overlap(String earlier, Set<String> earlierMembers, String later,
                                  Set<String> laterMembers) {
        if (earlierMembers.equals(laterMembers)) {
            return "'" + later + "' is the same data set as '" + earlier + "'";
        }
        if (earlierMembers.containsAll(laterMembers)) {
            return "'" + later + "' is already in '" + earlier + "'";
        }
        return "'" + later + "' includes '" + earlier + "'";
    }

    private int ebook(String name) {
        try {
            int ebook = AsciiIntegers.parseInt(name.strip());
            Catalogue.novel(ebook);
            return ebook;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown data set '" + name
                    + "': expected cifar10, novels, all or one of the ebook numbers "
                    + allNovels().stream().collect(Collectors.joining(", ")));
        }
    }

    private static List<String> allNovels() {
        return Catalogue.NOVELS.stream().map(novel -> Integer.toString(novel.ebook())).toList();
    }

    private static String displayName(String dataset) {
        if (dataset.equals(CIFAR10)) {
            return "CIFAR-10";
        }
        Novel novel = Catalogue.novel(Integer.parseInt(dataset));
        return novel.title() + " (ebook " + novel.ebook() + ")";
    }

    private static String oneLine(Exception e) {
        return ErrorMessages.describe(e);
    }
}
