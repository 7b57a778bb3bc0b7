package io.neuralbytes.experiments.output;

import io.neuralbytes.datasets.TemporaryFiles;
import io.neuralbytes.experiments.ExperimentResult;
import io.neuralbytes.experiments.data.DataAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program that tests start in a child JVM, so that they can stop it with a signal or run
 * several at once. It writes "ready" on standard output when the part to observe begins.
 *
 * <ul>
 *   <li>{@code files FOLDER COUNT}: writes COUNT files through {@link AtomicFiles}, then
 *       starts one more whose body never ends;</li>
 *   <li>{@code folder FOLDER}: creates a temporary folder holding a file, then waits;</li>
 *   <li>{@code created FOLDER}: creates FOLDER, which must not exist, as a data folder whose
 *       removal when empty is due at shutdown, and a temporary folder in it, then waits;</li>
 *   <li>{@code merge FOLDER EXPERIMENT SAVES GO}: waits for the file GO, then saves a result
 *       of EXPERIMENT into a {@link ResultsStore} SAVES times.</li>
 * </ul>
 */
public final class ChildWriter {

    private ChildWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Paths.get(args[1]);
        switch (args[0]) {
            case "files" -> writeFiles(folder, Integer.parseInt(args[2]));
            case "folder" -> {
                Path staging = TemporaryFiles.createFolder(folder, ".neuralbytes-download-");
                Files.write(staging.resolve("part.bin"), new byte[1000]);
                ready();
                Thread.sleep(60_000);
            }
            case "created" -> {
                Path firstCreated = OutputFolder.firstMissing(folder);
                TemporaryFiles.runAfterShutdownCleanup(
                        () -> DataAccess.deleteCreatedIfEmpty(folder, firstCreated));
                Files.createDirectories(folder);
                Path staging = TemporaryFiles.createFolder(folder, ".neuralbytes-download-");
                Files.write(staging.resolve("part.bin"), new byte[1000]);
                ready();
                Thread.sleep(60_000);
            }
            case "merge" -> merge(folder, args[2], Integer.parseInt(args[3]),
                    Paths.get(args[4]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void writeFiles(Path folder, int count) throws IOException {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < count; i++) {
            AtomicFiles.writeBytes(folder.resolve("file" + (i % 20) + ".bin"), bytes);
        }
        AtomicFiles.write(folder.resolve("endless.bin"), out -> {
            out.write(bytes);
            out.flush();
            ready();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void merge(Path folder, String experiment, int saves, Path go)
            throws IOException, InterruptedException {
        ResultsStore store = new ResultsStore(folder, List.of());
        ready();
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        for (int save = 0; save < saves; save++) {
            store.save(result(experiment, save));
        }
    }

    /** Returns a result of {@code experiment} with one run named after the save's number. */
    static ExperimentResult result(String experiment, int save) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run", "save" + save);
        entry.put("seconds", 0.5);
        List<Map<String, Object>> runs = new ArrayList<>();
        runs.add(entry);
        return new ExperimentResult(experiment, runs, "## " + experiment + "\n\nsave " + save);
    }

    private static void ready() {
        System.out.println("ready");
        System.out.flush();
    }
}
