package io.neuralbytes.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A vocabulary of the K most frequent whitespace-separated words, then one unknown index K.
 *
 * <p>Words are ordered by count, highest first; words with equal counts keep the order of
 * their first occurrence in the text. (Python's {@code Counter.most_common} orders ties the
 * same way.) Index 0 is the most frequent word, as in the original, but a word outside the
 * vocabulary maps to the unknown index K instead of to index 0.
 */
public final class WordVocabulary implements Vocabulary {

    private final List<String> words;          // index -> word, unknown index excluded
    private final Map<String, Integer> index;  // word -> index

    private WordVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (index.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("word vocabulary lists '" + words.get(i)
                        + "' twice, the second time at index " + i);
            }
        }
    }

    /** Returns the vocabulary of the {@code maxWords} most frequent words of a corpus. */
    public static WordVocabulary mostFrequent(TextCorpus corpus, int maxWords) {
        return mostFrequent(corpus.name(), corpus.words(), maxWords);
    }

    /**
     * Returns the vocabulary of the {@code maxWords} most frequent words, or of every distinct
     * word when there are fewer.
     *
     * @param name names the text in messages
     * @throws IllegalArgumentException if {@code maxWords} is below 2 or fewer than 2 distinct
     *     words occur
     */
    public static WordVocabulary mostFrequent(String name, List<String> words, int maxWords) {
        if (maxWords < 2) {
            throw new IllegalArgumentException("invalid word vocabulary size " + maxWords
                    + ": expected at least 2");
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String word : words) {
            counts.computeIfAbsent(word, w -> new int[1])[0]++;
        }
        if (counts.size() < 2) {
            throw new IllegalArgumentException("corpus " + name + " has " + counts.size()
                    + " distinct words; a vocabulary needs at least 2");
        }
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        // List.sort is stable, so equal counts keep first-occurrence order.
        entries.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(maxWords, entries.size()); i++) {
            kept.add(entries.get(i).getKey());
        }
        return new WordVocabulary(kept);
    }

    /** Rebuilds a vocabulary from its words in index order. */
    static WordVocabulary ofWords(List<String> words) {
        if (words.size() < 2) {
            throw new IllegalArgumentException("word vocabulary has " + words.size()
                    + " words; a vocabulary needs at least 2");
        }
        return new WordVocabulary(words);
    }

    @Override
    public Kind kind() {
        return Kind.WORDS;
    }

    @Override
    public int size() {
        return words.size() + 1;
    }

    /** Returns the number of known words K, the unknown index excluded. */
    public int wordCount() {
        return words.size();
    }

    @Override
    public int unknownIndex() {
        return words.size();
    }

    /** Returns the index of a word, or the unknown index. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i != null ? i : words.size();
    }

    @Override
    public String token(int index) {
        Vocabulary.checkIndex(index, size());
        return index == words.size() ? UNKNOWN_WORD : words.get(index);
    }

    /** Encodes the whitespace-separated words of a text, as {@link TextCorpus#words()} splits. */
    @Override
    public EncodedText encode(String name, String text) {
        return encode(name, TextCorpus.splitWords(text));
    }

    /** Encodes words already split. */
    public EncodedText encode(String name, List<String> tokens) {
        int[] indices = new int[tokens.size()];
        EncodedText.UnknownCounter unknowns = new EncodedText.UnknownCounter();
        for (int p = 0; p < indices.length; p++) {
            String word = tokens.get(p);
            indices[p] = indexOf(word);
            if (indices[p] == words.size()) {
                unknowns.add(word);
            }
        }
        return new EncodedText(name, this, indices, unknowns);
    }

    @Override
    public String decode(int[] indices, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int p = from; p < to; p++) {
            if (p > from) {
                text.append(' ');
            }
            text.append(token(indices[p]));
        }
        return text.toString();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%,d words + unknown (%,d indices)", words.size(),
                size());
    }

    /** Returns the words in index order, unknown index excluded. */
    List<String> words() {
        return words;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WordVocabulary that && words.equals(that.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "WordVocabulary[" + describe() + "]";
    }
}
