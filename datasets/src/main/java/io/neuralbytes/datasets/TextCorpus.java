package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text read for training: UTF-8 decoded strictly, a leading byte-order mark dropped, CRLF
 * line ends read as LF, the Project Gutenberg header and footer removed and the text
 * lower-cased, the last two as {@link Options} set.
 *
 * <pre>{@code
 * TextCorpus corpus = TextCorpus.load(Novels.find(dataFolder, 103), TextCorpus.Options.defaults());
 * EncodedText tokens = CharVocabulary.codes256().encode(corpus);
 * }</pre>
 */
public final class TextCorpus {

    private static final Logger LOG = LoggerFactory.getLogger(TextCorpus.class);

    private final String name;
    private final String text;
    private final Options options;
    private final GutenbergText.Markers markers;

    /**
     * Settings for preparing a text.
     *
     * @param lowerCase lower-case the text with {@link Locale#ROOT} rules, as the Python
     *     original did with {@code str.lower()}
     * @param stripGutenberg keep only the text between the Project Gutenberg START and END
     *     lines; the original trained on the whole file, licence included
     */
    public record Options(boolean lowerCase, boolean stripGutenberg) {

        /** Returns the defaults: lower-cased as the original, Gutenberg header and footer removed. */
        public static Options defaults() {
            return new Options(true, true);
        }

        /** Returns these options with lower-casing turned on or off. */
        public Options withLowerCase(boolean lower) {
            return new Options(lower, stripGutenberg);
        }

        /** Returns these options with header and footer removal turned on or off. */
        public Options withStripGutenberg(boolean strip) {
            return new Options(lowerCase, strip);
        }
    }

    private TextCorpus(String name, String text, Options options, GutenbergText.Markers markers) {
        this.name = name;
        this.text = text;
        this.options = options;
        this.markers = markers;
    }

    /** Loads a UTF-8 file with the {@link Options#defaults() default options}. */
    public static TextCorpus load(Path file) throws IOException {
        return load(file, Options.defaults());
    }

    /**
     * Loads a UTF-8 text file.
     *
     * @throws IllegalArgumentException if the file is missing, is not valid UTF-8 (the message
     *     gives the byte offset), or is empty before or after header and footer removal
     */
    public static TextCorpus load(Path file, Options options) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("text file not found: " + file);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("corpus " + file + " is empty (0 bytes)");
        }
        return fromString(file.toString(), decodeUtf8(bytes, file.toString()), options);
    }

    /**
     * Prepares a text already in memory as {@link #load(Path, Options)} prepares a file.
     *
     * @param name names the text in messages, for example its file
     */
    public static TextCorpus fromString(String name, String text, Options options) {
        String prepared = text;
        if (prepared.startsWith("\uFEFF")) {
            prepared = prepared.substring(1);
        }
        prepared = prepared.replace("\r\n", "\n");
        GutenbergText.Markers markers = GutenbergText.find(prepared);
        if (options.stripGutenberg()) {
            prepared = strip(name, prepared, markers);
        }
        if (options.lowerCase()) {
            prepared = prepared.toLowerCase(Locale.ROOT);
        }
        if (prepared.isEmpty()) {
            String after = options.stripGutenberg()
                    ? " after removing the Project Gutenberg header and footer" : "";
            throw new IllegalArgumentException("corpus " + name + " is empty" + after);
        }
        return new TextCorpus(name, prepared, options, markers);
    }

    private static String strip(String name, String text, GutenbergText.Markers markers) {
        if (!markers.hasStart() && !markers.hasEnd()) {
            LOG.warn("{} has no Project Gutenberg START or END line; keeping the whole text",
                    name);
        } else if (!markers.hasStart()) {
            LOG.warn("{} has a Project Gutenberg END line but no START line; keeping the text"
                    + " before the END line", name);
        } else if (!markers.hasEnd()) {
            LOG.warn("{} has a Project Gutenberg START line but no END line; keeping the text"
                    + " after the START line", name);
        }
        return markers.body(text);
    }

    /** Decodes strict UTF-8, naming the source and the byte offset of the first invalid byte. */
    static String decodeUtf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is not valid UTF-8: invalid byte 0x%02X at byte offset %d",
                    name, bytes[offset] & 0xFF, offset));
        }
        out.flip();
        return out.toString();
    }

    /** Returns the name used in messages, the file path for a loaded file. */
    public String name() {
        return name;
    }

    /** Returns the prepared text. */
    public String text() {
        return text;
    }

    /** Returns the options the text was prepared with. */
    public Options options() {
        return options;
    }

    /** Returns whether the text had both the Gutenberg START and END lines. */
    public boolean hasGutenbergMarkers() {
        return markers.hasStart() && markers.hasEnd();
    }

    /** Returns whether the file had a Project Gutenberg START line. */
    public boolean hasGutenbergStart() {
        return markers.hasStart();
    }

    /** Returns whether the file had a Project Gutenberg END line. */
    public boolean hasGutenbergEnd() {
        return markers.hasEnd();
    }

    /** Returns the number of UTF-16 chars in the prepared text. */
    public int length() {
        return text.length();
    }

    /**
     * Returns the whitespace-separated words, punctuation attached, as Python's
     * {@code str.split()} returns them. See {@link #isWhitespace(int)}.
     */
    public List<String> words() {
        return splitWords(text);
    }

    static List<String> splitWords(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (isWhitespace(codePoint)) {
                if (start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /**
     * Returns whether a code point separates words as in Python's {@code str.split()}: Java's
     * whitespace, plus the no-break spaces (Unicode space separators) and U+0085 NEXT LINE.
     */
    public static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x85;
    }

    @Override
    public String toString() {
        return "corpus " + name + " (" + text.length() + " chars)";
    }
}
