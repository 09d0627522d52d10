package org.liquide.show;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The connections this process holds, read from Linux's {@code /proc}: the socket inodes among
 * {@code /proc/self/fd}, matched with the rows of {@code /proc/self/net/{tcp,tcp6,udp,udp6}}. A row with a
 * remote end (TCP in any state but LISTEN, UDP connected) is a connection this process opened or accepted.
 */
final class SocketsOfThisProcess {
    private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");
    private static final String LISTEN = "0A";

    /** One end-to-end pair: {@code protocol}, our end, the other end. */
    record Connection(String protocol, InetSocketAddress local, InetSocketAddress remote, long inode) {
    }

    private SocketsOfThisProcess() {
    }

    static Set<Long> socketInodes() throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException e) {
                    // The descriptor closed meanwhile.
                }
            }
        }
        return inodes;
    }

    static Set<Connection> connections() throws IOException {
        Set<Long> ours = socketInodes();
        Set<Connection> found = new HashSet<>();
        for (String table : TABLES) {
            List<String> rows = Files.readAllLines(Path.of("/proc/self/net").resolve(table));
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.trim().split("\\s+");
                long inode = Long.parseLong(f[9]);
                InetSocketAddress remote = address(f[2]);
                boolean connected = table.startsWith("tcp") ? !f[3].equals(LISTEN) : remote.getPort() != 0;
                if (ours.contains(inode) && connected && inode != 0) {
                    found.add(new Connection(table, address(f[1]), remote, inode));
                }
            }
        }
        return found;
    }

    /** {@code 0100007F:1F90} (little-endian words, as the kernel prints them) to 127.0.0.1:8080. */
    private static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        String ip = parts[0];
        byte[] bytes = new byte[ip.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(ip.substring(at, at + 2), 16);
            }
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return new InetSocketAddress(address, Integer.parseInt(parts[1], 16));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }
}
