package io.neuralbytes.experiments.mlp;

import io.neuralbytes.experiments.output.Counts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the sweep's results into predictions.txt, summary entries and a report section. */
final class MlpReport {

    private final List<MlpRunResult> results;
    private final int[] hiddenWidths;
    private final long seed;
    private final double seconds;

    MlpReport(List<MlpRunResult> results, int[] hiddenWidths, long seed, double seconds) {
        this.results = results;
        this.hiddenWidths = hiddenWidths.clone();
        this.seed = seed;
        this.seconds = seconds;
    }

    /** Returns the predictions log: one line per run with its four predictions and accuracy. */
    String predictionsText() {
        StringBuilder text = new StringBuilder();
        text.append("# MLP on logical OR: inputs (0,0) (0,1) (1,0) (1,1), targets 0 1 1 1\n");
        text.append("# network ").append(networkText()).append(", seed ").append(seed)
                .append('\n');
        for (MlpRunResult r : results) {
            text.append(String.format(Locale.ROOT,
                    "epochs %d, learning rate %s: predictions %s, accuracy %.2f, final cost %s%n",
                    r.settings().epochs(), MlpRunSettings.formatRate(r.settings().learningRate()),
                    predictionsText(r.predictions()), r.accuracy(),
                    costText(r.history().finalCost())));
            r.history().divergenceMessage().ifPresent(m -> text.append("  ").append(m)
                    .append('\n'));
        }
        return text.toString();
    }

    /** Returns one summary.json entry per run, in sweep order. */
    List<Map<String, Object>> summaryEntries() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (MlpRunResult r : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run", r.settings().name());
            entry.put("seconds", round(r.seconds(), 4));
            entry.put("training_seconds", round(r.trainingSeconds(), 6));
            entry.put("epochs", r.settings().epochs());
            entry.put("learning_rate", r.settings().learningRate());
            entry.put("initial_loss", r.history().initialCost());
            entry.put("final_loss", r.history().finalCost());
            entry.put("accuracy", r.accuracy());
            entry.put("predictions", r.predictions().clone());
            entry.put("diverged", r.history().divergenceEpoch().isPresent());
            entry.put("diverged_at", r.history().divergenceEpoch().isPresent()
                    ? r.history().divergenceEpoch().getAsInt() : null);
            entry.put("hidden_widths", hiddenWidths.clone());
            entry.put("seed", seed);
            entries.add(entry);
        }
        return entries;
    }

    /** Returns the report.md section: settings, a table of all runs, then every plot. */
    String markdownSection() {
        StringBuilder md = new StringBuilder();
        md.append("## mlp: MLP on logical OR\n\n");
        md.append("Network ").append(networkText()).append(": sigmoid units in every layer,"
                + " cost J = 1/(2m) sum (a - y)^2 with m = 4, full-batch gradient descent (one"
                + " update per epoch), every weight and bias uniform in [-0.1, 0.1).\n\n");
        md.append("Data: the four points (0,0), (0,1), (1,0), (1,1) with targets 0, 1, 1, 1"
                + " (logical OR), built in. Seed ").append(seed).append("; every run starts"
                + " from the same weights. ").append(Counts.count(results.size(), "run"))
                .append(" in ")
                .append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s.\n\n");
        md.append("Accuracy is the fraction of the four points on the right side of 0.5."
                + " Predictions for each run are also in `mlp/predictions.txt`. Training ms"
                + " time the training alone; the runs share the threads, and drawing a run's two"
                + " plots takes longer than training it for a few thousand epochs.\n\n");

        md.append(gridTables());
        md.append("### All runs\n\n");
        md.append("| run | epochs | learning rate | final cost | predictions (0,0) (0,1) (1,0)"
                + " (1,1) | accuracy | training ms | plots |\n");
        md.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |\n");
        for (MlpRunResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f | %.3f |"
                            + " [loss](mlp/%s), [boundary](mlp/%s) |%n",
                    r.settings().name(), r.settings().epochs(),
                    MlpRunSettings.formatRate(r.settings().learningRate()),
                    costText(r.history().finalCost()), predictionsText(r.predictions()),
                    r.accuracy(), r.trainingSeconds() * 1e3, r.lossPlot(), r.boundaryPlot()));
        }

        md.append("\n### Plots\n\n");
        md.append("Left: the cost after each epoch (epoch 0 is the initial weights). Right: the"
                + " predicted probability over [-0.5, 1.5]^2, the 0.5 boundary in black and the"
                + " four training points with their predictions.\n\n");
        for (MlpRunResult r : results) {
            md.append("#### ").append(r.settings().name()).append("\n\n");
            md.append("<img src=\"mlp/").append(r.lossPlot()).append("\" width=\"48%\"> ")
                    .append("<img src=\"mlp/").append(r.boundaryPlot())
                    .append("\" width=\"48%\">\n\n");
        }
        return md.toString();
    }

    /**
     * Returns two tables with one row per number of epochs and one column per learning rate:
     * the final cost, then the accuracy. A pair that was not run shows a dash.
     */
    private String gridTables() {
        List<Integer> epochs = results.stream().map(r -> r.settings().epochs()).distinct()
                .sorted().toList();
        List<Double> rates = results.stream().map(r -> r.settings().learningRate()).distinct()
                .sorted().toList();
        StringBuilder header = new StringBuilder("| epochs |");
        StringBuilder rule = new StringBuilder("| ---: |");
        for (double rate : rates) {
            header.append(" lr ").append(MlpRunSettings.formatRate(rate)).append(" |");
            rule.append(" ---: |");
        }
        StringBuilder md = new StringBuilder();
        md.append("### Final cost\n\n").append(header).append('\n').append(rule).append('\n');
        appendGridRows(md, epochs, rates, r -> costText(r.history().finalCost()));
        md.append("\n### Accuracy\n\n").append(header).append('\n').append(rule).append('\n');
        appendGridRows(md, epochs, rates, r -> String.format(Locale.ROOT, "%.2f", r.accuracy()));
        md.append('\n');
        return md.toString();
    }

    private void appendGridRows(StringBuilder md, List<Integer> epochs, List<Double> rates,
                                java.util.function.Function<MlpRunResult, String> cell) {
        for (int e : epochs) {
            md.append("| ").append(e).append(" |");
            for (double rate : rates) {
                String text = results.stream()
                        .filter(r -> r.settings().epochs() == e
                                && r.settings().learningRate() == rate)
                        .findFirst().map(cell).orElse("-");
                md.append(' ').append(text).append(" |");
            }
            md.append('\n');
        }
    }

    private String networkText() {
        return MlpExperiment.networkText(hiddenWidths);
    }

    private static String predictionsText(double[] predictions) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < predictions.length; i++) {
            text.append(i == 0 ? "" : " ")
                    .append(String.format(Locale.ROOT, "%.4f", predictions[i]));
        }
        return text.toString();
    }

    private static String costText(double cost) {
        return Double.isFinite(cost) ? String.format(Locale.ROOT, "%.6f", cost)
                : Double.toString(cost);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
