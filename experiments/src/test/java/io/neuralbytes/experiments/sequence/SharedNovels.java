package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data folder named by NEURALBYTES_DATA; tests that need it are skipped without it. */
final class SharedNovels {
  private SharedNovels() {
  }

  static Path folder() {
    String value = System.getenv("NEURALBYTES_DATA");
    assumeTrue(value != null && !value.isBlank(), "NEURALBYTES_DATA is not set");
    Path folder = Path.of(value);
    assumeTrue(Files.isDirectory(folder.resolve("jules-verne")),
        "no jules-verne folder in " + folder);
    return folder;
  }
}
