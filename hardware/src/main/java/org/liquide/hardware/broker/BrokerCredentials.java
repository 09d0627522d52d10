package org.liquide.hardware.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * A broker account's user name and password, read from a file that only its owner may read: one line
 * {@code user:password}, the very format {@code mosquitto_passwd -U} turns into the broker's password file.
 * Never from the command line, where {@code ps} would show it. {@link #toString()} hides the password.
 */
public record BrokerCredentials(String username, String password) {
    static final int MAX_BYTES = 1024;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    public BrokerCredentials {
        if (username.isEmpty() || username.contains(":") || username.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a broker user name is not empty and holds no ':' or control character");
        }
        if (password.isEmpty() || password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a broker password is not empty and holds no control character");
        }
    }

    /**
     * Reads a credentials file.
     *
     * @throws IOException with a message saying what to do, when the file is missing, readable by others,
     *                     too large or not one {@code user:password} line
     */
    public static BrokerCredentials read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("broker credentials file " + file + " does not exist (showcase-config/mosquitto/make-credentials"
                    + " makes one per account; docs/security.md)");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new IOException("broker credentials file " + file + " can be read by others; run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("broker credentials file " + file + " is larger than " + MAX_BYTES + " bytes; it holds one line user:password");
        }
        String line = Files.readString(file, StandardCharsets.UTF_8).strip();
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1 || line.contains("\n")) {
            throw new IOException("broker credentials file " + file + " must hold one line user:password");
        }
        try {
            return new BrokerCredentials(line.substring(0, colon), line.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IOException("broker credentials file " + file + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "BrokerCredentials[" + username + "]";
    }
}
