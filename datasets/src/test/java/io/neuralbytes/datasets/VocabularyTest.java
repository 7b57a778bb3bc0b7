package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Character and word vocabularies: index maps, unknowns, coverage, windows and splits. */
class VocabularyTest {

    private static final TextCorpus.Options AS_IS = new TextCorpus.Options(false, false);

    @Test
    void codes256MapsCodePointsToThemselves() {
        CharVocabulary codes = CharVocabulary.codes256();

        assertEquals(257, codes.size());
        assertEquals(256, codes.unknownIndex());
        assertEquals(0, codes.indexOf(0));
        assertEquals('a', codes.indexOf('a'));
        assertEquals(255, codes.indexOf(0xFF));
        assertEquals(256, codes.indexOf(0x201C));
        assertEquals(256, codes.indexOf(0x1F600));
    }

    @Test
    void codes256CountsOutOfRangeCharacters() {
        String text = "\u201Chi\u201D \u00E9t\u00E9 \u201Cyo\u201D \uD83D\uDE00";

        EncodedText encoded = CharVocabulary.codes256().encode("quotes", text);

        assertEquals(text.codePointCount(0, text.length()), encoded.length());
        assertEquals(5, encoded.unknownCount());
        assertEquals(Map.of("\u201C", 2, "\u201D", 2, "\uD83D\uDE00", 1),
                encoded.unknownTokens());
        assertEquals(List.of("\u201C", "\u201D", "\uD83D\uDE00"),
                List.copyOf(encoded.unknownTokens().keySet()));
        assertEquals(1 - 5.0 / 15, encoded.coverage(), 1e-12);
        assertEquals(256, encoded.index(0));
        assertEquals(0xE9, encoded.index(5));
        assertTrue(encoded.summary().contains("5 unknown tokens of 3 distinct kinds mapped to"
                + " index 256, most frequent '\u201C' U+201C x2"), encoded.summary());
    }

    @Test
    void codes256RoundTripApartFromUnknowns() {
        String text = "caf\u00E9 \u201Cok\u201D\n";

        EncodedText encoded = CharVocabulary.codes256().encode("t", text);

        assertEquals("caf\u00E9 \uFFFDok\uFFFD\n", encoded.decode());
    }

    @Test
    void occurringCharactersInCodePointOrder() {
        CharVocabulary chars = CharVocabulary.ofText("t", "banana\n\u00E9");

        assertEquals(5, chars.size());
        assertEquals(-1, chars.unknownIndex());
        assertEquals("\n", chars.token(0));
        assertEquals("a", chars.token(1));
        assertEquals("b", chars.token(2));
        assertEquals("n", chars.token(3));
        assertEquals("\u00E9", chars.token(4));
    }

    @Test
    void occurringCharactersRoundTrip() {
        String text = "Ab\u201C\uD83D\uDE00\n z";
        CharVocabulary chars = CharVocabulary.ofText("t", text);

        EncodedText encoded = chars.encode("t", text);

        assertEquals(0, encoded.unknownCount());
        assertEquals(1.0, encoded.coverage(), 0.0);
        assertEquals(text, encoded.decode());
    }

    @Test
    void characterOutsideOccurringVocabularyRejected() {
        CharVocabulary chars = CharVocabulary.ofText("train", "abc");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chars.encode("validation", "abz"));

