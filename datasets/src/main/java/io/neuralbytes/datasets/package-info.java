/**
 * Readers for the CIFAR-10 binary files and for text corpora with their vocabularies, and the code that locates, downloads and verifies data files.
 */
package io.neuralbytes.datasets;
