package org.liquide.control;

import org.liquide.config.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The panel's shared secret, kept in a file only its owner can read. Created on first start with 32
 * random bytes (URL-safe base64, 43 characters), permissions set atomically at creation; reused after.
 * Only its SHA-256 digest stays in memory, and presented tokens are compared digest to digest in
 * constant time.
 */
public final class AccessToken {
    static final int RANDOM_BYTES = 32;
    static final int MIN_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AccessToken.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final byte[] digest;
    private final Path file;
    private final boolean created;

    private AccessToken(byte[] digest, Path file, boolean created) {
        this.digest = digest;
        this.file = file;
        this.created = created;
    }

    /** Reads the token file, or creates it (and its folder, 0700) when missing. */
    public static AccessToken loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    String token = create(absolute);
                    LOG.info("control panel: created a new access token in {} (only its owner can read it; delete it to make a new one)", absolute);
                    return new AccessToken(sha256(token), absolute, true);
                } catch (FileAlreadyExistsException raced) {
                    // Another process made it first: read theirs.
                }
            }
            String token = read(absolute);
            LOG.info("control panel: access token in {}", absolute);
            return new AccessToken(sha256(token), absolute, false);
        } catch (IOException e) {
            throw new BadInputException("control panel: cannot read or create the token file " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static String create(Path file) throws IOException {
        Path parent = file.getParent();
        boolean posix = Files.getFileStore(existingAncestor(parent)).supportsFileAttributeView("posix");
        if (!Files.isDirectory(parent)) {
            if (posix) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(parent);
            }
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        if (!posix) {
            LOG.warn("control panel: {} is not on a POSIX file system; restrict who can read it by hand", file);
        }
        Files.createFile(file, attributes);
        try {
            Files.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return token;
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of("/") : p;
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("control panel: the token file " + file + " is not a regular file (links are refused)");
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                throw new BadInputException("control panel: the token file " + file + " can be read by others ("
                        + PosixFilePermissions.toString(permissions) + "); run  chmod 600 " + file
                        + "  or delete it to make a new token");
            }
        }
        if (Files.size(file) > 4096) {
            throw new BadInputException("control panel: the token file " + file + " is too large to be a token");
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new BadInputException("control panel: the token in " + file + " must be at least " + MIN_LENGTH
                    + " printable ASCII characters with no spaces; delete the file to make a new one");
        }
        return token;
    }

    /** Whether a presented token is this one: equal-length digests compared in constant time. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented.strip()));
    }

    public Path file() {
        return file;
    }

    /** Whether this start made the file (so the path is worth telling the operator). */
    public boolean created() {
        return created;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
