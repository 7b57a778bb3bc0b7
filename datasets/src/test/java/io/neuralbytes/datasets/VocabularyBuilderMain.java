package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds and saves the vocabularies of a text in a separate JVM, so that a test can compare
 * them with those built in its own process. Arguments: text file, output folder.
 */
public final class VocabularyBuilderMain {

    private VocabularyBuilderMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        VocabularyFileTest.saveAll(TextCorpus.load(Path.of(args[0])), out);
    }
}
