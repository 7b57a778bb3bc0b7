package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading vocabularies, and identical index maps across processes. */
class VocabularyFileTest {

    private static final List<String> FILE_NAMES =
            List.of("codes256.txt", "characters.txt", "words.txt");

    @TempDir
    Path dir;

    /** Saves the three kinds of vocabulary of a corpus into {@code out}, named as FILE_NAMES. */
    static void saveAll(TextCorpus corpus, Path out) throws IOException {
        CharVocabulary.codes256().save(out.resolve(FILE_NAMES.get(0)));
        CharVocabulary.ofText(corpus).save(out.resolve(FILE_NAMES.get(1)));
        WordVocabulary.mostFrequent(corpus, 50).save(out.resolve(FILE_NAMES.get(2)));
    }

    /** Writes seeded text with many equal word counts and characters beyond U+00FF. */
    private Path generatedText() throws IOException {
        Random random = new Random(42);
        String[] words = {"alpha", "beta", "gamma", "delta", "\u201Cquoted\u201D", "caf\u00E9",
            "x", "y", "z", "w", "\u00C9t\u00E9", "end."};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(words[random.nextInt(words.length)]).append(i);
            text.append(i % 17 == 0 ? "\n" : " ");
        }
        return Files.writeString(dir.resolve("generated.txt"), text);
    }

    @Test
    void wordVocabularyRoundTrip() throws IOException {
        TextCorpus corpus = TextCorpus.load(generatedText());
        WordVocabulary words = WordVocabulary.mostFrequent(corpus, 100);
        Path file = dir.resolve("results/vocabulary.txt");

        words.save(file);
        Vocabulary loaded = Vocabulary.load(file);

        assertEquals(words, loaded);
        assertEquals(101, loaded.size());
        assertEquals(100, loaded.unknownIndex());
        assertArrayEquals(words.encode(corpus).indices(), loaded.encode(corpus).indices());
        assertEquals(List.of(file), listFiles(file.getParent()));
    }

    @Test
    void characterVocabularyRoundTrip() throws IOException {
        CharVocabulary chars = CharVocabulary.ofText("t", "a\nb\u201C\uD83D\uDE00 \u00E9");
        Path file = dir.resolve("chars.txt");

        chars.save(file);
        Vocabulary loaded = Vocabulary.load(file);

        assertEquals(chars, loaded);
        assertEquals(Files.readString(file).lines().skip(4).toList(),
                List.of("U+000A", "U+0020", "U+0061", "U+0062", "U+00E9", "U+201C", "U+1F600"));
    }

    @Test
    void codes256RoundTrip() throws IOException {
        Path file = dir.resolve("codes.txt");

        CharVocabulary.codes256().save(file);

        assertSame(CharVocabulary.codes256(), Vocabulary.load(file));
        List<String> lines = Files.readString(file).lines().toList();
        assertEquals(4 + 257, lines.size());
        assertEquals("U+0000", lines.get(4));
        assertEquals("U+00FF", lines.get(259));
        assertEquals("<unk>", lines.get(260));
    }

    @Test
    void saveReplacesExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("vocabulary.txt"), "old");

        CharVocabulary.ofText("t", "ab").save(file);

        assertEquals(CharVocabulary.ofText("t", "ab"), Vocabulary.load(file));
        assertEquals(List.of(file), listFiles(dir));
    }

    @Test
    void damagedFileNamesLine() throws IOException {
        Path file = dir.resolve("vocabulary.txt");
        CharVocabulary.ofText("t", "abc").save(file);
        Files.writeString(file, Files.readString(file).replace("U+0062", "b"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.load(file));

        assertEquals("invalid vocabulary file " + file + ", line 6: expected a code point such"
                + " as U+0041, found 'b'", e.getMessage());
    }

    @Test
    void truncatedFileRejected() throws IOException {
        Path file = dir.resolve("vocabulary.txt");
        WordVocabulary.mostFrequent("t", List.of("a", "b", "c"), 3).save(file);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("<unk>")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.load(file));

        assertEquals("invalid vocabulary file " + file + ", line 5: expected 4 token lines"
                + " ending with a line feed, found 3", e.getMessage());
    }

    @Test
    void otherFileRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.load(file));

        assertEquals("invalid vocabulary file " + file + ", line 1: expected '"
                + VocabularyFile.HEADER + "', found 'hello'", e.getMessage());
    }

    @Test
    void twoProcessesBuildIdenticalMaps() throws Exception {
        Path text = generatedText();
        Path parentOutput = Files.createDirectory(dir.resolve("here"));
        Path childOutput = Files.createDirectory(dir.resolve("there"));
        saveAll(TextCorpus.load(text), parentOutput);

        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", classPath,
                VocabularyBuilderMain.class.getName(), text.toString(), childOutput.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish in 60 s");
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.log")));

        for (String name : FILE_NAMES) {
            assertArrayEquals(Files.readAllBytes(parentOutput.resolve(name)),
                    Files.readAllBytes(childOutput.resolve(name)), name);
        }
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.toList());
        }
    }

}
