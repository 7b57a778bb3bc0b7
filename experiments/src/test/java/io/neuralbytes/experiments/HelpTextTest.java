package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /** A file name with one of the extensions the program reads or writes. */
    private static final Pattern FILE_NAME =
            Pattern.compile("[\\w<>/.-]+\\.(?:txt|json|md|png|csv|bin|gz)\\b");

    /** Returns every command of the program, the top-level one first. */
    private static List<CommandLine> allCommands() {
        List<CommandLine> commands = new ArrayList<>();
        List<CommandLine> pending = new ArrayList<>(List.of(Main.newCommandLine()));
        while (!pending.isEmpty()) {
            CommandLine command = pending.remove(0);
            commands.add(command);
            pending.addAll(command.getSubcommands().values());
        }
        return commands;
    }

    @Test
    void everyCommandHasWideHelp() {
        for (CommandLine command : allCommands()) {
            assertEquals(100, command.getUsageHelpWidth(), command.getCommandName());
        }
    }

    /** The JDK's line breaker, which picocli uses, may break after the full stop of "a.txt". */
    @Test
    void helpSplitsNoFileName() {
        for (CommandLine command : allCommands()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            StringBuilder described = new StringBuilder();
            for (String line : command.getCommandSpec().usageMessage().description()) {
                described.append(line).append('\n');
            }
            for (CommandLine sub : command.getSubcommands().values()) {
                // The list of commands shows the first line of each description.
                described.append(sub.getCommandSpec().usageMessage().description()[0])
                        .append('\n');
            }
            for (var option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    described.append(String.join("\n", option.description())).append('\n');
                }
            }
            Matcher names = FILE_NAME.matcher(described);
            while (names.find()) {
                assertTrue(help.contains(names.group()), command.getCommandName()
                        + " help splits '" + names.group() + "':\n" + help);
            }
        }
    }

    @Test
    void helpNamesFilesWhole() {
        String bench = Main.newCommandLine().getSubcommands().get("bench")
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        String mlp = Main.newCommandLine().getSubcommands().get("reproduce").getSubcommands()
                .get("mlp").getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertTrue(bench.contains("bench.json"), bench);
        assertTrue(mlp.contains("predictions.txt"), mlp);
    }

    @Test
    void commandDescriptionsUseImperative() {
        for (CommandLine command : allCommands()) {
            String[] description = command.getCommandSpec().usageMessage().description();
            if (command.getParent() == null) {
                continue;
            }
            String firstWord = description[0].split(" ", 2)[0];
            assertFalse(firstWord.endsWith("s"),
                    command.getCommandName() + " description starts with '" + firstWord
                            + "'; command descriptions use the imperative, as picocli's"
                            + " --help does");
        }
    }

    /** Returns the help of {@code reproduce <experiment>}. */
    private static String experimentHelp(String experiment) {
        return Main.newCommandLine().getSubcommands().get("reproduce").getSubcommands()
                .get(experiment).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void experimentHelpListsOnlyUsedOptions() {
        String mlp = experimentHelp("mlp");
        String cnn = experimentHelp("cnn");
        String rnn = experimentHelp("rnn");

        for (String option : List.of("--data", "--offline", "--cifar10-url", "--cifar10-md5",
                "--gutenberg-url")) {
            assertFalse(mlp.contains(option), option + " in:\n" + mlp);
        }
        assertTrue(mlp.contains("--threads"), mlp);
        assertTrue(mlp.contains("--seed"), mlp);
        assertTrue(mlp.contains("--out"), mlp);
        for (String option : List.of("--data", "--offline", "--cifar10-url", "--cifar10-md5")) {
            assertTrue(cnn.contains(option), option + " missing in:\n" + cnn);
        }
        // The CNN trains on one thread and reads no novel.
        assertFalse(cnn.contains("--threads"), cnn);
        assertFalse(cnn.contains("--gutenberg-url"), cnn);
        assertTrue(rnn.contains("--gutenberg-url"), rnn);
        assertTrue(rnn.contains("--threads"), rnn);
        assertFalse(rnn.contains("--cifar10-url"), rnn);
        assertFalse(rnn.contains("--cifar10-md5"), rnn);
    }

    @Test
    void reproduceHelpListsSharedOptions() {
        String reproduce = Main.newCommandLine().getSubcommands().get("reproduce")
                .getUsageMessage(CommandLine.Help.Ansi.OFF);

        for (String option : List.of("--data", "--offline", "--cifar10-url", "--cifar10-md5",
                "--gutenberg-url", "--threads", "--seed", "--out")) {
            assertTrue(reproduce.contains(option), option + " missing in:\n" + reproduce);
        }
    }

    @Test
    void reproduceUsageNamesExperiments() {
        String reproduce = Main.newCommandLine().getSubcommands().get("reproduce")
                .getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertTrue(reproduce.contains("[EXPERIMENT [ITS OPTIONS]]..."), reproduce);
        assertTrue(reproduce.contains("\nExperiments:\n  mlp "), reproduce);
    }
}
