package io.neuralbytes.experiments.cnn;

import io.neuralbytes.cnn.ConvNetConfig;
import io.neuralbytes.cnn.Evaluation;
import io.neuralbytes.cnn.TrainingHistory;
import io.neuralbytes.cnn.TrainingSettings;
import io.neuralbytes.experiments.cnn.CifarSubset.FileIdentity;
import io.neuralbytes.experiments.cnn.CnnExperiment.CnnRun;
import io.neuralbytes.experiments.output.Counts;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code report.md} section of a CNN run. */
final class CnnReport {

    private CnnReport() {
    }

    /** Returns the section, starting with its level-2 heading; links are relative to --out. */
    static String section(CnnRun run, double seconds) {
        ConvNetConfig config = run.config();
        TrainingSettings settings = run.settings();
        TrainingHistory history = run.history();
        boolean original = CnnOutputs.isOriginalRun(run);
        String folder = CnnExperiment.NAME + "/";
        StringBuilder md = new StringBuilder();

        md.append("## cnn: small CNN on CIFAR-10\n\n");
        md.append(String.format(
                "One convolution layer (%d filters of %dx%d over %s, stride 1, no padding, %s),"
                        + " ReLU, a dense layer of %d x %,d and softmax with cross-entropy,"
                        + " trained by SGD (%s, lr %s, %s, %s). Images: the first %d of"
                        + " each of the five training files, %,d for training and %,d held out"
                        + " (split drawn from seed %d), and the %,d images of test_batch.bin."
                        + "\n\n",
                config.filters(), config.filterHeight(), config.filterWidth(),
                config.channels() == 1 ? "grey images" : "RGB images",
                config.filterBias() ? "with filter bias" : "no filter bias",
                config.classes(), config.featureCount(),
                settings.batchSize() == 1 ? "one image per update"
                        : "mean gradient of " + settings.batchSize() + " images per update",
                settings.learningRate(), Counts.count(settings.epochs(), "epoch"),
                settings.shuffle() ? "order shuffled every epoch" : "same order every epoch",
                run.imagesPerFile(), run.data().train().count(), run.data().heldOut().count(),
                run.context().seed(), run.data().test().count()));
        if (history.diverged()) {
            md.append(String.format("**Training stopped at epoch %d of %d because the average"
                    + " cost became %s.** A smaller learning rate avoids this.\n\n",
                    history.epochs(), settings.epochs(), history.finalCost()));
        }
        if (!original) {
            md.append("These settings differ from the original's README run, so its numbers"
                    + " are left out.\n\n");
        }

        appendCostTable(md, history, original);
        appendAccuracyTable(md, run, original);

        md.append("![Average cost per epoch](").append(folder).append(CnnOutputs.COST_PLOT)
                .append(")\n\n");
        md.append("![Confusion matrix of the test images](").append(folder)
                .append(CnnOutputs.CONFUSION_PLOT).append(")\n\n");
        md.append("![Learned filters](").append(folder).append(CnnOutputs.FILTER_PLOT)
                .append(")\n\nEach filter is drawn from its lowest weight (black) to its highest"
                        + " (white).\n\n");
        md.append("Per-epoch costs: [").append(CnnOutputs.COST_CSV).append("](").append(folder)
                .append(CnnOutputs.COST_CSV).append("); test confusion counts: [")
                .append(CnnOutputs.CONFUSION_CSV).append("](").append(folder)
                .append(CnnOutputs.CONFUSION_CSV).append(").\n\n");

        md.append(String.format("Seed %d. Training took %s s on one thread; the whole run,"
                        + " with reading the data and drawing the plots, %s s.\n\n",
                run.context().seed(), CnnOutputs.format(run.trainingSeconds(), 2),
                CnnOutputs.format(seconds, 2)));
        appendDataTable(md, run);
        return md.toString();
    }

    private static void appendCostTable(StringBuilder md, TrainingHistory history,
                                        boolean original) {
        md.append(original ? "| epoch | average cost | Python original |\n| ---: | ---: | ---: |\n"
                : "| epoch | average cost |\n| ---: | ---: |\n");
        for (int epoch : loggedEpochs(history.epochs())) {
            md.append("| ").append(epoch).append(" | ")
                    .append(CnnOutputs.format(history.costAtEpoch(epoch), 4));
            if (original) {
                // The original printed its cost every LOG_EVERY epochs only.
                boolean printed = epoch % CnnExperiment.LOG_EVERY == 0;
                md.append(" | ").append(printed ? CnnOutputs.format(
                        CnnOutputs.ORIGINAL_COSTS[epoch / CnnExperiment.LOG_EVERY - 1], 4) : "-");
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static void appendAccuracyTable(StringBuilder md, CnnRun run, boolean original) {
        Evaluation heldOut = run.heldOut();
        Evaluation test = run.test();
        md.append(original ? "| images | accuracy | correct | Python original |\n"
                + "| --- | ---: | ---: | --- |\n"
                : "| images | accuracy | correct |\n| --- | ---: | ---: |\n");
        md.append("| held out (").append(heldOut.count()).append(") | ")
                .append(CnnExperiment.percent(heldOut.accuracy())).append(" | ")
                .append(heldOut.correct());
        if (original) {
            md.append(" | ").append(CnnExperiment.percent(CnnOutputs.ORIGINAL_HELD_OUT_ACCURACY))
                    .append(" on its own split; its README says typically 20-30%");
        }
        md.append(" |\n| test_batch.bin (").append(String.format("%,d", test.count()))
                .append(") | ").append(CnnExperiment.percent(test.accuracy())).append(" | ")
                .append(test.correct());
        if (original) {
            md.append(" | not measured");
        }
        md.append(" |\n\n");
        TrainingHistory history = run.history();
        if (history.diverged()) {
            md.append(String.format("These accuracies are of the network as it was when"
                    + " training stopped at epoch %d, on an average cost of %s, so its weights"
                    + " may be NaN or infinite. They do not measure a trained network.\n\n",
                    history.epochs(), history.finalCost()));
        }
    }

    private static void appendDataTable(StringBuilder md, CnnRun run) {
        md.append("Data: `").append(run.data().folder()).append("`\n\n");
        md.append("| file | images used | SHA-256 |\n| --- | ---: | --- |\n");
        for (FileIdentity file : run.data().files()) {
            md.append("| ").append(file.name()).append(" | ").append(file.images())
                    .append(" | `").append(file.sha256()).append("` |\n");
        }
        md.append('\n');
    }

    /**
     * Returns the first epoch, every LOG_EVERY-th epoch up to {@code epochs}, and the last
     * epoch, so that even a short run shows where its cost started.
     */
    static List<Integer> loggedEpochs(int epochs) {
        List<Integer> logged = new ArrayList<>(List.of(1));
        for (int e = CnnExperiment.LOG_EVERY; e <= epochs; e += CnnExperiment.LOG_EVERY) {
            logged.add(e);
        }
        if (logged.get(logged.size() - 1) != epochs) {
            logged.add(epochs);
        }
        return logged;
    }
}
