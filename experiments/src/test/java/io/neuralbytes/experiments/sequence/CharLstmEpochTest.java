package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.SharedData;
import io.neuralbytes.experiments.output.ProgressReporter;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One whole pass of the char LSTM over the first 90% of The Mysterious Island (20,021 steps).
 * It takes one to six minutes, so it is tagged "slow" and left out of the default build.
 * Run it with {@code mvn -B -pl experiments -am verify -Dtest=CharLstmEpochTest -DslowTests=
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class CharLstmEpochTest {

  @Test
  void onePassReachesValidationLossBelow2point2() throws IOException {
    TextRunSettings settings =
        new TextRunSettings(128, 50, 0.01, 100, 1, 40, 20, 1.0, 5000, true, 0);
    TextRunResult result = TextRun.run(TextRunSpec.CHAR_LSTM, settings, SharedData.withNovels(),
        planned -> ProgressReporter.logOnly("char-lstm", "steps", planned));

    int trainTokens = (int) Math.round(0.9 * result.textTokens());
    assertEquals(trainTokens, result.trainTokens());
    assertEquals((trainTokens - 1 + 49) / 50, result.losses().length);
    assertEquals(1, result.validationLosses().length);
    assertTrue(result.validationLosses()[0] < 2.2,
        "validation loss per character " + result.validationLosses()[0]);
    assertEquals(1, result.samples().size());
  }
}
