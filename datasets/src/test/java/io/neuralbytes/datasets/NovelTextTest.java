package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Counts on the real novels against src/test/python/novel_reference.py, which reads them as
 * the Python original did ("kept": whole file lower-cased) and with the header and footer
 * removed ("stripped").
 */
class NovelTextTest {

    private static final String AROUND_THE_WORLD = "pg103-around-the-world-in-eighty-days.txt";
    private static final String MASTER_OF_THE_WORLD = "pg3809-the-master-of-the-world.txt";
    private static final TextCorpus.Options KEPT = TextCorpus.Options.defaults()
            .withStripGutenberg(false);

    @Test
    void charCountsMatchPythonWhenKept() throws IOException {
        TextCorpus corpus = TextCorpus.load(SharedData.novel(AROUND_THE_WORLD), KEPT);

        EncodedText codes = CharVocabulary.codes256().encode(corpus);

        assertEquals(388_460, codes.length());
        assertEquals(3_472, codes.unknownCount());
        assertEquals(1357, codes.unknownTokens().get("\u201C"));
        assertEquals(70, CharVocabulary.ofText(corpus).size());
    }

    @Test
    void charCountsMatchPythonWhenStripped() throws IOException {
        TextCorpus corpus = TextCorpus.load(SharedData.novel(AROUND_THE_WORLD));

        EncodedText codes = CharVocabulary.codes256().encode(corpus);

        assertTrue(corpus.hasGutenbergMarkers());
        assertEquals(369_193, codes.length());
        assertEquals(3_380, codes.unknownCount());
        assertEquals(63, CharVocabulary.ofText(corpus).size());
    }

    @Test
    void strippingKeepsWholeBook() throws IOException {
        TextCorpus corpus = TextCorpus.load(SharedData.novel(AROUND_THE_WORLD),
                TextCorpus.Options.defaults().withLowerCase(false));
        String text = corpus.text();

        assertTrue(text.startsWith("\n[Illustration]\n"), text.substring(0, 40));
        assertTrue(text.contains("Around the World in Eighty Days"));
        assertFalse(text.contains("*** START OF"));
        assertFalse(text.contains("*** END OF"));
        assertFalse(text.contains("Project Gutenberg License"));
        assertFalse(text.contains("Release date"));
    }

    @Test
    void wordVocabularyMatchesPythonWhenKept() throws IOException {
        TextCorpus corpus = TextCorpus.load(SharedData.novel(MASTER_OF_THE_WORLD), KEPT);

        WordVocabulary words = WordVocabulary.mostFrequent(corpus, 5000);
        EncodedText encoded = words.encode(corpus);

        assertEquals(45_995, encoded.length());
        assertEquals(2_885, encoded.unknownCount());
        assertEquals(5001, words.size());
        assertEquals("the", words.token(0));
        assertEquals("failed", words.token(4999));
        assertEquals("cd4730cd46a6fe6c82575a1fb8f83052b9b31539cfe3bbf379ec4ac1daf81128",
                sha256OfWords(words));
    }

    @Test
    void wordVocabularyMatchesPythonWhenStripped() throws IOException {
        TextCorpus corpus = TextCorpus.load(SharedData.novel(AROUND_THE_WORLD));

        WordVocabulary words = WordVocabulary.mostFrequent(corpus, 5000);
        EncodedText encoded = words.encode(corpus);

        assertEquals(63_334, encoded.length());
        assertEquals(6_406, encoded.unknownCount());
        assertEquals(1 - 6_406 / 63_334.0, encoded.coverage(), 1e-12);
        assertEquals("\u201Cdrawing", words.token(4999));
        assertEquals("e5b4c9493fd0b5fc34249772bc8e89656e28f92bf67e2c0b93f251fece377891",
                sha256OfWords(words));
    }

    @Test
    void charRoundTripOnNovel() throws IOException {
        TextCorpus corpus = TextCorpus.load(SharedData.novel(AROUND_THE_WORLD));
        CharVocabulary chars = CharVocabulary.ofText(corpus);

        assertEquals(corpus.text(), chars.encode(corpus).decode());
    }

    private static String sha256OfWords(WordVocabulary words) {
        String joined = String.join("\n", words.words());
        MessageDigest digest = Checksums.newDigest("SHA-256");
        return HexFormat.of().formatHex(digest.digest(joined.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sharedCopiesMatchCatalogue() throws IOException {
        Path folder = SharedData.folder();
        for (Novel novel : Catalogue.NOVELS) {
            Path file = Novels.find(folder, novel.ebook());
            assertEquals(novel.fileName(), file.getFileName().toString());
            assertTrue(Novels.matchesTestedCopy(file, novel), file.toString());
        }
    }
}
