package io.neuralbytes.datasets;

import java.util.Arrays;
import java.util.Locale;

/**
 * A vocabulary of characters (Unicode code points).
 *
 * <ul>
 *   <li>{@link #codes256()}: the Python original's 256 codes. Code points 0-255 map to their
 *       own value; every other code point maps to the unknown index 256, so the vocabulary
 *       has 257 indices. The original mapped those to 0, the NUL character, without a word;
 *       here they are counted and {@link EncodedText#summary() reported}.
 *   <li>{@link #ofText(String, String)}: the code points that occur in a text, in ascending
 *       order, with no unknown index; encoding a character outside it is an error.
 * </ul>
 */
public final class CharVocabulary implements Vocabulary {

    /** Number of character codes in the original's vocabulary. */
    public static final int CODE_COUNT = 256;

    /** Code point that decoding writes for the unknown index: U+FFFD REPLACEMENT CHARACTER. */
    public static final int UNKNOWN_CODE_POINT = 0xFFFD;

    private static final CharVocabulary CODES_256 = new CharVocabulary(Kind.CODES_256,
            identityCodes(), CODE_COUNT);

    private final Kind kind;
    private final int[] codePoints;  // index -> code point, ascending, unknown index excluded
    private final int unknownIndex;

    private CharVocabulary(Kind kind, int[] codePoints, int unknownIndex) {
        this.kind = kind;
        this.codePoints = codePoints;
        this.unknownIndex = unknownIndex;
    }

    private static int[] identityCodes() {
        int[] codes = new int[CODE_COUNT];
        for (int c = 0; c < CODE_COUNT; c++) {
            codes[c] = c;
        }
        return codes;
    }

    /** Returns the 256-code vocabulary with unknown index 256. */
    public static CharVocabulary codes256() {
        return CODES_256;
    }

    /** Returns the vocabulary of the characters that occur in a corpus. */
    public static CharVocabulary ofText(TextCorpus corpus) {
        return ofText(corpus.name(), corpus.text());
    }

    /**
     * Returns the vocabulary of the characters that occur in a text, in code-point order.
     *
     * @throws IllegalArgumentException if fewer than 2 distinct characters occur
     */
    public static CharVocabulary ofText(String name, String text) {
        int[] distinct = text.codePoints().distinct().sorted().toArray();
        if (distinct.length < 2) {
            throw new IllegalArgumentException("corpus " + name + " has " + distinct.length
                    + " distinct characters; a vocabulary needs at least 2");
        }
        return new CharVocabulary(Kind.CHARACTERS, distinct, -1);
    }

    /** Rebuilds a vocabulary of characters from its code points in index order. */
    static CharVocabulary ofCodePoints(int[] codePoints) {
        for (int i = 1; i < codePoints.length; i++) {
            if (codePoints[i] <= codePoints[i - 1]) {
                throw new IllegalArgumentException("character vocabulary code points must be"
                        + " strictly ascending, but index " + i + " is U+"
                        + hex(codePoints[i]) + " after U+" + hex(codePoints[i - 1]));
            }
        }
        if (codePoints.length < 2) {
            throw new IllegalArgumentException("character vocabulary has " + codePoints.length
                    + " characters; a vocabulary needs at least 2");
        }
        return new CharVocabulary(Kind.CHARACTERS, codePoints.clone(), -1);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public int size() {
        return unknownIndex >= 0 ? codePoints.length + 1 : codePoints.length;
    }

    @Override
    public int unknownIndex() {
        return unknownIndex;
    }

    /** Returns the index of a code point: its own index, else the unknown index, else -1. */
    public int indexOf(int codePoint) {
        if (kind == Kind.CODES_256) {
            return codePoint >= 0 && codePoint < CODE_COUNT ? codePoint : unknownIndex;
        }
        int index = Arrays.binarySearch(codePoints, codePoint);
        return index >= 0 ? index : unknownIndex;
    }

    /** Returns the code point at an index; {@link #UNKNOWN_CODE_POINT} for the unknown index. */
    public int codePoint(int index) {
        Vocabulary.checkIndex(index, size());
        return index == unknownIndex ? UNKNOWN_CODE_POINT : codePoints[index];
    }

    @Override
    public String token(int index) {
        return Character.toString(codePoint(index));
    }

    @Override
    public EncodedText encode(String name, String text) {
        int[] indices = new int[text.codePointCount(0, text.length())];
        EncodedText.UnknownCounter unknowns = new EncodedText.UnknownCounter();
        int position = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int index = indexOf(codePoint);
            if (index < 0) {
                throw new IllegalArgumentException("character U+" + hex(codePoint) + " at char"
                        + " offset " + i + " of " + name + " is not in the vocabulary of "
                        + codePoints.length + " characters");
            }
            if (index == unknownIndex) {
                unknowns.add(Character.toString(codePoint));
            }
            indices[position++] = index;
            i += Character.charCount(codePoint);
        }
        return new EncodedText(name, this, indices, unknowns);
    }

    @Override
    public String decode(int[] indices, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int p = from; p < to; p++) {
            text.appendCodePoint(codePoint(indices[p]));
        }
        return text.toString();
    }

    @Override
    public String describe() {
        if (kind == Kind.CODES_256) {
            return "256 character codes + unknown (257 indices)";
        }
        return String.format(Locale.ROOT, "%,d distinct characters", codePoints.length);
    }

    /** Returns the code points in index order, unknown index excluded. */
    int[] codePoints() {
        return codePoints.clone();
    }

    static String hex(int codePoint) {
        return String.format(Locale.ROOT, "%04X", codePoint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CharVocabulary that && kind == that.kind
                && unknownIndex == that.unknownIndex
                && Arrays.equals(codePoints, that.codePoints);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(codePoints);
    }

    @Override
    public String toString() {
        return "CharVocabulary[" + describe() + "]";
    }
}
