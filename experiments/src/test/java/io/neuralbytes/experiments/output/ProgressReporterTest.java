package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProgressReporterTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ProgressReporter.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    @AfterEach
    void restoreLog() {
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
    }

    private List<String> loggedLines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void logsEachTenthOnce() {
        try (ProgressReporter reporter = ProgressReporter.logOnly("test", "steps", 200)) {
            assertFalse(reporter.showsBar());
            for (int i = 1; i <= 200; i++) {
                reporter.onProgress(i, 200, 0.5);
            }
        }
        List<String> lines = loggedLines();
        assertEquals(10, lines.size(), lines.toString());
        assertEquals("test: 20/200 steps (10%), loss 0.5000",
                lines.get(0).replaceAll(", [0-9.]+ s$", ""));
        assertEquals("test: 200/200 steps (100%), loss 0.5000",
                lines.get(9).replaceAll(", [0-9.]+ s$", ""));
    }

    @Test
    void stepCountsWithoutLoss() {
        try (ProgressReporter reporter = ProgressReporter.logOnly("runs", "runs", 2)) {
            reporter.step();
            reporter.step();
        }
        List<String> lines = loggedLines();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("runs: 2/2 runs (100%)", lines.get(1).replaceAll(", [0-9.]+ s$", ""));
    }

    @Test
    void noBarWithoutTerminal() {
        // Maven runs tests with standard input and output redirected, so there is no console.
        try (ProgressReporter reporter = ProgressReporter.start("test", "steps", 3)) {
            assertFalse(reporter.showsBar());
        }
    }

    @Test
    void speedKeepsLeadingZero() {
        assertEquals("0.3", ProgressReporter.speedFormat().format(0.3));
        assertEquals("0.0", ProgressReporter.speedFormat().format(0.01));
        assertEquals("12.5", ProgressReporter.speedFormat().format(12.46));
    }
}
