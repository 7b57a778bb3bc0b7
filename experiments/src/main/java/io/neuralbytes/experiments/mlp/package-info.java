/**
 * The MLP experiment: the original's sweep of epochs and learning rates on logical OR, with a
 * loss curve and a decision-boundary plot per run.
 */
package io.neuralbytes.experiments.mlp;
