/**
 * Recurrent language models, the vanilla RNN and the LSTM, trained by truncated backpropagation through time with Adagrad, and their samplers.
 */
package io.neuralbytes.sequence;
