package io.neuralbytes.benchmarks;

import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Matrix;
import io.neuralbytes.core.RandomSource;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * C = A B for square n x n matrices, with core's {@link Matrix#multiply(Matrix, Matrix, Matrix)}
 * and EJML's {@code CommonOps_DDRM.mult} on the same values, one thread each. Both write into a
 * C allocated once, so the time is the product alone. A product costs 2 n^3 floating-point
 * operations; {@link ProductBenchmarks} turns the times into GFLOP/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
        "-XX:ObjectAlignmentInBytes=64"})
public class MatrixProductBenchmark {

    @Param({"64", "256", "1024"})
    public int n;

    private Matrix A;
    private Matrix B;
    private Matrix C;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;

    @Setup(Level.Trial)
    public void setUp() {
        RandomSource rng = new RandomSource(1);
        A = new Matrix(n, n);
        B = new Matrix(n, n);
        C = new Matrix(n, n);
        Initializers.uniform(A, -1.0, 1.0, rng);
        Initializers.uniform(B, -1.0, 1.0, rng);
        a = new DMatrixRMaj(n, n, true, A.data());
        b = new DMatrixRMaj(n, n, true, B.data());
        c = new DMatrixRMaj(n, n);
    }

    @Benchmark
    public Matrix core() {
        return Matrix.multiply(A, B, C);
    }

    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }
}
