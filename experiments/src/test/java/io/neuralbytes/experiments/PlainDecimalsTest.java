package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class PlainDecimalsTest {

    /** Texts that are no plain decimal, most of which {@link Double#parseDouble} accepts. */
    private static final List<String> NOT_PLAIN = List.of("0x1p3", "1d", "1f", "2D", "nan",
            "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "infinity", "inf", " 1", "1 ",
            "1_0", "1e", "e3", ".", "", "--1", "1.2.3", "\u0661", "0x10");

    @TempDir
    Path temp;

    @Test
    void plainDecimalsParsed() {
        assertEquals(0.001, PlainDecimals.parseDouble("1e-3"));
        assertEquals(1000.0, PlainDecimals.parseDouble("1E3"));
        assertEquals(1000.0, PlainDecimals.parseDouble("1e+3"));
        assertEquals(-2.5, PlainDecimals.parseDouble("-2.5"));
        assertEquals(0.5, PlainDecimals.parseDouble("+.5"));
        assertEquals(5.0, PlainDecimals.parseDouble("5."));
        assertEquals(7.0, PlainDecimals.parseDouble("7"));
        assertEquals(0.0, PlainDecimals.parseDouble("1e-400"));
    }

    @Test
    void javaNumberSyntaxRejected() {
        for (String text : NOT_PLAIN) {
            assertThrows(NumberFormatException.class, () -> PlainDecimals.parseDouble(text),
                    "'" + text + "'");
        }
        assertThrows(NumberFormatException.class, () -> PlainDecimals.parseDouble(null));
    }

    @Test
    void overflowRejected() {
        assertThrows(NumberFormatException.class, () -> PlainDecimals.parseDouble("1e999"));
        assertThrows(NumberFormatException.class, () -> PlainDecimals.parseDouble("-1e999"));
    }

    /** Returns a command line for each decimal option of every command, ending in the option. */
    private List<List<String>> decimalOptions() {
        String out = temp.resolve("results").toString();
        String data = temp.resolve("data").toString();
        List<String> reproduce = List.of("reproduce", "--offline", "--data", data, "--out", out);
        List<List<String>> commands = new ArrayList<>();
        commands.add(with(reproduce, "mlp", "--lr"));
        commands.add(with(reproduce, "cnn", "--lr"));
        commands.add(with(reproduce, "cnn", "--train-fraction"));
        commands.add(with(reproduce, "rnn", "--lr"));
        commands.add(with(reproduce, "rnn", "--temperature"));
        commands.add(with(reproduce, "lstm", "--lr"));
        commands.add(with(reproduce, "lstm", "--temperature"));
        commands.add(List.of("bench", "--runs", "mlp", "--out", out, "--warmup"));
        commands.add(List.of("bench", "--runs", "mlp", "--out", out, "--settle-limit"));
        return commands;
    }

    private static List<String> with(List<String> start, String experiment, String option) {
        List<String> arguments = new ArrayList<>(start);
        arguments.add(experiment);
        arguments.add(option);
        return arguments;
    }

    @Test
    void decimalOptionListComplete() {
        Set<String> declared = new TreeSet<>();
        collectDecimalOptions(Main.newCommandLine(), declared);
        Set<String> tested = new TreeSet<>();
        for (List<String> command : decimalOptions()) {
            String option = command.get(command.size() - 1);
            String owner = command.get(0).equals("bench")
                    ? "bench" : command.get(command.size() - 2);
            tested.add(owner + " " + option);
        }

        assertEquals(declared, tested);
    }

    /** Adds "command option" for each option of type double in {@code line} and below. */
    private static void collectDecimalOptions(CommandLine line, Set<String> found) {
        for (OptionSpec option : line.getCommandSpec().options()) {
            Class<?>[] types = option.auxiliaryTypes();
            Class<?> type = types.length > 0 ? types[0] : option.type();
            if (type == double.class || type == Double.class) {
                found.add(line.getCommandName() + " " + option.longestName());
            }
        }
        for (CommandLine subcommand : line.getSubcommands().values()) {
            collectDecimalOptions(subcommand, found);
        }
    }

    @Test
    void everyDecimalOptionRejectsJavaSyntax() {
        List<String> values = List.of("0x1p3", "1d", "nan", "NaN", "Infinity", "-Infinity",
                "inf", "1_0");
        for (List<String> command : decimalOptions()) {
            String option = command.get(command.size() - 1);
            for (String value : values) {
                List<String> arguments = new ArrayList<>(command);
                arguments.add(value);
                StringWriter err = new StringWriter();
                int exit = Main.run(new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true), arguments.toArray(String[]::new));

                String line = err.toString().strip();
                assertEquals(2, exit, arguments + ": " + line);
                assertEquals(1, line.lines().count(), line);
                assertTrue(line.startsWith("neuralbytes: " + option + " must be a decimal"
                        + " number such as 0.01 or 1e-3, got '" + value + "'. See "), line);
            }
        }
        assertFalse(Files.exists(temp.resolve("results")));
        assertFalse(Files.exists(temp.resolve("data")));
    }

    @Test
    void overflowingOptionNamesMaximum() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "reproduce", "mlp", "--lr", "1e999", "--out", temp.resolve("results").toString());

        assertEquals(2, exit);
        assertEquals("neuralbytes: --lr must be at most 1.7976931348623157e308 in magnitude,"
                + " got '1e999'. See 'neuralbytes reproduce mlp --help'.", err.toString().strip());
    }
}
