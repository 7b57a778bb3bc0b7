package io.neuralbytes.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text as vocabulary indices, with the count of tokens that fell on the unknown index.
 *
 * <p>Shape: T tokens, each an index in 0 to V - 1 where V is the vocabulary size.
 */
public final class EncodedText {

    private static final int REPORTED_UNKNOWNS = 5;

    private final String name;
    private final Vocabulary vocabulary;
    private final int[] indices;  // T
    private final long unknownCount;
    private final Map<String, Integer> unknownTokens;

    EncodedText(String name, Vocabulary vocabulary, int[] indices, UnknownCounter unknowns) {
        this.name = name;
        this.vocabulary = vocabulary;
        this.indices = indices;
        this.unknownCount = unknowns.total;
        this.unknownTokens = unknowns.sortedCounts();
    }

    /** Counts unknown tokens in first-occurrence order. */
    static final class UnknownCounter {
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private long total;

        void add(String token) {
            counts.computeIfAbsent(token, t -> new int[1])[0]++;
            total++;
        }

        Map<String, Integer> sortedCounts() {
            List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
            entries.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
            Map<String, Integer> sorted = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> entry : entries) {
                sorted.put(entry.getKey(), entry.getValue()[0]);
            }
            return Collections.unmodifiableMap(sorted);
        }
    }

    /** Returns the name of the text, for messages. */
    public String name() {
        return name;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the number of tokens T. */
    public int length() {
        return indices.length;
    }

    /** Returns the index at a position. */
    public int index(int position) {
        return indices[position];
    }

    /** Returns a copy of the T indices. */
    public int[] indices() {
        return indices.clone();
    }

    /** Returns the number of tokens that fell on the unknown index. */
    public long unknownCount() {
        return unknownCount;
    }

    /** Returns each distinct unknown token with its count, highest count first. */
    public Map<String, Integer> unknownTokens() {
        return unknownTokens;
    }

    /** Returns the share of tokens the vocabulary covers, 1 - unknown / T, in [0, 1]. */
    public double coverage() {
        return indices.length == 0 ? 1.0 : 1.0 - (double) unknownCount / indices.length;
    }

    /** Returns the decoded text; unknown tokens come back as the vocabulary's unknown marker. */
    public String decode() {
        return vocabulary.decode(indices);
    }

    /**
     * Returns a one-line report of size and coverage, naming the most frequent unknown tokens,
     * for example "pg103.txt: 66,375 tokens, 5,000 words + unknown (5,001 indices), covers
     * 89.64%; 6,874 unknown tokens of 6,874 distinct kinds mapped to index 5000, ...".
     */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s: %,d tokens, %s, covers %.2f%%", name, indices.length,
                vocabulary.describe(), 100 * coverage()));
        if (unknownCount > 0) {
            line.append(String.format(Locale.ROOT, "; %,d unknown tokens of %,d distinct kinds"
                    + " mapped to index %d, most frequent ", unknownCount, unknownTokens.size(),
                    vocabulary.unknownIndex()));
            int shown = 0;
            for (Map.Entry<String, Integer> entry : unknownTokens.entrySet()) {
                if (shown == REPORTED_UNKNOWNS) {
                    break;
                }
                line.append(shown == 0 ? "" : ", ").append(describeToken(entry.getKey()))
                        .append(" x").append(entry.getValue());
                shown++;
            }
        }
        return line.toString();
    }

    private String describeToken(String token) {
        if (vocabulary.kind() == Vocabulary.Kind.WORDS) {
            return "'" + token + "'";
        }
        return "'" + token + "' U+" + CharVocabulary.hex(token.codePointAt(0));
    }

    /**
     * Checks that the text is long enough for one training window: {@code sequenceLength}
     * inputs and their targets, the same tokens shifted by one, so {@code sequenceLength + 1}
     * tokens.
     *
     * @throws IllegalArgumentException if {@code sequenceLength} is below 1 or the text is too
     *     short
     */
    public void requireWindow(int sequenceLength) {
        checkWindow(name, indices.length, sequenceLength);
    }

    static void checkWindow(String name, int tokens, int sequenceLength) {
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("invalid sequence length " + sequenceLength
                    + ": expected at least 1");
        }
        if (tokens < sequenceLength + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has %,d token%s, fewer than the %,d that one training window of"
                    + " sequence length %d needs (the inputs plus the target after the last)",
                    name, tokens, tokens == 1 ? "" : "s", sequenceLength + 1, sequenceLength));
        }
    }

    /**
     * Splits the tokens into a contiguous training part, the first
     * {@code round(trainFraction * T)} tokens, and a validation part, the rest.
     *
     * @param trainFraction in (0, 1]; 1 leaves the validation part empty
     * @throws IllegalArgumentException if the fraction is outside (0, 1] or leaves the
     *     training part empty, or leaves the validation part empty while below 1
     */
    public TextSplit split(double trainFraction) {
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException("invalid training fraction " + trainFraction
                    + ": expected a number in (0, 1]");
        }
        int trainLength = (int) Math.round(trainFraction * indices.length);
        if (trainLength == 0 || (trainFraction < 1 && trainLength == indices.length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "training fraction %s of the %,d tokens of %s leaves %s part empty",
                    trainFraction, indices.length, name,
                    trainLength == 0 ? "the training" : "the validation"));
        }
        return new TextSplit(name, java.util.Arrays.copyOfRange(indices, 0, trainLength),
                java.util.Arrays.copyOfRange(indices, trainLength, indices.length));
    }

    @Override
    public String toString() {
        return "EncodedText[" + name + ", " + indices.length + " tokens]";
    }
}
