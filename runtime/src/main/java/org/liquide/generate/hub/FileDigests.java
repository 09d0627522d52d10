package org.liquide.generate.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests the Hub names files by: sha256 of the content (large files), git's blob id (small files). */
public final class FileDigests {
    private FileDigests() {
    }

    public static String sha256(Path file) throws IOException {
        return hex(digest(file, "SHA-256", new byte[0]));
    }

    /** sha1 of {@code "blob <size>\0"} followed by the content, as {@code git hash-object} computes it. */
    public static String gitBlobId(Path file) throws IOException {
        byte[] header = ("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII);
        return hex(digest(file, "SHA-1", header));
    }

    /** Whether a file has the content a listing promises: its sha256 for a large file, its git blob id otherwise. */
    public static boolean matches(Path file, RepoFile expected) throws IOException {
        String actual = expected.large() ? sha256(file) : gitBlobId(file);
        return actual.equalsIgnoreCase(expected.cacheId());
    }

    private static MessageDigest digest(Path file, String algorithm, byte[] prefix) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
        digest.update(prefix);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest;
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
