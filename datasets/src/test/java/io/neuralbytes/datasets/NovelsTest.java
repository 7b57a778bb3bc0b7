package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding novels by ebook number and checking them against the catalogue. */
class NovelsTest {

    @TempDir
    Path dir;

    @Test
    void findsFileWhateverItsLetterCase() throws IOException {
        Path folder = Files.createDirectories(dir.resolve(Novels.FOLDER));
        Path upper = Files.writeString(folder.resolve("PG103-Around-The-World.TXT"), "x");
        Files.writeString(folder.resolve("pg1035-other.txt"), "x");
        Files.writeString(folder.resolve("pg10-other.txt"), "x");

        assertEquals(upper, Novels.find(dir, 103));
        assertEquals(upper, Novels.find(folder, 103));
    }

    @Test
    void presenceIgnoresOtherEbooks() throws IOException {
        Path folder = Files.createDirectories(dir.resolve(Novels.FOLDER));
        Files.writeString(folder.resolve("pg1035-other.txt"), "x");

        assertFalse(Novels.isPresent(dir, 103));

        Files.writeString(folder.resolve("PG103-Around.txt"), "x");
        assertTrue(Novels.isPresent(dir, 103));
        assertTrue(Novels.isPresent(folder, 103));
        assertFalse(Novels.isPresent(dir.resolve("absent"), 103));
    }

    @Test
    void findsBareEbookFileName() throws IOException {
        Path file = Files.writeString(dir.resolve("pg83.txt"), "x");

        assertEquals(file, Novels.find(dir, 83));
    }

    @Test
    void missingNovelNamesFolderAndPattern() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Novels.find(dir, 3809));

        assertEquals("novel not found: no file for Gutenberg ebook 3809 in "
                + dir.resolve(Novels.FOLDER) + " or " + dir + "; expected pg3809-<title>.txt (any letter case), which the downloader can"
                + " fetch", e.getMessage());
    }

    @Test
    void missingNovelInNovelsFolderNamesIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve(Novels.FOLDER));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Novels.find(dir, 83));

        assertTrue(e.getMessage().startsWith("novel not found: no file for Gutenberg ebook 83"
                + " in " + folder + "; expected pg83-<title>.txt"), e.getMessage());
    }

    @Test
    void twoFilesForOneEbookRejected() throws IOException {
        Files.writeString(dir.resolve("pg83-a.txt"), "x");
        Files.writeString(dir.resolve("PG83-b.txt"), "x");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Novels.find(dir, 83));

        assertTrue(e.getMessage().startsWith("more than one file for Gutenberg ebook 83 in "),
                e.getMessage());
    }

    @Test
    void catalogueFileNamePreferredAmongSeveral() throws IOException {
        Path backup = Files.writeString(dir.resolve("pg83-backup.txt"), "x");
        Path catalogue = Files.writeString(dir.resolve(Catalogue.novel(83).fileName()), "x");

        assertEquals(catalogue, Novels.find(dir, 83));

        Files.delete(catalogue);
        Files.writeString(dir.resolve("PG83-FROM-THE-EARTH-TO-THE-MOON.TXT"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Novels.find(dir, 83));
        assertTrue(e.getMessage().endsWith("; keep one, or name one"
                + " pg83-from-the-earth-to-the-moon.txt"), e.getMessage());
        assertTrue(Files.exists(backup));
    }

    @Test
    void catalogueHasEightNovels() {
        assertEquals(8, Catalogue.NOVELS.size());
        assertEquals("pg103-around-the-world-in-eighty-days.txt",
                Catalogue.novel(103).fileName());
        assertEquals("The Master of the World", Catalogue.novel(3809).title());
    }

    @Test
    void unknownEbookRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Catalogue.novel(42));

        assertEquals("Gutenberg ebook 42 is not in the catalogue; expected one of 103, 3809,"
                + " 1268, 83, 18857, 3526, 1353, 2488", e.getMessage());
    }

    @Test
    void changedCopyFailsVerification() throws IOException {
        Path file = Files.writeString(dir.resolve("pg103-x.txt"), "not the book");
        Novel novel = Catalogue.novel(103);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Novels.verify(file, novel));

        assertEquals("novel " + file + " (Gutenberg ebook 103) has SHA-256 "
                + Checksums.sha256(file) + ", expected " + novel.sha256()
                + ": it is not the copy this project was tested with", e.getMessage());
    }
}
