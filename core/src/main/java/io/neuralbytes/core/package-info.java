/**
 * Dense row-major matrices, activations and their derivatives, initialisers, optimisers, gradient clipping and numerical gradient checks shared by every model.
 */
package io.neuralbytes.core;
