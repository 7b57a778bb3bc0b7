package io.neuralbytes.experiments;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.LoggerFactory;

/** Records the INFO and higher messages one class logs while a command runs. */
public final class LogCapture {

    /** The exit code of the command and the messages logged while it ran, formatted. */
    public record Result(int exitCode, List<String> messages) {
    }

    private LogCapture() {
    }

    /** Runs {@code command} with the logger of {@code source} recording at INFO. */
    public static Result run(Class<?> source, IntSupplier command) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(logged);
        try {
            int exitCode = command.getAsInt();
            return new Result(exitCode, logged.list.stream()
                    .map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(level);
        }
    }
}
