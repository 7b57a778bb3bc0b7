package io.neuralbytes.experiments.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removal of the files an earlier run of an experiment wrote and this run did not, so that an
 * experiment's folder contains exactly the files its report section describes.
 */
public final class PreviousRunFiles {

    private static final Logger log = LoggerFactory.getLogger(PreviousRunFiles.class);

    private PreviousRunFiles() {
    }

    /**
     * Deletes the regular files directly in {@code folder} whose names match {@code ours}
     * entirely and are not in {@code written}. Other files, such as a user's notes, stay.
     *
     * @param ours    the names the experiment gives its files, such as
     *                {@code e[0-9]+-lr.+-loss\.png}
     * @param written the names of the files this run wrote
     * @return the files deleted, none when the folder is missing
     */
    public static List<Path> delete(Path folder, Pattern ours, Collection<String> written)
            throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return deleted;
        }
        Set<String> kept = Set.copyOf(written);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, entry -> {
            String name = entry.getFileName().toString();
            return ours.matcher(name).matches() && !kept.contains(name);
        })) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                    deleted.add(entry);
                }
            }
        }
        if (!deleted.isEmpty()) {
            log.info("deleted {} files of an earlier run from {}", deleted.size(), folder);
        }
        return deleted;
    }
}
