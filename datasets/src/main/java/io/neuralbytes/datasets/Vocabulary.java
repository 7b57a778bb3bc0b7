package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fixed map between tokens and indices 0 to {@code size() - 1}, the rows of a model's
 * one-hot input and softmax output.
 *
 * <p>Index maps depend only on the text a vocabulary is built from, never on hash order, so
 * two processes that build from the same text get the same map; {@link #save} and
 * {@link #load} keep it beside a run's results.
 */
public sealed interface Vocabulary permits CharVocabulary, WordVocabulary {

    /** Token shown for the unknown index when decoding a word vocabulary. */
    String UNKNOWN_WORD = "<unk>";

    /** The three kinds of vocabulary, named as in the saved file. */
    enum Kind {
        /** Code points 0-255 at their own index, and one unknown index 256. */
        CODES_256("codes256"),
        /** The characters that occur in a text, in code-point order, no unknown index. */
        CHARACTERS("characters"),
        /** The K most frequent words, then one unknown index K. */
        WORDS("words");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** Returns the name used in the saved file. */
        public String fileName() {
            return fileName;
        }
    }

    Kind kind();

    /** Returns the number of indices, the unknown index included. */
    int size();

    /** Returns the index that tokens outside the vocabulary map to, or -1 when there is none. */
    int unknownIndex();

    /** Returns the token at an index as text: the character, the word, or a marker for unknown. */
    String token(int index);

    /**
     * Encodes a text, counting the tokens that fall on the unknown index.
     *
     * @param name names the text in messages and reports
     * @throws IllegalArgumentException if the text has a token outside a vocabulary without an
     *     unknown index
     */
    EncodedText encode(String name, String text);

    /** Encodes the text of a corpus. */
    default EncodedText encode(TextCorpus corpus) {
        return encode(corpus.name(), corpus.text());
    }

    /** Decodes {@code indices[from .. to)}: characters concatenated, words joined by spaces. */
    String decode(int[] indices, int from, int to);

    /** Decodes every index of {@code indices}. */
    default String decode(int[] indices) {
        return decode(indices, 0, indices.length);
    }

    /** Returns a one-line description, for example "5,000 words + unknown (5,001 indices)". */
    String describe();

    /** Writes the vocabulary to a UTF-8 text file, atomically: see {@link VocabularyFile}. */
    default void save(Path file) throws IOException {
        VocabularyFile.save(this, file);
    }

    /** Reads a vocabulary written by {@link #save}. */
    static Vocabulary load(Path file) throws IOException {
        return VocabularyFile.load(file);
    }

    /** Throws unless {@code index} is a valid index of a vocabulary of {@code size} indices. */
    static int checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("vocabulary index " + index
                    + " is outside 0 to " + (size - 1));
        }
        return index;
    }
}
