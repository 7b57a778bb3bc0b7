package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved form of a vocabulary: UTF-8 text, LF line ends, four header lines, then one line
 * per index in index order.
 *
 * <pre>
 * # NeuralBytes vocabulary, format 1
 * kind=words            (codes256, characters or words)
 * size=5001             (indices, the unknown index included)
 * unknown=5000          (-1 when there is none)
 * the                   (a word, or a character as U+0074)
 * ...
 * &lt;unk&gt;                 (the line of the unknown index)
 * </pre>
 *
 * Words never contain whitespace, so a word always fits on one line. Characters are written
 * as code points because a character vocabulary can include the line feed itself.
 */
final class VocabularyFile {

    static final String HEADER = "# NeuralBytes vocabulary, format 1";

    private VocabularyFile() {
    }

    static void save(Vocabulary vocabulary, Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("kind=").append(vocabulary.kind().fileName()).append('\n');
        text.append("size=").append(vocabulary.size()).append('\n');
        text.append("unknown=").append(vocabulary.unknownIndex()).append('\n');
        for (int i = 0; i < vocabulary.size(); i++) {
            text.append(tokenLine(vocabulary, i)).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    private static String tokenLine(Vocabulary vocabulary, int i) {
        if (i == vocabulary.unknownIndex()) {
            return Vocabulary.UNKNOWN_WORD;
        }
        if (vocabulary instanceof CharVocabulary chars) {
            return "U+" + CharVocabulary.hex(chars.codePoint(i));
        }
        return vocabulary.token(i);
    }

    static Vocabulary load(Path file) throws IOException {
        String text;
        try {
            text = TextCorpus.decodeUtf8(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("vocabulary file not found: " + file);
        }
        String[] lines = text.split("\n", -1);
        Parser parser = new Parser(file, lines);
        parser.expectLine(1, HEADER);
        String kindName = parser.value(2, "kind");
        int size = parser.intValue(3, "size");
        int unknown = parser.intValue(4, "unknown");
        int tokenLines = lines.length - 5;  // the text ends with a line feed
        if (tokenLines != size || !lines[lines.length - 1].isEmpty()) {
            throw parser.error(5, "expected " + size + " token lines ending with a line feed,"
                    + " found " + Math.max(tokenLines, 0));
        }
        if (kindName.equals(Vocabulary.Kind.WORDS.fileName())) {
            return loadWords(parser, lines, size, unknown);
        }
        if (kindName.equals(Vocabulary.Kind.CODES_256.fileName())) {
            CharVocabulary codes = CharVocabulary.codes256();
            checkSame(parser, lines, codes, unknown);
            return codes;
        }
        if (kindName.equals(Vocabulary.Kind.CHARACTERS.fileName())) {
            return loadCharacters(parser, lines, size, unknown);
        }
        throw parser.error(2, "expected kind=codes256, kind=characters or kind=words, found '"
                + lines[1] + "'");
    }

    private static WordVocabulary loadWords(Parser parser, String[] lines, int size,
            int unknown) {
        if (unknown != size - 1) {
            throw parser.error(4, "a word vocabulary has its unknown index last, " + (size - 1)
                    + ", found " + unknown);
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < size - 1; i++) {
            String word = lines[4 + i];
            if (word.isEmpty() || !TextCorpus.splitWords(word).equals(List.of(word))) {
                throw parser.error(5 + i, "expected one word without whitespace, found '"
                        + word + "'");
            }
            words.add(word);
        }
        parser.expectLine(4 + size, Vocabulary.UNKNOWN_WORD);
        return WordVocabulary.ofWords(words);
    }

    private static CharVocabulary loadCharacters(Parser parser, String[] lines, int size,
            int unknown) {
        if (unknown != -1) {
            throw parser.error(4, "a characters vocabulary has no unknown index, so expected"
                    + " unknown=-1, found " + unknown);
        }
        int[] codePoints = new int[size];
        for (int i = 0; i < size; i++) {
            codePoints[i] = parser.codePoint(5 + i);
        }
        try {
            return CharVocabulary.ofCodePoints(codePoints);
        } catch (IllegalArgumentException e) {
            throw parser.error(5, e.getMessage());
        }
    }

    private static void checkSame(Parser parser, String[] lines, Vocabulary expected,
            int unknown) {
        if (lines.length - 5 != expected.size() || unknown != expected.unknownIndex()) {
            throw parser.error(3, "the " + expected.kind().fileName() + " vocabulary has size="
                    + expected.size() + " and unknown=" + expected.unknownIndex());
        }
        for (int i = 0; i < expected.size(); i++) {
            parser.expectLine(5 + i, tokenLine(expected, i));
        }
    }

    /** Reads numbered lines, reporting errors with the file and line number. */
    private static final class Parser {
        private final Path file;
        private final String[] lines;

        Parser(Path file, String[] lines) {
            this.file = file;
            this.lines = lines;
        }

        IllegalArgumentException error(int lineNumber, String problem) {
            return new IllegalArgumentException("invalid vocabulary file " + file + ", line "
                    + lineNumber + ": " + problem);
        }

        String line(int lineNumber) {
            if (lineNumber > lines.length) {
                throw error(lineNumber, "the file ends early, after " + lines.length
                        + " lines");
            }
            return lines[lineNumber - 1];
        }

        void expectLine(int lineNumber, String expected) {
            String found = line(lineNumber);
            if (!found.equals(expected)) {
                throw error(lineNumber, "expected '" + expected + "', found '" + found + "'");
            }
        }

        String value(int lineNumber, String key) {
            String found = line(lineNumber);
            if (!found.startsWith(key + "=")) {
                throw error(lineNumber, "expected '" + key + "=...', found '" + found + "'");
            }
            return found.substring(key.length() + 1);
        }

        int intValue(int lineNumber, String key) {
            String value = value(lineNumber, key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(lineNumber, "expected an integer after '" + key + "=', found '"
                        + value + "'");
            }
        }

        int codePoint(int lineNumber) {
            String found = line(lineNumber);
            if (found.startsWith("U+") && found.length() >= 6 && found.length() <= 8) {
                try {
                    int codePoint = Integer.parseInt(found.substring(2), 16);
                    if (Character.isValidCodePoint(codePoint)) {
                        return codePoint;
                    }
                } catch (NumberFormatException e) {
                    // Reported below with the line.
                }
            }
            throw error(lineNumber, "expected a code point such as U+0041, found '" + found
                    + "'");
        }
    }
}
