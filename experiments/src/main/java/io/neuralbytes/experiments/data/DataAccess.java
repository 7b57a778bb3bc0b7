package io.neuralbytes.experiments.data;

import io.neuralbytes.datasets.Catalogue;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.datasets.DataSources;
import io.neuralbytes.datasets.Downloader;
import io.neuralbytes.datasets.Novel;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.experiments.output.OutputFolder;
import io.neuralbytes.experiments.output.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data sets of one command: finds each in the data folder and, unless offline, downloads
 * what is missing. {@link #cifar10()} and {@link #novel(int)} never download data already on
 * disk; only {@code data download --force} replaces it.
 *
 * <p>The chosen folder and where the choice came from are logged once, at the first use.
 */
public final class DataAccess {

    private static final Logger LOG = LoggerFactory.getLogger(DataAccess.class);

    /** The name of CIFAR-10 on the {@code data download} command line. */
    static final String CIFAR10 = "cifar10";

    /**
     * System property in which the {@code neuralbytes} launcher passes the command it was
     * called by, such as {@code ../nb/neuralbytes}, or its bare name when PATH finds it.
     */
    static final String LAUNCHER_PROPERTY = "neuralbytes.launcher";

    /**
     * Returns the command that runs this program from the working directory: the one in
     * {@value #LAUNCHER_PROPERTY}, quoted for the shell, else {@code ./neuralbytes}, which
     * runs it from the repository's folder.
     */
    static String programCommand() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        return launcher == null || launcher.isBlank()
                ? "./neuralbytes" : ShellWords.quote(launcher);
    }

    /**
     * Returns the download command for {@code arguments}, with {@code --data FOLDER} and the
     * folder's absolute path, so that following the hint fills the folder in use. That holds
     * for the default folder too: it is {@code data} in the working directory, which need not
     * be the folder where {@link #programCommand} runs. The mirror in use for each data set
     * in {@code arguments} ({@code cifar10} or an ebook number) is named too, so that the hint
     * downloads from where the user chose. A mirror's query string, which may carry an access
     * token, is shown as {@code ?...}, so the user adds it back before running the hint.
     */
    String downloadCommand(String... arguments) {
        StringBuilder command = new StringBuilder(programCommand()).append(" data download")
                .append(" --data ").append(ShellWords.quote(folder().toString()));
        DataSources official = DataSources.official();
        List<String> datasets = List.of(arguments);
        boolean cifar10 = datasets.contains(CIFAR10);
        boolean novels = datasets.stream().anyMatch(argument -> argument.matches("[0-9]+"));
        if (cifar10 && !sources.cifar10Archive().equals(official.cifar10Archive())) {
            command.append(" --cifar10-url ")
                    .append(ShellWords.quote(DataSources.redacted(sources.cifar10Archive())))
                    .append(" --cifar10-md5 ").append(sources.cifar10Md5());
        }
        if (novels && !sources.gutenberg().equals(official.gutenberg())) {
            command.append(" --gutenberg-url ")
                    .append(ShellWords.quote(DataSources.redacted(sources.gutenberg())));
        }
        return command.append(' ').append(String.join(" ", arguments)).toString();
    }

    private final DataDirectory directory;
    private final DataSources sources;
    private final boolean offline;
    private boolean folderLogged;

    /**
     * @param offline when true, missing data is an error naming the command that downloads it
     */
    public DataAccess(DataDirectory directory, DataSources sources, boolean offline) {
        this.directory = directory;
        this.sources = sources;
        this.offline = offline;
    }

    /** Returns the data folder, absolute; it may not exist. */
    public Path folder() {
        return directory.path();
    }

    /** Returns the data folder with where it was chosen from. */
    public DataDirectory directory() {
        return directory;
    }

    /** Returns the addresses downloads come from. */
    public DataSources sources() {
        return sources;
    }

    /** Logs the data folder and why it was chosen, the first time only. */
    public synchronized void logFolder() {
        if (!folderLogged) {
            folderLogged = true;
            LOG.info("data folder {}", directory);
        }
    }

    /**
     * Returns the CIFAR-10 folder, downloading and checking the archive first when the data
     * folder has none.
     *
     * @throws IllegalStateException if CIFAR-10 is missing and downloads are off
     * @throws IllegalArgumentException if a CIFAR-10 folder exists but lacks files
     * @throws IOException if the download or its checks fail; nothing is then kept
     */
    public Path cifar10() throws IOException {
        logFolder();
        if (offline && !hasCifar10()) {
            throw notReady(List.of(CIFAR10), Map.of());
        }
        try (DownloadProgress progress = new DownloadProgress()) {
            return downloader(progress).cifar10();
        } catch (IllegalArgumentException e) {
            // The command comes last and unquoted, so that it can be pasted as it is.
            throw new IllegalArgumentException(e.getMessage() + ". To use a complete copy,"
                    + " name its folder with --data or the "
                    + DataDirectory.ENVIRONMENT_VARIABLE + " environment variable; to replace"
                    + " this one, run: " + downloadCommand("--force", CIFAR10), e);
        }
    }

    /**
     * Returns the file of a catalogue novel, downloading it first when the data folder has
     * none.
     *
     * @throws IllegalStateException if the novel is missing and downloads are off
     * @throws IllegalArgumentException if the ebook is not in the catalogue or more than one
     *     file matches it
     * @throws IOException if the download or its check fails; nothing is then kept
     */
    public Path novel(int ebook) throws IOException {
        logFolder();
        if (offline && !hasNovel(ebook)) {
            throw notReady(List.of(Integer.toString(ebook)), Map.of());
        }
        try (DownloadProgress progress = new DownloadProgress()) {
            return downloader(progress).novel(ebook);
        }
    }

    /**
     * Makes sure that every data set in {@code datasets}, {@code cifar10} or ebook numbers, is
     * in the data folder and valid, so that {@code reproduce} can check all of its data before
     * any experiment trains. Downloads the missing ones in the catalogue's order, stopping at
     * the first that fails, then runs the checks of {@code data status} ({@link DataCheck}) on
     * the data sets that were already there. Throws one error that names every missing
     * (offline only) and every invalid data set, with one command that downloads or replaces
     * them all. A novel that differs from the tested copy but is valid UTF-8 passes; the
     * experiment warns when it reads it.
     *
     * @throws IllegalStateException if a data set is invalid, or missing and downloads are off
     * @throws IOException if a download or its check fails; the data sets downloaded before
     *     it are kept
     */
    public void prepare(Collection<String> datasets) throws IOException {
        logFolder();
        List<String> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (String dataset : catalogueOrder(datasets)) {
            boolean found = dataset.equals(CIFAR10)
                    ? hasCifar10() : hasNovel(Integer.parseInt(dataset));
            if (found) {
                present.add(dataset);
            } else {
                missing.add(dataset);
            }
        }
        if (!offline) {
            for (String dataset : missing) {
                if (dataset.equals(CIFAR10)) {
                    cifar10();
                } else {
                    novel(Integer.parseInt(dataset));
                }
            }
            // A download has passed its own check, so only the earlier data is checked.
            missing.clear();
        }
        Map<String, String> invalid = invalidData(present);
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            throw notReady(missing, invalid);
        }
    }

    /**
     * Checks each of the {@code present} data sets as {@code data status} does and returns the
     * reason of each invalid one, in the order given.
     */
    private Map<String, String> invalidData(List<String> present) throws IOException {
        Map<String, String> invalid = new LinkedHashMap<>();
        for (String dataset : present) {
            String check = dataset.equals(CIFAR10) ? DataCheck.cifar10(folder())
                    : DataCheck.novel(folder(), Catalogue.novel(Integer.parseInt(dataset)));
            if (DataCheck.isInvalid(check)) {
                invalid.put(dataset, DataCheck.reason(check));
            }
        }
        return invalid;
    }

    /** Returns {@code datasets} without repeats, CIFAR-10 first, then the catalogue's novels. */
    static List<String> catalogueOrder(Collection<String> datasets) {
        List<String> ordered = new ArrayList<>();
        if (datasets.contains(CIFAR10)) {
            ordered.add(CIFAR10);
        }
        for (Novel novel : Catalogue.NOVELS) {
            if (datasets.contains(Integer.toString(novel.ebook()))) {
                ordered.add(Integer.toString(novel.ebook()));
            }
        }
        return ordered;
    }

    /**
     * Downloads CIFAR-10 again, replacing what is there.
     *
     * @throws IOException if the download or its checks fail; the data folder is then unchanged
     */
    Path downloadCifar10() throws IOException {
        logFolder();
        try (DownloadProgress progress = new DownloadProgress()) {
            return downloader(progress).downloadCifar10();
        } catch (IOException e) {
            boolean mirror = !sources.cifar10Archive().equals(
                    DataSources.official().cifar10Archive());
            if (mirror && String.valueOf(e.getMessage()).startsWith("checksum mismatch")) {
                throw new IOException(e.getMessage() + " If this mirror's archive differs from"
                        + " the official one on purpose, give its MD5 with --cifar10-md5.", e);
            }
            throw e;
        }
    }

    /**
     * Downloads a catalogue novel again, replacing the file of the catalogue's name; other files
     * named for the ebook stay.
     *
     * @throws IOException if the download or its check fails; the data folder is then unchanged
     */
    Path downloadNovel(int ebook) throws IOException {
        logFolder();
        try (DownloadProgress progress = new DownloadProgress()) {
            return downloader(progress).downloadNovel(ebook);
        }
    }

    /**
     * Returns why a download of {@code dataset}, {@code cifar10} or an ebook number, would
     * stop before fetching anything, or null when nothing is in its way. A file where the
     * data set's folder goes, or a folder where a novel's file or a CIFAR-10 file goes, stops
     * it, so that no download deletes something of the user's.
     */
    String obstruction(String dataset) {
        boolean cifar10 = dataset.equals(CIFAR10);
        Path folder = folder().resolve(cifar10 ? Cifar10.FOLDER : Novels.FOLDER);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            return folder + " exists but is not a folder; move it away";
        }
        if (cifar10) {
            for (String name : Cifar10.fileNames()) {
                Path file = folder.resolve(name);
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    return file + " is a folder, expected a CIFAR-10 file; move it away";
                }
            }
            return null;
        }
        Path file = folder.resolve(Catalogue.novel(Integer.parseInt(dataset)).fileName());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return file + " is a folder, expected the novel's file; move it away";
        }
        return null;
    }

    /** Returns whether the data folder has a CIFAR-10 folder, complete or not. */
    boolean hasCifar10() {
        Path folder = folder();
        return Files.isDirectory(folder.resolve(Cifar10.FOLDER))
                || Files.isRegularFile(folder.resolve(Cifar10.TEST_FILE));
    }

    /** Returns whether the data folder has a file for the ebook. */
    boolean hasNovel(int ebook) throws IOException {
        return Novels.isPresent(folder(), ebook);
    }

    /**
     * Deletes {@code folder}, the empty folders below it, and its parents up to
     * {@code firstCreated}, while they contain no file. A command that created the data folder
     * calls this at its end, so that failed downloads leave no empty folder behind. Does
     * nothing when {@code firstCreated} is null, because the folder existed before the command.
     * Files are never deleted, and a folder that cannot be deleted is logged and kept.
     *
     * @param folder the data folder
     * @param firstCreated the outermost folder on the way to {@code folder} that did not exist
     *     when the command started, from {@link OutputFolder#firstMissing}, or null
     */
    public static void deleteCreatedIfEmpty(Path folder, Path firstCreated) {
        if (firstCreated == null) {
            return;
        }
        try {
            if (deleteEmptyFolders(folder)) {
                OutputFolder.deleteEmpty(folder.getParent(), firstCreated);
                LOG.info("removed {}: this command created it and no download was kept",
                        Files.exists(firstCreated) ? folder : firstCreated);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the empty folders of {}: {}", folder, e.toString());
        }
    }

    /**
     * Deletes {@code folder} and every folder below it that contains no file, deepest first,
     * and returns whether {@code folder} itself was deleted. Files are never deleted.
     */
    static boolean deleteEmptyFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean empty = true;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                if (!deleteEmptyFolders(entry)) {
                    empty = false;
                }
            }
        }
        if (empty) {
            Files.delete(folder);
        }
        return empty;
    }

    private Downloader downloader(DownloadProgress progress) {
        return new Downloader(folder(), sources, offline, progress);
    }

    /**
     * Returns the error for the {@code missing} data sets (offline only) and the
     * {@code invalid} ones with their reasons, each in the catalogue's order. When something
     * is where a download would put a data set, the error names what to move instead of a
     * download command that would stop on it.
     */
    private IllegalStateException notReady(List<String> missing, Map<String, String> invalid) {
        // A set, because one file where the novels folder goes blocks every novel.
        Set<String> problems = new LinkedHashSet<>();
        List<String> downloadable = new ArrayList<>();
        List<String> replaceable = new ArrayList<>();
        for (String dataset : catalogueOrder(union(missing, invalid.keySet()))) {
            String obstruction = obstruction(dataset);
            boolean present = invalid.containsKey(dataset);
            String prefix = present ? displayName(dataset) + " is invalid: " : "";
            if (obstruction != null) {
                problems.add(prefix + obstruction);
            } else if (present) {
                replaceable.add(dataset);
                problems.add(prefix + invalid.get(dataset));
            } else {
                downloadable.add(dataset);
                String expected = dataset.equals(CIFAR10)
                        ? "a folder " + Cifar10.FOLDER + " in " + folder()
                        : "pg" + dataset + "-<title>.txt in " + folder().resolve(Novels.FOLDER);
                problems.add(displayName(dataset) + " not found: expected " + expected);
            }
        }

        String message = String.join(". ", problems);
        if (downloadable.isEmpty() && replaceable.isEmpty()) {
            return new IllegalStateException(message);
        }
        return new IllegalStateException(message + ". " + fixHint(downloadable, replaceable));
    }

    /**
     * Returns what to do about the {@code missing} and {@code invalid} data sets, ending with
     * one download command for all of them, last and unquoted so that it can be pasted.
     */
    private String fixHint(List<String> missing, Collection<String> invalid) {
        List<String> fetched = catalogueOrder(union(missing, invalid));
        String them = fetched.size() == 1 ? "it" : "them";
        if (invalid.isEmpty()) {
            return "--offline forbids downloading " + them + ", so leave out --offline, name a"
                    + " folder that has " + them + " with --data or the "
                    + DataDirectory.ENVIRONMENT_VARIABLE + " environment variable, or run: "
                    + downloadCommand(fetched.toArray(String[]::new));
        }

        // --force replaces the invalid copies and downloads the missing data sets alike.
        List<String> arguments = new ArrayList<>(List.of("--force"));
        arguments.addAll(fetched);
        String action = missing.isEmpty() ? "replace " + them
                : "download the missing and replace the invalid data";
        return "To use valid copies, name a folder that has " + them + " with --data or the "
                + DataDirectory.ENVIRONMENT_VARIABLE + " environment variable; to " + action
                + ", run: " + downloadCommand(arguments.toArray(String[]::new));
    }

    /** Returns how errors name {@code dataset}, {@code cifar10} or an ebook number. */
    private static String displayName(String dataset) {
        if (dataset.equals(CIFAR10)) {
            return "CIFAR-10";
        }
        int ebook = Integer.parseInt(dataset);
        return Catalogue.novel(ebook).title() + " (Gutenberg ebook " + ebook + ")";
    }

    private static Set<String> union(Collection<String> first, Collection<String> second) {
        Set<String> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return union;
    }
}
