package io.neuralbytes.core;

import java.util.List;

/** An update rule that changes parameter values using their gradients. */
public interface Optimizer {

    /**
     * Updates the value of every parameter from its gradient. Values (and any state the
     * optimiser keeps) are modified; gradients are read, not cleared.
     */
    void step(List<Parameter> parameters);
}
