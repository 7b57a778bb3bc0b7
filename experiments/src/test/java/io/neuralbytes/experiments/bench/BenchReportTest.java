package io.neuralbytes.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static BenchResult result(int threads, double seconds, boolean settled) {
        double[] samples = {seconds, seconds, seconds};
        return new BenchResult(BenchRun.RNN_CHAR, threads, new WarmUp.Outcome(1.0, 10, settled),
                samples, samples, 0.5, 0.5);
    }

    @Test
    void settledRunsGivePlainSpeedUp() {
        BenchResult two = result(2, 0.002, true);
        BenchReport report = new BenchReport(List.of(result(1, 0.003, true), two), 3, 60, 3, 0);

        assertEquals("1.50x", report.speedUp(two));
    }

    @Test
    void unsettledBaselineMarksSpeedUp() {
        BenchResult two = result(2, 0.002, true);
        BenchReport report = new BenchReport(List.of(result(1, 0.050, false), two), 3, 60, 3, 0);

        assertEquals("25.00x*", report.speedUp(two));
    }

    @Test
    void unsettledTwoThreadRunMarksSpeedUp() {
        BenchResult two = result(2, 0.002, false);
        BenchReport report = new BenchReport(List.of(result(1, 0.003, true), two), 3, 60, 3, 0);

        assertEquals("1.50x*", report.speedUp(two));
        assertEquals("", report.speedUp(result(1, 0.003, true)));
    }
}
