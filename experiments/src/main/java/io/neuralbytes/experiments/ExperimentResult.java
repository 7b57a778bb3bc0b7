package io.neuralbytes.experiments;

import java.util.List;
import java.util.Map;

/**
 * The output of one experiment for the results store, returned after the experiment has
 * written its own files.
 *
 * @param experiment    the experiment's name, as on the command line, such as {@code mlp}
 * @param runs          one entry per run for {@code summary.json}; each map contains at least
 *                      {@code run} and {@code seconds} and keeps its insertion order. The store
 *                      adds {@code experiment} as the first key.
 * @param reportSection the Markdown section for {@code report.md}, starting with a level-2
 *                      heading; links are relative to the output folder
 */
public record ExperimentResult(String experiment, List<Map<String, Object>> runs,
                               String reportSection) {

    public ExperimentResult {
        runs = List.copyOf(runs);
    }
}
