package io.neuralbytes.datasets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the lines that open and close the book inside a Project Gutenberg file. */
final class GutenbergText {

    // Gutenberg files mark the book with "*** START OF THE PROJECT GUTENBERG EBOOK <TITLE> ***"
    // and "*** END OF ..."; older files use "THIS" for "THE".
    private static final Pattern START = Pattern.compile(
            "^[ \\t]*\\*{3}[ \\t]*START OF (THE|THIS) PROJECT GUTENBERG E-?BOOK.*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile(
            "^[ \\t]*\\*{3}[ \\t]*END OF (THE|THIS) PROJECT GUTENBERG E-?BOOK",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private GutenbergText() {
    }

    /**
     * Positions of the book inside a text with LF line ends.
     *
     * @param bodyStart index of the first char after the START line, or -1 without one
     * @param bodyEnd index of the first char of the END line, or -1 without one
     */
    record Markers(int bodyStart, int bodyEnd) {

        boolean hasStart() {
            return bodyStart >= 0;
        }

        boolean hasEnd() {
            return bodyEnd >= 0;
        }

        /** Returns the text between the markers; a missing marker keeps that side whole. */
        String body(String text) {
            int from = hasStart() ? bodyStart : 0;
            int to = hasEnd() ? bodyEnd : text.length();
            return text.substring(from, to);
        }
    }

    static Markers find(String text) {
        int bodyStart = -1;
        Matcher start = START.matcher(text);
        if (start.find()) {
            bodyStart = start.end();
            if (bodyStart < text.length() && text.charAt(bodyStart) == '\n') {
                bodyStart++;
            }
        }
        int bodyEnd = -1;
        Matcher end = END.matcher(text);
        if (end.find(Math.max(bodyStart, 0))) {
            bodyEnd = end.start();
        }
        return new Markers(bodyStart, bodyEnd);
    }
}
