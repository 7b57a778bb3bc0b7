package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The order in which the data folder is chosen. */
class DataDirectoryTest {

    private static final Path WORKING_DIRECTORY = Path.of("/home/student/neuralbytes");

    @Test
    void optionWins() {
        DataDirectory chosen = DataDirectory.resolve(Path.of("/data/mine"), "/data/env", WORKING_DIRECTORY);

        assertEquals(Path.of("/data/mine"), chosen.path());
        assertEquals(DataDirectory.Origin.OPTION, chosen.origin());
        assertEquals("/data/mine (from --data)", chosen.toString());
    }

    @Test
    void environmentBeforeDefault() {
        DataDirectory chosen = DataDirectory.resolve(null, "/data/env/../env2", WORKING_DIRECTORY);

        assertEquals(Path.of("/data/env2"), chosen.path());
        assertEquals(DataDirectory.Origin.ENVIRONMENT, chosen.origin());
        assertEquals("/data/env2 (from NEURALBYTES_DATA)", chosen.toString());
    }

    @Test
    void blankEnvironmentFallsBackToDefault() {
        DataDirectory chosen = DataDirectory.resolve(null, "  ", WORKING_DIRECTORY);

        assertEquals(Path.of("/home/student/neuralbytes/data"), chosen.path());
        assertEquals(DataDirectory.Origin.DEFAULT, chosen.origin());
    }

    @Test
    void relativeOptionMadeAbsolute() {
        DataDirectory chosen = DataDirectory.resolve(Path.of("data"), null, WORKING_DIRECTORY);

        assertEquals(Path.of("data").toAbsolutePath(), chosen.path());
    }
}
