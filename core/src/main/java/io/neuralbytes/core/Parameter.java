package io.neuralbytes.core;

import java.util.Arrays;

/**
 * One trainable array and its gradient, both of length {@code rows * cols} and laid out
 * row-major like {@link Matrix}. Models fill {@link #grad()} in their backward pass, and an
 * {@link Optimizer} reads it to update {@link #value()}.
 */
public final class Parameter {

    private final String name;
    private final int rows;
    private final int cols;
    private final double[] value;
    private final double[] grad;
    private final Matrix valueMatrix;
    private final Matrix gradMatrix;

    /**
     * Creates a parameter of zeros with a zero gradient.
     *
     * @param name the name in the model's equations, such as {@code "W1"}; it appears in
     *             gradient-check reports and checkpoints
     * @throws IllegalArgumentException if the name is blank or a dimension is below 1
     */
    public Parameter(String name, int rows, int cols) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank, got \""
                    + name + "\"");
        }
        this.name = name;
        this.valueMatrix = new Matrix(rows, cols);
        this.gradMatrix = new Matrix(rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.value = valueMatrix.data();
        this.grad = gradMatrix.data();
    }

    /** Returns the name given at construction. */
    public String name() {
        return name;
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int cols() {
        return cols;
    }

    /** Returns the number of elements, {@code rows * cols}. */
    public int size() {
        return value.length;
    }

    /** Returns the value array itself, row-major. */
    public double[] value() {
        return value;
    }

    /** Returns the gradient array itself, row-major, with the same layout as the value. */
    public double[] grad() {
        return grad;
    }

    /** Returns a matrix view of the value array: writes through either are seen by both. */
    public Matrix valueMatrix() {
        return valueMatrix;
    }

    /** Returns a matrix view of the gradient array: writes through either are seen by both. */
    public Matrix gradMatrix() {
        return gradMatrix;
    }

    /** Sets every gradient element to 0. */
    public void zeroGrad() {
        Arrays.fill(grad, 0.0);
    }

    /** Returns the name and shape, such as {@code "W1 (2x3)"}. */
    @Override
    public String toString() {
        return name + " (" + rows + "x" + cols + ")";
    }
}
