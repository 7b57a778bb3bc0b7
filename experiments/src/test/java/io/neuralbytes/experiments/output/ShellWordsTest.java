package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void plainValuesStayAsTheyAre() {
        assertEquals("/home/me/data", ShellWords.quote("/home/me/data"));
        assertEquals("0.01", ShellWords.quote("0.01"));
    }

    @Test
    void shellCharactersGetSingleQuotes() {
        // Inside single quotes, $ and backticks are not expanded when the line is pasted.
        assertEquals("'/tmp/x`id`'", ShellWords.quote("/tmp/x`id`"));
        assertEquals("'/tmp/$HOME y'", ShellWords.quote("/tmp/$HOME y"));
        assertEquals("'it'\\''s'", ShellWords.quote("it's"));
        assertEquals("''", ShellWords.quote(""));
    }

    @Test
    void lineBreaksKeepOneLine() {
        assertEquals("$'a\\n```\\n# x'", ShellWords.quote("a\n```\n# x"));
        assertEquals("$'tab\\there, it\\'s \\\\ \\x01'", ShellWords.quote("tab\there, it's \\ \u0001"));
    }
}
