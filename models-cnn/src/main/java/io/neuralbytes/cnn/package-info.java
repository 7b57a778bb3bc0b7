/**
 * Convolution layer and the small convolutional network: convolution, ReLU, flatten, a dense layer and a softmax or sigmoid output.
 */
package io.neuralbytes.cnn;
