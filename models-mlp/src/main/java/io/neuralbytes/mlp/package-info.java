/**
 * Multi-layer perceptron with sigmoid units, trained by full-batch gradient descent on mean squared error.
 */
package io.neuralbytes.mlp;
