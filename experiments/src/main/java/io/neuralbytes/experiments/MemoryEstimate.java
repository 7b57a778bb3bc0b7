package io.neuralbytes.experiments;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An estimate of the main arrays of a run, made before any experiment starts: the weights,
 * their gradients, the optimiser's memory, the largest work arrays and the histories. It
 * rejects sizes whose arrays cannot exist in Java or clearly do not fit in the maximum heap,
 * which would otherwise fail only once training starts, with an internal message.
 *
 * <p>The estimate leaves out small arrays and the JVM's own use, so it is a lower bound: a run
 * that passes the check can still run out of memory.
 */
public final class MemoryEstimate {

    /** Maximum length of a Java array, the limit of {@code io.neuralbytes.core.Matrix}. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final double GIBIBYTE = 1L << 30;

    /** The options that set the sizes, in the order the messages name them, with their values. */
    private final Map<String, Object> sizes = new LinkedHashMap<>();
    private double bytes;
    private String largestName;
    private List<String> largestSizedBy = List.of();
    private long largestRows;
    private long largestCols;

    /** Records an option that sets sizes, and its value, for the error messages. */
    public MemoryEstimate option(String option, Object value) {
        sizes.put(option, value);
        return this;
    }

    /**
     * Adds {@code copies} arrays of {@code rows x cols} doubles, such as a weight matrix and its
     * gradient.
     *
     * @param name     what the array is, such as "the recurrent weights W"
     * @param sizedBy  the options, recorded by {@link #option}, that set the array's length
     */
    public MemoryEstimate doubles(String name, long rows, long cols, int copies,
                                  String... sizedBy) {
        bytes += 8.0 * rows * cols * copies;
        if (largestName == null || (double) rows * cols > (double) largestRows * largestCols) {
            largestName = name;
            largestSizedBy = List.of(sizedBy);
            largestRows = rows;
            largestCols = cols;
        }
        return this;
    }

    /** Adds {@code count} bytes that no single array holds, such as a history of many steps. */
    public MemoryEstimate bytes(double count) {
        bytes += count;
        return this;
    }

    /** Returns the estimated bytes of all arrays added. */
    public double totalBytes() {
        return bytes;
    }

    /**
     * Returns the error for an array longer than {@link #MAX_ARRAY_LENGTH}, or else for arrays
     * that need more than {@code maxHeapBytes}, or null when neither applies. The suggested
     * larger heap is left out when it would exceed {@code physicalBytes}, the machine's memory.
     */
    public String tooLargeMessage(long maxHeapBytes, long physicalBytes) {
        if ((double) largestRows * largestCols > MAX_ARRAY_LENGTH) {
            BigInteger length = BigInteger.valueOf(largestRows)
                    .multiply(BigInteger.valueOf(largestCols));
            return String.format(Locale.ROOT, "%s would need %s, an array of %d x %d = %s"
                            + " doubles, more than a Java array can contain (%d); use %s",
                    values(largestSizedBy), largestName, largestRows, largestCols, length,
                    MAX_ARRAY_LENGTH, smaller(largestSizedBy));
        }
        if (bytes <= maxHeapBytes) {
            return null;
        }
        String message = String.format(Locale.ROOT, "%s would need about %s for the main"
                        + " arrays (weights, gradients, optimiser memory, work arrays and"
                        + " histories), more than the maximum heap of %s; use %s",
                values(sizes.keySet()), gibibytes(bytes), gibibytes(maxHeapBytes),
                smaller(sizes.keySet()));
        // Headroom of a quarter for the arrays the estimate leaves out.
        return message + heapAdvice(1.25 * bytes, physicalBytes);
    }

    /**
     * Returns ", or give Java more heap, for example JAVA_TOOL_OPTIONS=-Xmx<n>g" with a heap of
     * at least {@code neededHeapBytes}, or, when that heap exceeds {@code physicalBytes}, the
     * machine's memory, ", because this machine has only <m> GiB of memory".
     */
    static String heapAdvice(double neededHeapBytes, long physicalBytes) {
        long suggestedGibibytes = (long) Math.ceil(neededHeapBytes / GIBIBYTE) + 1;
        if (suggestedGibibytes * GIBIBYTE > physicalBytes) {
            return String.format(Locale.ROOT, ", because this machine has only %s of memory",
                    gibibytes(physicalBytes));
        }
        return String.format(Locale.ROOT, ", or give Java more heap, for example"
                + " JAVA_TOOL_OPTIONS=-Xmx%dg", suggestedGibibytes);
    }

    /** Returns {@link #tooLargeMessage(long, long)} for this JVM's heap and machine. */
    public String tooLargeMessage() {
        return tooLargeMessage(Runtime.getRuntime().maxMemory(), physicalMemoryBytes());
    }

    static long physicalMemoryBytes() {
        java.lang.management.OperatingSystemMXBean system =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (system instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        // Without the figure, every suggested heap is allowed.
        return Long.MAX_VALUE;
    }

    /** Returns the options with their values, such as "--hidden 128 and --window 50". */
    private String values(Iterable<String> options) {
        List<String> parts = new ArrayList<>();
        for (String option : options) {
            parts.add(option + " " + sizes.get(option));
        }
        return list(parts, "and");
    }

    /** Returns "a smaller --hidden" for one option, "smaller --a, --b or --c" for more. */
    private static String smaller(Iterable<String> options) {
        List<String> names = new ArrayList<>();
        options.forEach(names::add);
        if (names.size() == 1) {
            return "a smaller " + names.get(0);
        }
        return "smaller " + list(names, "or");
    }

    /** Returns "a", "a and b" or "a, b and c" for {@code conjunction} "and". */
    private static String list(List<String> parts, String conjunction) {
        if (parts.size() < 2) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + conjunction + " "
                + parts.get(parts.size() - 1);
    }

    /** Returns a byte count in GiB with one decimal, or in TiB from 1 TiB on. */
    static String gibibytes(double count) {
        if (count >= 1024 * GIBIBYTE) {
            return String.format(Locale.ROOT, "%.3g TiB", count / (1024 * GIBIBYTE));
        }
        return String.format(Locale.ROOT, "%.1f GiB", count / GIBIBYTE);
    }
}
