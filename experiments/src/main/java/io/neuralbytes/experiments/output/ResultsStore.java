package io.neuralbytes.experiments.output;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.neuralbytes.datasets.Folders;
import io.neuralbytes.experiments.ExperimentResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps {@code summary.json} and {@code report.md} in an output folder.
 *
 * <p>Saving an experiment replaces that experiment's summary entries and report section and
 * keeps those of the others. Sections and entries are ordered by the experiment order given
 * to the constructor; experiments missing from it come last, by name. In {@code report.md}
 * each section sits between the HTML comments {@code <!-- begin NAME -->} and
 * {@code <!-- end NAME -->}, which is how a later save finds it again. Saves into one folder
 * are serialised by a file lock; see {@link #save}.
 */
public final class ResultsStore {

    public static final String SUMMARY_FILE = "summary.json";
    public static final String REPORT_FILE = "report.md";
    /** Hidden, empty file whose lock guards the read-merge-write of the two files. */
    public static final String LOCK_FILE = ".neuralbytes.lock";

    private static final Pattern SECTION = Pattern.compile(
            "<!-- begin ([A-Za-z0-9_-]+) -->\\n(.*?)<!-- end \\1 -->", Pattern.DOTALL);
    /** The text before the first section of {@code report.md}. */
    private static final String REPORT_HEADER = "# NeuralBytes for Java: reproduced experiments"
            + "\n\nWritten by `neuralbytes reproduce`. Each experiment has a section below;"
            + " `summary.json` beside this file has one entry per run.\n";
    private static final TypeReference<List<Map<String, Object>>> ENTRIES =
            new TypeReference<>() { };

    private final Path outputFolder;
    private final List<String> experimentOrder;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param outputFolder    folder holding {@code summary.json} and {@code report.md}
     * @param experimentOrder experiment names in the order their sections appear
     */
    public ResultsStore(Path outputFolder, List<String> experimentOrder) {
        this.outputFolder = outputFolder;
        this.experimentOrder = List.copyOf(experimentOrder);
    }

    public Path summaryFile() {
        return outputFolder.resolve(SUMMARY_FILE);
    }

    public Path reportFile() {
        return outputFolder.resolve(REPORT_FILE);
    }

    /**
     * Merges {@code result} into both files, each rewritten atomically. The read, merge and
     * write hold an exclusive lock on {@value #LOCK_FILE} in the output folder, so that runs
     * saving into one folder at the same time, from one process or several, each keep the
     * others' entries.
     */
    public void save(ExperimentResult result) throws IOException {
        // FileChannel.lock is held per process, and a second lock on the same file from the
        // same JVM fails instead of waiting, so threads of one JVM first take this monitor.
        synchronized (ResultsStore.class) {
            try (FileChannel channel = Folders.createThen(outputFolder,
                    () -> FileChannel.open(lockFile(), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE));
                 FileLock lock = channel.lock()) {
                saveSummary(result);
                saveReport(result);
            }
        }
    }

    /**
     * Returns the lock file. It stays after the save, empty: deleting it would let a process
     * that opened it before the deletion and one that creates it afresh hold "the" lock at
     * once.
     */
    public Path lockFile() {
        return outputFolder.resolve(LOCK_FILE);
    }

    /**
     * Reads the entries of {@code summary.json}; an absent file has none.
     *
     * @throws IOException if the file is not a JSON array of objects
     */
    public List<Map<String, Object>> readSummary() throws IOException {
        Path file = summaryFile();
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file; expected the summary an earlier run"
                    + " wrote, or nothing");
        }
        try {
            return json.readValue(file.toFile(), ENTRIES);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); expected the JSON array of runs an earlier run wrote", e);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is JSON but not an array of run objects; expected"
                    + " the summary an earlier run wrote", e);
        }
    }

    /**
     * Checks, before any training, that a save can merge into the files already in the
     * folder: {@code summary.json} must be a JSON array of runs, and {@code report.md} must
     * contain nothing but the header and sections a save writes, so that no text of anyone
     * else's is overwritten. The lock file {@value #LOCK_FILE}, when present, must be a
     * writable file.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public void checkMergeable() throws IOException {
        readSummary();
        checkLockFile();
        Path file = reportFile();
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file; expected the report an earlier run"
                    + " wrote, or nothing");
        }
        String rest = SECTION.matcher(Files.readString(file, StandardCharsets.UTF_8))
                .replaceAll("").replace(REPORT_HEADER, "");
        if (!rest.isBlank()) {
            throw new IOException(file + " contains text outside the sections a run writes, which"
                    + " saving would lose; move it away or choose another --out");
        }
    }

    /** Checks that a save can open {@value #LOCK_FILE} for writing, or create it. */
    private void checkLockFile() throws IOException {
        Path lock = lockFile();
        if (Files.isSymbolicLink(lock) && !Files.exists(lock)) {
            // Opening it would create the file the link points to, outside --out.
            throw new IOException(lock + " is a link to a missing file; expected the empty lock"
                    + " file that runs saving into this folder share, or nothing. Delete it or"
                    + " choose another --out");
        }
        if (!Files.exists(lock)) {
            return;
        }
        if (!Files.isRegularFile(lock)) {
            throw new IOException(lock + " is not a file; expected the empty lock file that"
                    + " runs saving into this folder share, or nothing. Delete it or choose"
                    + " another --out");
        }
        if (!Files.isWritable(lock)) {
            throw new IOException(lock + " is not writable; expected the empty lock file that"
                    + " runs saving into this folder share. Make it writable or choose another"
                    + " --out");
        }
    }

    private void saveSummary(ExperimentResult result) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> entry : readSummary()) {
            if (!result.experiment().equals(entry.get("experiment"))) {
                entries.add(entry);
            }
        }
        for (Map<String, Object> run : result.runs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("experiment", result.experiment());
            run.forEach((key, value) -> entry.put(key, jsonValue(value)));
            entries.add(entry);
        }
        // A stable sort keeps the run order inside each experiment.
        entries.sort(Comparator.comparingInt(e -> rank(String.valueOf(e.get("experiment")))));
        byte[] bytes = json.writeValueAsBytes(entries);
        AtomicFiles.write(summaryFile(), out -> {
            out.write(bytes);
            out.write('\n');
        });
    }

    /**
     * Returns {@code value} with every non-finite number replaced by null, because JSON has no
     * NaN or infinity, and Jackson would write them as strings. Numbers inside lists, arrays and
     * maps are replaced too, and arrays become lists.
     */
    private static Object jsonValue(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof double[] numbers) {
            return jsonValue(Arrays.stream(numbers).boxed().toList());
        }
        if (value instanceof float[] numbers) {
            List<Float> boxed = new ArrayList<>(numbers.length);
            for (float number : numbers) {
                boxed.add(number);
            }
            return jsonValue(boxed);
        }
        if (value instanceof Object[] items) {
            return jsonValue(Arrays.asList(items));
        }
        if (value instanceof Collection<?> items) {
            List<Object> converted = new ArrayList<>(items.size());
            for (Object item : items) {
                converted.add(jsonValue(item));
            }
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(key, jsonValue(item)));
            return converted;
        }
        return value;
    }

    private void saveReport(ExperimentResult result) throws IOException {
        Map<String, String> sections = new TreeMap<>(
                Comparator.comparingInt(this::rank).thenComparing(Comparator.naturalOrder()));
        Path file = reportFile();
        if (Files.exists(file)) {
            Matcher matcher = SECTION.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (matcher.find()) {
                sections.put(matcher.group(1), matcher.group(2));
            }
        }
        String section = result.reportSection().strip() + "\n";
        sections.put(result.experiment(), section);

        StringBuilder report = new StringBuilder(REPORT_HEADER);
        sections.forEach((name, text) -> report.append("\n<!-- begin ").append(name)
                .append(" -->\n").append(text).append("<!-- end ").append(name).append(" -->\n"));
        AtomicFiles.writeString(file, report.toString());
    }

    private int rank(String experiment) {
        int index = experimentOrder.indexOf(experiment);
        return index >= 0 ? index : experimentOrder.size();
    }
}
