package io.neuralbytes.datasets;

/**
 * A contiguous split of an encoded text: the training tokens, then the validation tokens
 * that follow them in the text.
 */
public final class TextSplit {

    private final String name;
    private final int[] train;       // round(fraction * T)
    private final int[] validation;  // the remaining tokens

    TextSplit(String name, int[] train, int[] validation) {
        this.name = name;
        this.train = train;
        this.validation = validation;
    }

    /** Returns a copy of the training indices. */
    public int[] train() {
        return train.clone();
    }

    /** Returns a copy of the validation indices; empty for a fraction of 1. */
    public int[] validation() {
        return validation.clone();
    }

    public int trainLength() {
        return train.length;
    }

    public int validationLength() {
        return validation.length;
    }

    /**
     * Checks that each non-empty part contains one training window of {@code sequenceLength}:
     * see {@link EncodedText#requireWindow(int)}.
     */
    public void requireWindow(int sequenceLength) {
        EncodedText.checkWindow("the training part of " + name, train.length, sequenceLength);
        if (validation.length > 0) {
            EncodedText.checkWindow("the validation part of " + name, validation.length,
                    sequenceLength);
        }
    }
}
