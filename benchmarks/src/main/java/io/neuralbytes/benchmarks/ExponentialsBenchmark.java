package io.neuralbytes.benchmarks;

import io.neuralbytes.core.Activations;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.RandomSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Core's {@link Exponentials} against the JDK's {@code Math} functions on one row of H = 128
 * activations in [-4, 4), the slice the RNN and LSTM pass per gate and step, one thread. Each
 * benchmark writes the 128 results, and the score is the time per row.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
 * ExponentialsBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
        "-XX:ObjectAlignmentInBytes=64"})
@State(Scope.Thread)
public class ExponentialsBenchmark {

    private static final int H = 128;

    private double[] z;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        RandomSource rng = new RandomSource(1);
        z = new double[H];
        for (int i = 0; i < H; i++) {
            z[i] = rng.uniform(-4, 4);
        }
        out = new double[H];
    }

    @Benchmark
    public double[] tanhOurs() {
        Exponentials.tanh(z, 0, H, out, 0);
        return out;
    }

    @Benchmark
    public double[] tanhMath() {
        for (int i = 0; i < H; i++) {
            out[i] = Math.tanh(z[i]);
        }
        return out;
    }

    @Benchmark
    public double[] expOurs() {
        Exponentials.exp(z, 0, H, out, 0);
        return out;
    }

    @Benchmark
    public double[] expMath() {
        for (int i = 0; i < H; i++) {
            out[i] = Math.exp(z[i]);
        }
        return out;
    }

    @Benchmark
    public double[] sigmoidOurs() {
        Exponentials.sigmoid(z, 0, H, out, 0);
        return out;
    }

    /** {@link Activations#sigmoid(double)}, which uses {@code Math.exp}. */
    @Benchmark
    public double[] sigmoidMath() {
        for (int i = 0; i < H; i++) {
            out[i] = Activations.sigmoid(z[i]);
        }
        return out;
    }
}
