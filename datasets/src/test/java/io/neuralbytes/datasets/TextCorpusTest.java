package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and preparing text: encoding, line ends, Gutenberg markers, words and errors. */
class TextCorpusTest {

    private static final String BOOK = "The Project Gutenberg eBook of Tests\n"
            + "Licence text before.\n"
            + "*** START OF THE PROJECT GUTENBERG EBOOK TESTS ***\n"
            + "Chapter One\n"
            + "It was Dark.\n"
            + "*** END OF THE PROJECT GUTENBERG EBOOK TESTS ***\n"
            + "Licence text after.\n";

    private static final TextCorpus.Options KEEP_CASE =
            TextCorpus.Options.defaults().withLowerCase(false);

    @TempDir
    Path dir;

    @Test
    void defaultsStripAndLowerCase() {
        assertTrue(TextCorpus.Options.defaults().lowerCase());
        assertTrue(TextCorpus.Options.defaults().stripGutenberg());

        TextCorpus corpus = TextCorpus.fromString("book", BOOK, TextCorpus.Options.defaults());

        assertEquals("chapter one\nit was dark.\n", corpus.text());
        assertTrue(corpus.hasGutenbergMarkers());
    }

    @Test
    void headerAndFooterKeptOnRequest() {
        TextCorpus.Options keep = new TextCorpus.Options(false, false);

        TextCorpus corpus = TextCorpus.fromString("book", BOOK, keep);

        assertEquals(BOOK, corpus.text());
        assertTrue(corpus.hasGutenbergMarkers());
    }

    @Test
    void textWithoutMarkersKeptWhole() {
        TextCorpus corpus = TextCorpus.fromString("plain", "Just Text\n", KEEP_CASE);

        assertEquals("Just Text\n", corpus.text());
        assertFalse(corpus.hasGutenbergMarkers());
    }

    @Test
    void olderMarkerWordingRecognised() {
        String text = "header\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\nbody\n"
                + "***END OF THIS PROJECT GUTENBERG EBOOK X***\nfooter\n";

        assertEquals("body\n", TextCorpus.fromString("old", text, KEEP_CASE).text());
    }

    @Test
    void missingEndKeepsTextAfterStart() {
        String text = "header\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\nbody\n";

        TextCorpus corpus = TextCorpus.fromString("half", text, KEEP_CASE);

        assertEquals("body\n", corpus.text());
        assertFalse(corpus.hasGutenbergMarkers());
    }

    @Test
    void byteOrderMarkDropped() throws IOException {
        Path file = Files.write(dir.resolve("bom.txt"),
                ("\uFEFF" + "Hello").getBytes(StandardCharsets.UTF_8));

        assertEquals("Hello", TextCorpus.load(file, KEEP_CASE).text());
    }

    @Test
    void crlfCopyGivesSameTokens() throws IOException {
        Path lf = Files.writeString(dir.resolve("lf.txt"), BOOK);
        Path crlf = Files.writeString(dir.resolve("crlf.txt"), BOOK.replace("\n", "\r\n"));

        TextCorpus fromLf = TextCorpus.load(lf);
        TextCorpus fromCrlf = TextCorpus.load(crlf);

        assertEquals(fromLf.text(), fromCrlf.text());
        CharVocabulary chars = CharVocabulary.ofText(fromLf);
        assertEquals(chars, CharVocabulary.ofText(fromCrlf));
        assertArrayEquals(chars.encode(fromLf).indices(), chars.encode(fromCrlf).indices());
        assertEquals(fromLf.words(), fromCrlf.words());
    }

    @Test
    void wordsSplitOnPythonWhitespace() {
        String text = "  a\u00A0b\tc\u2003d\u0085e \n f\u3000g,  ";

        List<String> words = TextCorpus.fromString("w", text, KEEP_CASE).words();

        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g,"), words);
    }

    @Test
    void lowerCasingIsOptional() {
        TextCorpus lower = TextCorpus.fromString("t", "ÀB c", TextCorpus.Options.defaults());
        TextCorpus kept = TextCorpus.fromString("t", "ÀB c", KEEP_CASE);

        assertEquals("àb c", lower.text());
        assertEquals("ÀB c", kept.text());
    }

    @Test
    void invalidUtf8NamesFileAndOffset() throws IOException {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xC3, (byte) 0xA9, 'd', (byte) 0xFF, 'e'};
        Path file = Files.write(dir.resolve("latin1.txt"), bytes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextCorpus.load(file));

        assertEquals(file + " is not valid UTF-8: invalid byte 0xFF at byte offset 6",
                e.getMessage());
    }

    @Test
    void truncatedUtf8AtEndRejected() throws IOException {
        byte[] bytes = {'a', 'b', (byte) 0xE2, (byte) 0x80};
        Path file = Files.write(dir.resolve("cut.txt"), bytes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextCorpus.load(file));

        assertEquals(file + " is not valid UTF-8: invalid byte 0xE2 at byte offset 2",
                e.getMessage());
    }

    @Test
    void emptyFileRejected() throws IOException {
        Path file = Files.write(dir.resolve("empty.txt"), new byte[0]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextCorpus.load(file));

        assertEquals("corpus " + file + " is empty (0 bytes)", e.getMessage());
    }

    @Test
    void emptyBookAfterStrippingRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("nobody.txt"),
                "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n"
                + "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextCorpus.load(file));

        assertEquals("corpus " + file + " is empty after removing the Project Gutenberg header"
                + " and footer", e.getMessage());
    }

    @Test
    void missingFileRejected() {
        Path file = dir.resolve("absent.txt");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextCorpus.load(file));

        assertEquals("text file not found: " + file, e.getMessage());
    }
}
