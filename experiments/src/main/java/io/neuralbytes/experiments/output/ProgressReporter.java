package io.neuralbytes.experiments.output;

import io.neuralbytes.core.ProgressListener;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the progress of long work: a progress bar on standard error when the program runs in
 * a terminal, otherwise an INFO log line at every tenth of the work and at least every
 * {@value #LOG_INTERVAL_SECONDS} seconds while work goes on.
 *
 * <p>A model's training loop can report to it directly, as to any {@link ProgressListener}.
 * Calls may come from several threads.
 */
public final class ProgressReporter implements ProgressListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    static final long LOG_INTERVAL_SECONDS = 30;

    private final String task;
    private final String unit;
    private final long total;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private long lastLoggedTenth;
    private long lastLogNanos = startNanos;
    private long lastDone;

    private ProgressReporter(String task, String unit, long total, boolean showBar) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.bar = showBar
                ? new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setUnit(" " + unit, 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(200)
                        .showSpeed(speedFormat())
                        .setMaxRenderedLength(100)
                        .build()
                : null;
    }

    /**
     * Returns the format of the bar's speed, such as "0.3 steps/s". The default of progressbar
     * 0.10.1, "#.0", drops the leading zero and shows ".3".
     */
    static DecimalFormat speedFormat() {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * Starts reporting {@code total} units of work, with a bar only if standard input and
     * output are a terminal and the environment variable {@code CI} is unset.
     *
     * @param task short name shown before the bar and in log lines, such as "mlp"
     * @param unit name of one unit of work, such as "runs" or "steps"
     */
    public static ProgressReporter start(String task, String unit, long total) {
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return new ProgressReporter(task, unit, total, terminal);
    }

    /** Starts reporting with log lines only, whatever the terminal. */
    public static ProgressReporter logOnly(String task, String unit, long total) {
        return new ProgressReporter(task, unit, total, false);
    }

    /**
     * Records that {@code done} of {@code total} units are finished; {@code loss} is the
     * latest loss, or NaN if there is none to show.
     */
    @Override
    public synchronized void onProgress(long done, long total, double loss) {
        lastDone = done;
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
            if (!Double.isNaN(loss)) {
                bar.setExtraMessage(String.format(" loss %.4g", loss));
            }
            return;
        }
        long tenth = total > 0 ? done * 10 / total : 0;
        long now = System.nanoTime();
        boolean newTenth = tenth > lastLoggedTenth;
        long quietNanos = now - lastLogNanos;
        boolean quietTooLong = quietNanos >= Duration.ofSeconds(LOG_INTERVAL_SECONDS).toNanos();
        if (newTenth || quietTooLong) {
            lastLoggedTenth = tenth;
            lastLogNanos = now;
            if (Double.isNaN(loss)) {
                log.info("{}: {}/{} {} ({}%), {} s", task, done, total, unit,
                        percent(done, total), seconds(now));
            } else {
                log.info("{}: {}/{} {} ({}%), loss {}, {} s", task, done, total, unit,
                        percent(done, total), String.format("%.4g", loss), seconds(now));
            }
        }
    }

    /** Records one more finished unit. */
    public synchronized void step() {
        onProgress(lastDone + 1, total, Double.NaN);
    }

    /** Returns whether a progress bar is shown (otherwise progress is logged). */
    public boolean showsBar() {
        return bar != null;
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }

    private static long percent(long done, long total) {
        return total > 0 ? done * 100 / total : 100;
    }

    private String seconds(long now) {
        return String.format("%.1f", (now - startNanos) / 1e9);
    }
}
