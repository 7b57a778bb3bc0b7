/**
 * The {@code reproduce cnn} experiment: the Python original's small convolutional network
 * trained on CIFAR-10 images, with its plots, summary entries and report section.
 */
package io.neuralbytes.experiments.cnn;
