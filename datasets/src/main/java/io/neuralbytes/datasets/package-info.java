/**
 * Readers for the CIFAR-10 binary files and for text corpora with their vocabularies, and the
 * code that locates, downloads and verifies data files.
 *
 * <p>Entry points: {@link io.neuralbytes.datasets.DataDirectory} chooses the data folder,
 * {@link io.neuralbytes.datasets.Cifar10} and {@link io.neuralbytes.datasets.Novels} find the
 * files in it, {@link io.neuralbytes.datasets.Downloader} fetches what is missing, and
 * {@link io.neuralbytes.datasets.TextCorpus} with
 * {@link io.neuralbytes.datasets.CharVocabulary} or
 * {@link io.neuralbytes.datasets.WordVocabulary} turns a novel into token indices.
 */
package io.neuralbytes.datasets;
