package io.neuralbytes.experiments.output;

/** Quoting of values for the command lines that reports and hints show the user. */
public final class ShellWords {

    private ShellWords() {
    }

    /**
     * Returns {@code value} as one word of a POSIX shell command line: as it is when it holds
     * only safe characters, else in single quotes. A value with a line break or another control
     * character uses bash's $'...' form instead, so that the command stays on one line.
     */
    public static String quote(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_./,:=+@%-]+")) {
            return value;
        }
        if (value.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
        StringBuilder word = new StringBuilder("$'");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> word.append("\\\\");
                case '\'' -> word.append("\\'");
                case '\n' -> word.append("\\n");
                case '\r' -> word.append("\\r");
                case '\t' -> word.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7f) {
                        word.append(String.format("\\x%02x", (int) ch));
                    } else {
                        word.append(ch);
                    }
                }
            }
        }
        return word.append('\'').toString();
    }
}