        assertEquals("character U+007A at char offset 2 of validation is not in the vocabulary"
                + " of 3 characters", e.getMessage());
    }

    @Test
    void singleCharacterVocabularyRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharVocabulary.ofText("aaa.txt", "aaaa"));

        assertEquals("corpus aaa.txt has 1 distinct characters; a vocabulary needs at least 2",
                e.getMessage());
    }

    @Test
    void wordsOrderedByCountThenFirstOccurrence() {
        String text = "b a c a b d c e a";

        WordVocabulary words = WordVocabulary.mostFrequent("t", TextCorpus.splitWords(text), 3);

        assertEquals(4, words.size());
        assertEquals(3, words.wordCount());
        assertEquals(List.of("a", "b", "c"), words.words());
        assertEquals(3, words.unknownIndex());
        assertEquals(Vocabulary.UNKNOWN_WORD, words.token(3));
    }

    @Test
    void wordTieBrokenByFirstOccurrence() {
        String text = "z y x w z y x w v";

        WordVocabulary words = WordVocabulary.mostFrequent("t", TextCorpus.splitWords(text), 2);

        assertEquals(List.of("z", "y"), words.words());
    }

    @Test
    void unknownWordsCountedAndCovered() {
        TextCorpus corpus = TextCorpus.fromString("t", "the cat, the dog\nthe end. cat,",
                AS_IS);
        WordVocabulary words = WordVocabulary.mostFrequent(corpus, 2);

        EncodedText encoded = words.encode(corpus);

        assertEquals(List.of("the", "cat,"), words.words());
        assertArrayEquals(new int[] {0, 1, 0, 2, 0, 2, 1}, encoded.indices());
        assertEquals(2, encoded.unknownCount());
        assertEquals(Map.of("dog", 1, "end.", 1), encoded.unknownTokens());
        assertEquals(5.0 / 7, encoded.coverage(), 1e-12);
        assertEquals("the cat, the <unk> the <unk> cat,", encoded.decode());
        assertTrue(encoded.summary().startsWith("t: 7 tokens, 2 words + unknown (3 indices),"
                + " covers 71.43%; 2 unknown tokens"), encoded.summary());
    }

    @Test
    void wordVocabularySmallerThanRequest() {
        WordVocabulary words = WordVocabulary.mostFrequent("t", List.of("a", "b", "a"), 5000);

        assertEquals(3, words.size());
        assertEquals(List.of("a", "b"), words.words());
    }

    @Test
    void wordVocabularySizeBelowTwoRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordVocabulary.mostFrequent("t", List.of("a", "b"), 1));

        assertEquals("invalid word vocabulary size 1: expected at least 2", e.getMessage());
    }

    @Test
    void singleDistinctWordRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordVocabulary.mostFrequent("same.txt", List.of("a", "a"), 10));

        assertEquals("corpus same.txt has 1 distinct words; a vocabulary needs at least 2",
                e.getMessage());
    }

    @Test
    void windowLongerThanTextRejected() {
        EncodedText encoded = CharVocabulary.codes256().encode("short.txt", "abcde");

        encoded.requireWindow(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoded.requireWindow(5));

        assertEquals("short.txt has 5 tokens, fewer than the 6 that one training window of"
                + " sequence length 5 needs (the inputs plus the target after the last)",
                e.getMessage());
    }

    @Test
    void oneTokenIsOneToken() {
        EncodedText encoded = CharVocabulary.codes256().encode("one.txt", "a");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoded.requireWindow(1));

        assertTrue(e.getMessage().startsWith("one.txt has 1 token, fewer than the 2"),
                e.getMessage());
    }

    @Test
    void invalidSequenceLengthRejected() {
        EncodedText encoded = CharVocabulary.codes256().encode("t", "abcde");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoded.requireWindow(0));

        assertEquals("invalid sequence length 0: expected at least 1", e.getMessage());
    }

    @Test
    void splitIsContiguous() {
        EncodedText encoded = CharVocabulary.codes256().encode("t", "abcdefghij");

        TextSplit split = encoded.split(0.7);

        assertArrayEquals(new int[] {'a', 'b', 'c', 'd', 'e', 'f', 'g'}, split.train());
        assertArrayEquals(new int[] {'h', 'i', 'j'}, split.validation());
        split.requireWindow(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> split.requireWindow(3));
        assertTrue(e.getMessage().startsWith("the validation part of t has 3 tokens"),
                e.getMessage());
    }

    @Test
    void splitOfOneKeepsEverything() {
        EncodedText encoded = CharVocabulary.codes256().encode("t", "abc");

        TextSplit split = encoded.split(1.0);

        assertEquals(3, split.trainLength());
        assertEquals(0, split.validationLength());
    }

    @Test
    void invalidSplitFractionsRejected() {
        EncodedText encoded = CharVocabulary.codes256().encode("t", "abc");

        for (double fraction : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> encoded.split(fraction));
            assertEquals("invalid training fraction " + fraction + ": expected a number in"
                    + " (0, 1]", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoded.split(0.9));
        assertEquals("training fraction 0.9 of the 3 tokens of t leaves the validation part"
                + " empty", e.getMessage());
    }
}
