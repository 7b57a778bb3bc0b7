package io.neuralbytes.core;

/**
 * The shape checks of every matrix operation. Each message names the operation, both operands
 * and both shapes, and the rule that failed, for example
 * {@code "multiply: A is 2x3 but B is 4x5; A.cols must equal B.rows"}.
 * All checks throw {@link IllegalArgumentException}.
 */
public final class Shapes {

    private Shapes() {
    }

    /** Returns the shape of {@code M} as rows, "x", cols, such as {@code "2x3"}. */
    public static String describe(Matrix M) {
        return M.rows() + "x" + M.cols();
    }

    /** Checks that {@code A} and {@code B} have the same number of rows and columns. */
    public static void requireSameShape(String operation, String nameA, Matrix A,
                                        String nameB, Matrix B) {
        if (A.rows() != B.rows() || A.cols() != B.cols()) {
            throw new IllegalArgumentException(operation + ": " + nameA + " is " + describe(A)
                    + " but " + nameB + " is " + describe(B)
                    + "; the shapes must be equal");
        }
    }

    /**
     * Checks that {@code A.cols == B.rows}, the inner dimensions of the product A B.
     */
    public static void requireMultipliable(String operation, String nameA, Matrix A,
                                           String nameB, Matrix B) {
        if (A.cols() != B.rows()) {
            throw new IllegalArgumentException(operation + ": " + nameA + " is " + describe(A)
                    + " but " + nameB + " is " + describe(B) + "; "
                    + nameA + ".cols must equal " + nameB + ".rows");
        }
    }

    /**
     * Checks that {@code A.rows == B.rows}, the inner dimensions of the product A^T B.
     */
    public static void requireSameRows(String operation, String nameA, Matrix A,
                                       String nameB, Matrix B) {
        if (A.rows() != B.rows()) {
            throw new IllegalArgumentException(operation + ": " + nameA + " is " + describe(A)
                    + " but " + nameB + " is " + describe(B) + "; "
                    + nameA + ".rows must equal " + nameB + ".rows");
        }
    }

    /**
     * Checks that {@code A.cols == B.cols}, the inner dimensions of the product A B^T.
     */
    public static void requireSameCols(String operation, String nameA, Matrix A,
                                       String nameB, Matrix B) {
        if (A.cols() != B.cols()) {
            throw new IllegalArgumentException(operation + ": " + nameA + " is " + describe(A)
                    + " but " + nameB + " is " + describe(B) + "; "
                    + nameA + ".cols must equal " + nameB + ".cols");
        }
    }

    /**
     * Checks that the output {@code C} of a product of {@code A} and {@code B} is
     * {@code rows x cols}. The message names all three shapes, for example
     * {@code "multiply: C is 2x2 but A is 2x3 and B is 3x4; C must be 2x4"}.
     */
    public static void requireProductShape(String operation, Matrix A, Matrix B, Matrix C,
                                           int rows, int cols) {
        if (C.rows() != rows || C.cols() != cols) {
            throw new IllegalArgumentException(operation + ": C is " + describe(C)
                    + " but A is " + describe(A) + " and B is " + describe(B)
                    + "; C must be " + rows + "x" + cols);
        }
    }

    /**
     * Checks that the output {@code C} of a product shares no backing array with {@code A} or
     * {@code B}, because the kernels overwrite C while they still read A and B.
     */
    public static void requireNoAlias(String operation, Matrix A, Matrix B, Matrix C) {
        if (C.data() == A.data() || C.data() == B.data()) {
            throw new IllegalArgumentException(operation
                    + ": C shares its array with " + (C.data() == A.data() ? "A" : "B")
                    + "; pass a separate output matrix");
        }
    }

    /**
     * Checks that {@code array.length == expected}, where {@code expected} is a dimension of
     * {@code M}. The message reads like
     * {@code "addOuter: x has length 3 but C is 2x4; x.length must equal C.rows"}.
     *
     * @param dimension the dimension the length must match, such as {@code "C.rows"}
     */
    public static void requireLength(String operation, String arrayName, double[] array,
                                     int expected, String matrixName, Matrix M,
                                     String dimension) {
        if (array == null) {
            throw new IllegalArgumentException(operation + ": " + arrayName
                    + " is null but " + matrixName + " is " + describe(M)
                    + "; pass an array of length " + dimension + " = " + expected);
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(operation + ": " + arrayName + " has length "
                    + array.length + " but " + matrixName + " is " + describe(M) + "; "
                    + arrayName + ".length must equal " + dimension);
        }
    }
}
