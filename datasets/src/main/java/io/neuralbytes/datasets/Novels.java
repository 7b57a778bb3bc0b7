package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and checks the novel files, named {@code pg<ebook>-<slug>.txt} or
 * {@code pg<ebook>.txt}.
 *
 * <p>File names are matched whatever their letter case, so {@code PG103-Around.txt} is
 * found for ebook 103 on every file system. (The Python original named its files in a
 * letter case that differed from the files on disk, which only worked where file names
 * ignore case.)
 */
public final class Novels {

    /** Name of the novels folder inside a data folder. */
    public static final String FOLDER = "jules-verne";

    private static final Logger LOG = LoggerFactory.getLogger(Novels.class);

    private Novels() {
    }

    /**
     * Finds the file of a novel by its Gutenberg ebook number. When more than one file
     * matches and one of them has the catalogue's exact file name ({@link Novel#fileName()}),
     * which is where downloads put the novel, that file is used and the others are ignored.
     *
     * @param directory a data folder containing {@value #FOLDER}, or the novels folder itself
     * @throws IllegalArgumentException if no file matches, or more than one does and none has
     *     the catalogue's file name
     */
    public static Path find(Path directory, int ebook) throws IOException {
        Path folder = folder(directory);
        List<Path> matches = matches(folder, ebook);
        if (matches.isEmpty()) {
            String searched = folder.equals(directory)
                    ? directory.resolve(FOLDER) + " or " + directory : folder.toString();
            throw new IllegalArgumentException("novel not found: no file for Gutenberg ebook "
                    + ebook + " in " + searched + "; expected pg" + ebook + "-<title>.txt"
                    + " (any letter case), which the downloader can fetch");
        }
        if (matches.size() > 1) {
            Path catalogueFile = catalogueFile(matches, ebook);
            if (catalogueFile != null) {
                LOG.debug("using {}, the catalogue's file name, of the files for ebook {}: {}",
                        catalogueFile, ebook, matches);
                return catalogueFile;
            }
            throw new IllegalArgumentException("more than one file for Gutenberg ebook " + ebook
                    + " in " + folder + ": " + matches + "; keep one, or name one "
                    + catalogueFileName(ebook));
        }
        return matches.get(0);
    }

    /** Returns the file of {@code matches} named exactly as the catalogue names it, or null. */
    private static Path catalogueFile(List<Path> matches, int ebook) {
        String name = catalogueFileName(ebook);
        for (Path file : matches) {
            if (file.getFileName().toString().equals(name)) {
                return file;
            }
        }
        return null;
    }

    /** Returns the catalogue's file name for the ebook, or pg<ebook>-<title>.txt if unknown. */
    private static String catalogueFileName(int ebook) {
        for (Novel novel : Catalogue.NOVELS) {
            if (novel.ebook() == ebook) {
                return novel.fileName();
            }
        }
        return "pg" + ebook + "-<title>.txt";
    }

    /**
     * Returns whether {@code directory}, or its {@value #FOLDER} subfolder, has at least one
     * file named for the ebook.
     */
    public static boolean isPresent(Path directory, int ebook) throws IOException {
        return !matches(folder(directory), ebook).isEmpty();
    }

    /** Returns the novels folder: {@code directory/jules-verne} when present, else directory. */
    static Path folder(Path directory) {
        Path nested = directory.resolve(FOLDER);
        return Files.isDirectory(nested) ? nested : directory;
    }

    /** Returns every file in {@code folder} named for the ebook, sorted, or none when there is no folder. */
    static List<Path> matches(Path folder, int ebook) throws IOException {
        if (ebook < 1) {
            throw new IllegalArgumentException("invalid Gutenberg ebook number " + ebook
                    + ": expected a positive number");
        }
        List<Path> matches = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return matches;
        }
        String prefix = "pg" + ebook + "-";
        String bare = "pg" + ebook + ".txt";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean named = name.equals(bare)
                        || (name.startsWith(prefix) && name.endsWith(".txt"));
                if (named && Files.isRegularFile(file)) {
                    matches.add(file);
                }
            }
        }
        matches.sort(null);
        return matches;
    }

    /** Returns whether a file has the SHA-256 of the catalogue's tested copy. */
    public static boolean matchesTestedCopy(Path file, Novel novel) throws IOException {
        return Checksums.sha256(file).equals(novel.sha256());
    }

    /**
     * Checks a file against the SHA-256 of the catalogue's tested copy.
     *
     * @throws IllegalArgumentException on a mismatch, naming both digests
     */
    public static void verify(Path file, Novel novel) throws IOException {
        String actual = Checksums.sha256(file);
        if (!actual.equals(novel.sha256())) {
            throw new IllegalArgumentException("novel " + file + " (Gutenberg ebook "
                    + novel.ebook() + ") has SHA-256 " + actual + ", expected " + novel.sha256()
                    + ": it is not the copy this project was tested with");
        }
    }
}
