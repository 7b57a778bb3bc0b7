package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousRunFilesTest {

    private static final Pattern PLOTS = Pattern.compile("run[0-9]+-loss\\.png");

    @TempDir
    Path temp;

    private Set<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void deletesOnlyOurUnwrittenFiles() throws IOException {
        for (String name : List.of("run1-loss.png", "run2-loss.png", "run3-loss.png",
                "notes.txt", "run2-loss.png.bak", "xrun2-loss.png")) {
            Files.writeString(temp.resolve(name), "x");
        }
        Files.createDirectory(temp.resolve("run4-loss.png"));

        List<Path> deleted = PreviousRunFiles.delete(temp, PLOTS, List.of("run1-loss.png"));

        assertEquals(Set.of(temp.resolve("run2-loss.png"), temp.resolve("run3-loss.png")),
                Set.copyOf(deleted));
        assertEquals(Set.of("run1-loss.png", "notes.txt", "run2-loss.png.bak",
                "xrun2-loss.png", "run4-loss.png"), names());
    }

    @Test
    void missingFolderHasNothingToDelete() throws IOException {
        assertTrue(PreviousRunFiles.delete(temp.resolve("absent"), PLOTS, List.of()).isEmpty());
    }
}
