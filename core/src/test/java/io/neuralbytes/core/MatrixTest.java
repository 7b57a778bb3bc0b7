package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final Matrix A23 = Matrix.of(2, 3,
            1, 2, 3,
            4, 5, 6);

    @Test
    void constructorMakesZeros() {
        Matrix M = new Matrix(2, 3);

        assertEquals(2, M.rows());
        assertEquals(3, M.cols());
        assertArrayEquals(new double[6], M.data());
    }

    @Test
    void constructorRejectsZeroDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Matrix(0, 3));

        assertTrue(e.getMessage().contains("0x3"), e.getMessage());
    }

    @Test
    void ofCopiesValues() {
        double[] values = {1, 2, 3, 4};
        Matrix M = Matrix.of(2, 2, values);
        values[0] = 99;

        assertEquals(1.0, M.get(0, 0));
        assertNotSame(values, M.data());
    }

    @Test
    void ofRejectsWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(2, 2, 1, 2, 3));

        assertTrue(e.getMessage().contains("3 values"), e.getMessage());
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
    }

    @Test
    void wrapSharesArray() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Matrix M = Matrix.wrap(3, 2, data);
        data[5] = 60;

        assertSame(data, M.data());
        assertEquals(60.0, M.get(2, 1));
    }

    @Test
    void wrapRejectsWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 2, new double[5]));
    }

    @Test
    void getAndSetUseRowMajorIndex() {
        Matrix M = new Matrix(2, 3);
        M.set(1, 2, 7.5);

        assertEquals(7.5, M.data()[1 * 3 + 2]);
        assertEquals(7.5, M.get(1, 2));
        assertEquals(6.0, A23.get(1, 2));
        assertEquals(2.0, A23.get(0, 1));
    }

    @Test
    void getRejectsOutsideIndex() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> A23.get(2, 0));

        assertTrue(e.getMessage().contains("(2, 0)"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> A23.get(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> A23.set(-1, 0, 1.0));
    }

    @Test
    void copyIsIndependent() {
        Matrix M = A23.copy();
        M.set(0, 0, 100);

        assertEquals(1.0, A23.get(0, 0));
        assertEquals(100.0, M.get(0, 0));
        assertEquals(2, M.rows());
    }

    @Test
    void fillSetsEveryElement() {
        Matrix M = new Matrix(2, 2);
        M.fill(3.5);

        assertArrayEquals(new double[] {3.5, 3.5, 3.5, 3.5}, M.data());
    }

    @Test
    void copyFromCopiesElements() {
        Matrix M = new Matrix(2, 3);
        M.copyFrom(A23);

        assertArrayEquals(A23.data(), M.data());
        assertNotSame(A23.data(), M.data());
    }

    @Test
    void copyFromRejectsOtherShape() {
        assertShapeError(() -> new Matrix(3, 2).copyFrom(A23), "3x2", "2x3");
    }

    @Test
    void transposeSwapsIndices() {
        Matrix T = A23.transpose();

        assertEquals(3, T.rows());
        assertEquals(2, T.cols());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, T.data());
    }

    @Test
    void transposeRejectsWrongOutput() {
        assertShapeError(() -> Matrix.transpose(A23, new Matrix(2, 3)), "2x3", "3x2");
    }

    // ---------------------------------------------------------------- products

    @Test
    void multiplyMatchesHandValues() {
        Matrix B = Matrix.of(3, 2,
                7, 8,
                9, 10,
                11, 12);
        Matrix C = new Matrix(2, 2);
        C.fill(Double.NaN);

        Matrix result = Matrix.multiply(A23, B, C);

        // Row 0: 1*7 + 2*9 + 3*11 = 58, 1*8 + 2*10 + 3*12 = 64; row 1: 139, 154.
        assertSame(C, result);
        assertArrayEquals(new double[] {58, 64, 139, 154}, C.data());
    }

    @Test
    void multiplyOverwritesOutput() {
        Matrix I = Matrix.of(2, 2, 1, 0, 0, 1);
        Matrix B = Matrix.of(2, 2, 1, 2, 3, 4);
        Matrix C = Matrix.of(2, 2, 100, 100, 100, 100);

        Matrix.multiply(I, B, C);

        assertArrayEquals(new double[] {1, 2, 3, 4}, C.data());
    }

    @Test
    void multiplyTransAMatchesHandValues() {
        // A^T B with A 2x3 and B 2x2: A^T is 3x2 = [[1,4],[2,5],[3,6]].
        Matrix B = Matrix.of(2, 2,
                1, 2,
                3, 4);
        Matrix C = new Matrix(3, 2);

        Matrix.multiplyTransA(A23, B, C);

        assertArrayEquals(new double[] {13, 18, 17, 24, 21, 30}, C.data());
    }

    @Test
    void multiplyTransBMatchesHandValues() {
        // A B^T with A 2x3 and B 2x3: B^T is 3x2.
        Matrix B = Matrix.of(2, 3,
                1, 0, -1,
                2, 1, 0);
        Matrix C = new Matrix(2, 2);

        Matrix.multiplyTransB(A23, B, C);

        assertArrayEquals(new double[] {-2, 4, -2, 13}, C.data());
    }

    @Test
    void multiplyInstanceAllocatesResult() {
        Matrix B = Matrix.of(3, 1, 1, 1, 1);

        Matrix C = A23.multiply(B);

        assertEquals(2, C.rows());
        assertEquals(1, C.cols());
        assertArrayEquals(new double[] {6, 15}, C.data());
    }

    @Test
    void productsLeaveOperandsUnchanged() {
        Matrix A = A23.copy();
        Matrix B = Matrix.of(3, 2, 1, 2, 3, 4, 5, 6);

        Matrix.multiply(A, B, new Matrix(2, 2));

        assertArrayEquals(A23.data(), A.data());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, B.data());
    }

    @Test
    void multiplyRejectsInnerMismatch() {
        assertShapeError(() -> Matrix.multiply(A23, new Matrix(4, 5), new Matrix(2, 5)),
                "A is 2x3", "B is 4x5");
        assertShapeError(() -> A23.multiply(new Matrix(2, 2)), "2x3", "2x2");
    }

    @Test
    void multiplyMismatchMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.multiply(A23, new Matrix(4, 5), new Matrix(2, 5)));

        assertEquals("multiply: A is 2x3 but B is 4x5; A.cols must equal B.rows", e.getMessage());
    }

    @Test
    void multiplyRejectsWrongOutput() {
        assertShapeError(() -> Matrix.multiply(A23, new Matrix(3, 4), new Matrix(2, 2)),
                "C is 2x2", "C must be 2x4");
    }

    @Test
    void multiplyTransARejectsMismatch() {
        assertShapeError(() -> Matrix.multiplyTransA(A23, new Matrix(3, 2), new Matrix(3, 2)),
                "A is 2x3", "B is 3x2");
        assertShapeError(() -> Matrix.multiplyTransA(A23, new Matrix(2, 2), new Matrix(2, 2)),
                "C is 2x2", "C must be 3x2");
    }

    @Test
    void multiplyTransBRejectsMismatch() {
        assertShapeError(() -> Matrix.multiplyTransB(A23, new Matrix(2, 2), new Matrix(2, 2)),
                "A is 2x3", "B is 2x2");
        assertShapeError(() -> Matrix.multiplyTransB(A23, new Matrix(4, 3), new Matrix(2, 2)),
                "C is 2x2", "C must be 2x4");
    }

    @Test
    void productsRejectAliasedOutput() {
        Matrix S = Matrix.of(2, 2, 1, 2, 3, 4);
        Matrix view = Matrix.wrap(2, 2, S.data());

        assertThrows(IllegalArgumentException.class, () -> Matrix.multiply(S, S, S));
        assertThrows(IllegalArgumentException.class,
                () -> Matrix.multiplyTransA(S, new Matrix(2, 2), view));
        assertThrows(IllegalArgumentException.class,
                () -> Matrix.multiplyTransB(new Matrix(2, 2), S, view));
    }

    @Test
    void addOuterAccumulates() {
        Matrix C = Matrix.of(2, 3,
                1, 1, 1,
                1, 1, 1);

        Matrix.addOuter(C, 2.0, new double[] {1, -1}, new double[] {1, 2, 3});

        assertArrayEquals(new double[] {3, 5, 7, -1, -3, -5}, C.data());
    }

    @Test
    void addOuterRejectsWrongLengths() {
        Matrix C = new Matrix(2, 4);

        assertShapeError(() -> Matrix.addOuter(C, 1.0, new double[3], new double[4]),
                "x has length 3", "C is 2x4");
        assertShapeError(() -> Matrix.addOuter(C, 1.0, new double[2], new double[5]),
                "y has length 5", "C is 2x4");
    }

    // ---------------------------------------------------------------- element-wise

    @Test
    void addSubtractHadamardScale() {
        Matrix A = Matrix.of(2, 2, 1, 2, 3, 4);
        Matrix B = Matrix.of(2, 2, 5, 6, 7, 8);
        Matrix C = new Matrix(2, 2);

        assertArrayEquals(new double[] {6, 8, 10, 12}, Matrix.add(A, B, C).data());
        assertArrayEquals(new double[] {-4, -4, -4, -4}, Matrix.subtract(A, B, C).data());
        assertArrayEquals(new double[] {5, 12, 21, 32}, Matrix.hadamard(A, B, C).data());
        assertArrayEquals(new double[] {-2, -4, -6, -8}, Matrix.scale(-2, A, C).data());
        assertArrayEquals(new double[] {1, 2, 3, 4}, A.data());
        assertArrayEquals(new double[] {5, 6, 7, 8}, B.data());
    }

    @Test
    void elementwiseOutputMayAliasInput() {
        Matrix A = Matrix.of(1, 3, 1, 2, 3);
        Matrix B = Matrix.of(1, 3, 10, 20, 30);

        Matrix.add(A, B, A);
        Matrix.hadamard(A, B, B);

        assertArrayEquals(new double[] {11, 22, 33}, A.data());
        assertArrayEquals(new double[] {110, 440, 990}, B.data());
    }

    @Test
    void elementwiseRejectsShapeMismatch() {
        Matrix A = new Matrix(2, 3);
        Matrix B = new Matrix(3, 2);

        assertShapeError(() -> Matrix.add(A, B, new Matrix(2, 3)), "A is 2x3", "B is 3x2");
        assertShapeError(() -> Matrix.subtract(A, B, new Matrix(2, 3)), "A is 2x3", "B is 3x2");
        assertShapeError(() -> Matrix.hadamard(A, B, new Matrix(2, 3)), "A is 2x3", "B is 3x2");
        assertShapeError(() -> Matrix.add(A, A, B), "A is 2x3", "C is 3x2");
        assertShapeError(() -> Matrix.scale(2, A, B), "A is 2x3", "C is 3x2");
    }

    @Test
    void inPlaceForms() {
        Matrix M = Matrix.of(2, 2, 1, 2, 3, 4);
        Matrix B = Matrix.of(2, 2, 1, 1, 2, 2);

        assertSame(M, M.addInPlace(B));
        assertArrayEquals(new double[] {2, 3, 5, 6}, M.data());
        M.subtractInPlace(B);
        assertArrayEquals(new double[] {1, 2, 3, 4}, M.data());
        M.hadamardInPlace(B);
        assertArrayEquals(new double[] {1, 2, 6, 8}, M.data());
        M.scaleInPlace(0.5);
        assertArrayEquals(new double[] {0.5, 1, 3, 4}, M.data());
        M.addScaledInPlace(-2, B);
        assertArrayEquals(new double[] {-1.5, -1, -1, 0}, M.data());
        assertArrayEquals(new double[] {1, 1, 2, 2}, B.data());
    }

    @Test
    void inPlaceFormsRejectShapeMismatch() {
        Matrix M = new Matrix(2, 2);
        Matrix B = new Matrix(1, 4);

        assertShapeError(() -> M.addInPlace(B), "this is 2x2", "B is 1x4");
        assertShapeError(() -> M.subtractInPlace(B), "this is 2x2", "B is 1x4");
        assertShapeError(() -> M.hadamardInPlace(B), "this is 2x2", "B is 1x4");
        assertShapeError(() -> M.addScaledInPlace(1, B), "this is 2x2", "B is 1x4");
    }

    @Test
    void addColumnVectorAddsToEachRow() {
        Matrix M = A23.copy();

        M.addColumnVectorInPlace(new double[] {10, -1});

        assertArrayEquals(new double[] {11, 12, 13, 3, 4, 5}, M.data());
    }

    @Test
    void addColumnVectorRejectsWrongLength() {
        assertShapeError(() -> A23.copy().addColumnVectorInPlace(new double[3]),
                "b has length 3", "this is 2x3");
    }

    @Test
    void rowAndColumnSums() {
        double[] rows = {99, 99};
        double[] cols = {99, 99, 99};

        assertSame(rows, Matrix.rowSums(A23, rows));
        assertSame(cols, Matrix.columnSums(A23, cols));
        assertArrayEquals(new double[] {6, 15}, rows);
        assertArrayEquals(new double[] {5, 7, 9}, cols);
    }

    @Test
    void sumsRejectWrongLength() {
        assertShapeError(() -> Matrix.rowSums(A23, new double[3]), "out has length 3",
                "A is 2x3");
        assertShapeError(() -> Matrix.columnSums(A23, new double[2]), "out has length 2",
                "A is 2x3");
    }

    @Test
    void nanPropagates() {
        Matrix A = Matrix.of(1, 2, Double.NaN, 1);
        Matrix C = new Matrix(1, 1);

        Matrix.multiplyTransB(A, Matrix.of(1, 2, 0, 1), C);

        assertTrue(Double.isNaN(C.get(0, 0)));
    }

    @Test
    void toStringShowsShapeAndRows() {
        assertEquals("2x3 [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]", A23.toString());
        assertEquals("20x20", new Matrix(20, 20).toString());
    }

    private static void assertShapeError(Runnable call, String first, String second) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);

        assertTrue(e.getMessage().contains(first), e.getMessage());
        assertTrue(e.getMessage().contains(second), e.getMessage());
    }
}
