/**
 * Command-line program that reproduces the experiments of the Python original and writes plots, summaries and reports.
 */
package io.neuralbytes.experiments;
