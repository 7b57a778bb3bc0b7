package io.neuralbytes.core;

import java.util.Arrays;

/**
 * Dense matrix of doubles, row-major in one flat array: element (i, j) is
 * {@code data[i * cols + j]}.
 *
 * <p>Operations come in two forms. The static ones take their output as the last argument,
 * write it and return it, so hot loops can reuse buffers and allocate nothing. The
 * {@code ...InPlace} ones modify {@code this} and return it. Unless a method's documentation
 * states otherwise, only the output argument (or {@code this} for the in-place forms) is
 * modified. Every shape mismatch throws {@link IllegalArgumentException} with both shapes in
 * the message (see {@link Shapes}).
 *
 * <p>NaN and infinity are not checked for. They propagate by the rules of IEEE 754 arithmetic.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    /**
     * Creates a {@code rows x cols} matrix of zeros.
     *
     * @throws IllegalArgumentException if {@code rows} or {@code cols} is below 1
     */
    public Matrix(int rows, int cols) {
        this(rows, cols, newArray(rows, cols));
    }

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    private static double[] newArray(int rows, int cols) {
        requireDimensions(rows, cols);
        return new double[rows * cols];
    }

    private static void requireDimensions(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("matrix dimensions must be at least 1x1, got "
                    + rows + "x" + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols
                    + " has more elements than a Java array can contain");
        }
    }

    private static void requireDataLength(String operation, int rows, int cols, double[] values) {
        requireDimensions(rows, cols);
        if (values == null) {
            throw new IllegalArgumentException(operation + ": values are null but the matrix is "
                    + rows + "x" + cols + "; pass " + rows * cols + " values");
        }
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(operation + ": got " + values.length
                    + " values for a " + rows + "x" + cols + " matrix; expected "
                    + rows * cols + " in row-major order");
        }
    }

    /**
     * Creates a {@code rows x cols} matrix from a copy of {@code values}, given in row-major
     * order; {@code values} is not modified or kept.
     *
     * @throws IllegalArgumentException if {@code values.length != rows * cols}
     */
    public static Matrix of(int rows, int cols, double... values) {
        requireDataLength("of", rows, cols, values);
        return new Matrix(rows, cols, values.clone());
    }

    /**
     * Creates a {@code rows x cols} matrix backed by {@code data} itself, without a copy: writes
     * through either are seen by both.
     *
     * @throws IllegalArgumentException if {@code data.length != rows * cols}
     */
    public static Matrix wrap(int rows, int cols, double[] data) {
        requireDataLength("wrap", rows, cols, data);
        return new Matrix(rows, cols, data);
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int cols() {
        return cols;
    }

    /** Returns the backing array itself, row-major; element (i, j) is at {@code i * cols + j}. */
    public double[] data() {
        return data;
    }

    /**
     * Returns element (i, j).
     *
     * @throws IndexOutOfBoundsException if (i, j) lies outside the matrix
     */
    public double get(int i, int j) {
        return data[index(i, j)];
    }

    /**
     * Sets element (i, j) to {@code value}.
     *
     * @throws IndexOutOfBoundsException if (i, j) lies outside the matrix
     */
    public void set(int i, int j, double value) {
        data[index(i, j)] = value;
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("element (" + i + ", " + j
                    + ") is outside a " + rows + "x" + cols + " matrix");
        }
        return i * cols + j;
    }

    /** Returns a new matrix with the same shape and a copy of the elements. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Sets every element to {@code value}. */
    public void fill(double value) {
        Arrays.fill(data, value);
    }

    /**
     * Copies the elements of {@code source} into this matrix; {@code source} is not modified.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public void copyFrom(Matrix source) {
        Shapes.requireSameShape("copyFrom", "this", this, "source", source);
        System.arraycopy(source.data, 0, data, 0, data.length);
    }

    /** Returns the transpose as a new {@code cols x rows} matrix. */
    public Matrix transpose() {
        return transpose(this, new Matrix(cols, rows));
    }

    /**
     * Writes {@code C = A^T} and returns C. A (n x m) is not modified; C must be m x n and
     * must not share its array with A.
     */
    public static Matrix transpose(Matrix A, Matrix C) {
        if (C.rows != A.cols || C.cols != A.rows) {
            throw new IllegalArgumentException("transpose: A is " + Shapes.describe(A)
                    + " but C is " + Shapes.describe(C) + "; C must be " + A.cols + "x" + A.rows);
        }
        if (C.data == A.data) {
            throw new IllegalArgumentException(
                    "transpose: C shares its array with A; pass a separate output matrix");
        }
        for (int i = 0; i < A.rows; i++) {
            for (int j = 0; j < A.cols; j++) {
                C.data[j * A.rows + i] = A.data[i * A.cols + j];
            }
        }
        return C;
    }

    // ---------------------------------------------------------------- products

    /**
     * Writes {@code C = A B} and returns C. A is n x k, B is k x m, C must be n x m. C is
     * overwritten (never accumulated into) and must not share its array with A or B, which are
     * not modified.
     */
    public static Matrix multiply(Matrix A, Matrix B, Matrix C) {
        Shapes.requireMultipliable("multiply", "A", A, "B", B);
        Shapes.requireProductShape("multiply", A, B, C, A.rows, B.cols);
        Shapes.requireNoAlias("multiply", A, B, C);
        MatrixKernels.multiply(A.data, B.data, C.data, A.rows, A.cols, B.cols);
        return C;
    }

    /**
     * Writes {@code C = A^T B} and returns C without forming A^T. A is k x n, B is k x m, C
     * must be n x m. C is overwritten and must not share its array with A or B, which are not
     * modified.
     */
    public static Matrix multiplyTransA(Matrix A, Matrix B, Matrix C) {
        Shapes.requireSameRows("multiplyTransA", "A", A, "B", B);
        Shapes.requireProductShape("multiplyTransA", A, B, C, A.cols, B.cols);
        Shapes.requireNoAlias("multiplyTransA", A, B, C);
        MatrixKernels.multiplyTransA(A.data, B.data, C.data, A.cols, A.rows, B.cols);
        return C;
    }

    /**
     * Writes {@code C = A B^T} and returns C without forming B^T. A is n x k, B is m x k, C
     * must be n x m. C is overwritten and must not share its array with A or B, which are not
     * modified.
     */
    public static Matrix multiplyTransB(Matrix A, Matrix B, Matrix C) {
        Shapes.requireSameCols("multiplyTransB", "A", A, "B", B);
        Shapes.requireProductShape("multiplyTransB", A, B, C, A.rows, B.rows);
        Shapes.requireNoAlias("multiplyTransB", A, B, C);
        MatrixKernels.multiplyTransB(A.data, B.data, C.data, A.rows, A.cols, B.rows);
        return C;
    }

    /**
     * Returns {@code this B} as a new matrix; neither operand is modified.
     *
     * @throws IllegalArgumentException if {@code this.cols != B.rows}
     */
    public Matrix multiply(Matrix B) {
        Shapes.requireMultipliable("multiply", "this", this, "B", B);
        return multiply(this, B, new Matrix(rows, B.cols));
    }

    /**
     * Adds the scaled outer product {@code alpha x y^T} to C: C(i, j) += alpha x[i] y[j].
     * C (n x m) is modified; x (length n) and y (length m) are not.
     */
    public static void addOuter(Matrix C, double alpha, double[] x, double[] y) {
        Shapes.requireLength("addOuter", "x", x, C.rows, "C", C, "C.rows");
        Shapes.requireLength("addOuter", "y", y, C.cols, "C", C, "C.cols");
        double[] c = C.data;
        int m = C.cols;
        for (int i = 0; i < C.rows; i++) {
            double ax = alpha * x[i];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                c[row + j] += ax * y[j];
            }
        }
    }

    // ---------------------------------------------------------------- element-wise

    /** Writes {@code C = A + B} and returns C; all three have one shape, and C may be A or B. */
    public static Matrix add(Matrix A, Matrix B, Matrix C) {
        requireElementwise("add", A, B, C);
        double[] a = A.data;
        double[] b = B.data;
        double[] c = C.data;
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] + b[i];
        }
        return C;
    }

    /** Writes {@code C = A - B} and returns C; all three have one shape, and C may be A or B. */
    public static Matrix subtract(Matrix A, Matrix B, Matrix C) {
        requireElementwise("subtract", A, B, C);
        double[] a = A.data;
        double[] b = B.data;
        double[] c = C.data;
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] - b[i];
        }
        return C;
    }

    /**
     * Writes the element-wise (Hadamard) product {@code C = A ∘ B}, C(i, j) = A(i, j) B(i, j),
     * and returns C; all three have one shape, and C may be A or B.
     */
    public static Matrix hadamard(Matrix A, Matrix B, Matrix C) {
        requireElementwise("hadamard", A, B, C);
        double[] a = A.data;
        double[] b = B.data;
        double[] c = C.data;
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] * b[i];
        }
        return C;
    }

    /** Writes {@code C = alpha A} and returns C; A and C have one shape, and C may be A. */
    public static Matrix scale(double alpha, Matrix A, Matrix C) {
        Shapes.requireSameShape("scale", "A", A, "C", C);
        double[] a = A.data;
        double[] c = C.data;
        for (int i = 0; i < c.length; i++) {
            c[i] = alpha * a[i];
        }
        return C;
    }

    private static void requireElementwise(String operation, Matrix A, Matrix B, Matrix C) {
        Shapes.requireSameShape(operation, "A", A, "B", B);
        Shapes.requireSameShape(operation, "A", A, "C", C);
    }

    /** Adds B to this matrix ({@code this += B}) and returns this; B is not modified. */
    public Matrix addInPlace(Matrix B) {
        Shapes.requireSameShape("addInPlace", "this", this, "B", B);
        return add(this, B, this);
    }

    /** Subtracts B from this matrix ({@code this -= B}) and returns this; B is not modified. */
    public Matrix subtractInPlace(Matrix B) {
        Shapes.requireSameShape("subtractInPlace", "this", this, "B", B);
        return subtract(this, B, this);
    }

    /** Multiplies this matrix element-wise by B ({@code this = this ∘ B}) and returns this. */
    public Matrix hadamardInPlace(Matrix B) {
        Shapes.requireSameShape("hadamardInPlace", "this", this, "B", B);
        return hadamard(this, B, this);
    }

    /** Multiplies every element by {@code alpha} and returns this. */
    public Matrix scaleInPlace(double alpha) {
        return scale(alpha, this, this);
    }

    /**
     * Adds {@code alpha B} to this matrix ({@code this += alpha B}, the BLAS axpy) and returns
     * this; B is not modified.
     */
    public Matrix addScaledInPlace(double alpha, Matrix B) {
        Shapes.requireSameShape("addScaledInPlace", "this", this, "B", B);
        double[] b = B.data;
        for (int i = 0; i < data.length; i++) {
            data[i] += alpha * b[i];
        }
        return this;
    }

    /**
     * Adds {@code b[i]} to every element of row i ({@code this(i, j) += b[i]}), the bias of a
     * layer whose samples are columns, and returns this; b (length rows) is not modified.
     */
    public Matrix addColumnVectorInPlace(double[] b) {
        Shapes.requireLength("addColumnVectorInPlace", "b", b, rows, "this", this, "this.rows");
        for (int i = 0; i < rows; i++) {
            double bi = b[i];
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                data[row + j] += bi;
            }
        }
        return this;
    }

    /**
     * Writes {@code out[i] = sum_j A(i, j)} and returns out; out has length A.rows and is
     * overwritten. A is not modified.
     */
    public static double[] rowSums(Matrix A, double[] out) {
        Shapes.requireLength("rowSums", "out", out, A.rows, "A", A, "A.rows");
        for (int i = 0; i < A.rows; i++) {
            double sum = 0.0;
            int row = i * A.cols;
            for (int j = 0; j < A.cols; j++) {
                sum += A.data[row + j];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * Writes {@code out[j] = sum_i A(i, j)} and returns out; out has length A.cols and is
     * overwritten. A is not modified.
     */
    public static double[] columnSums(Matrix A, double[] out) {
        Shapes.requireLength("columnSums", "out", out, A.cols, "A", A, "A.cols");
        Arrays.fill(out, 0.0);
        for (int i = 0; i < A.rows; i++) {
            int row = i * A.cols;
            for (int j = 0; j < A.cols; j++) {
                out[j] += A.data[row + j];
            }
        }
        return out;
    }

    /**
     * Returns the shape and, for matrices of at most 100 elements, the rows, such as
     * {@code "2x2 [[1.0, 2.0], [3.0, 4.0]]"}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(Shapes.describe(this));
        if (data.length > 100) {
            return text.toString();
        }
        text.append(" [");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(Arrays.toString(Arrays.copyOfRange(data, i * cols, (i + 1) * cols)));
        }
        return text.append(']').toString();
    }
}
