package io.neuralbytes.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of files, to check downloads and to record which data a run used. */
public final class Checksums {

    private Checksums() {
    }

    /** Returns the SHA-256 of a file in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        return digest(file, "SHA-256");
    }

    /** Returns the MD5 of a file in lower-case hex. */
    public static String md5(Path file) throws IOException {
        return digest(file, "MD5");
    }

    static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 and SHA-256 (java.security.MessageDigest).
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
