/**
 * The {@code reproduce rnn} and {@code reproduce lstm} experiments: the original's four text
 * runs (character and word RNN and LSTM on Jules Verne novels), their loss curves, samples,
 * timings and whole-pass validation losses.
 */
package io.neuralbytes.experiments.sequence;
