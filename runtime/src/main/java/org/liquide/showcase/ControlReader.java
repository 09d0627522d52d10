package org.liquide.showcase;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlList;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A showcase's {@code control:}: where the panel listens, its token, and the host names it answers to. */
final class ControlReader {
    private final Path base;
    private final Problems problems;

    ControlReader(Path base, Problems problems) {
        this.base = base;
        this.problems = problems;
    }

    ControlConfig control(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'control'", "a mapping with host, port, token_file, open_status", problems);
        if (maybe.isEmpty()) {
            return ControlConfig.defaults();
        }
        YamlMapping map = maybe.get();
        boolean enabled = map.get("enabled").flatMap(n -> Scalars.bool(n, "enabled", problems)).orElse(true);
        String host = map.get("host").flatMap(n -> Scalars.text(n, "host", "an address to listen on", problems)).orElse(ControlConfig.LOCAL_ONLY);
        int port = map.get("port").map(n -> Scalars.integer(n, "port", 1, 65535, "a TCP port", problems).orElse(ControlConfig.DEFAULT_PORT))
                .orElse(ControlConfig.DEFAULT_PORT);
        Path token = map.get("token_file").flatMap(n -> Scalars.text(n, "token_file", "a path", problems))
                .map(t -> t.startsWith("~/") ? Path.of(System.getProperty("user.home"), t.substring(2)) : base.resolve(t))
                .orElse(ControlConfig.defaultTokenFile());
        boolean open = map.get("open_status").flatMap(n -> Scalars.bool(n, "open_status", problems)).orElse(false);
        List<String> allowedHosts = map.get("allowed_hosts").map(n -> YamlList.items(n, "allowed_hosts", this::hostName, problems)).orElse(List.of());
        map.rejectUnknown(List.of("enabled", "host", "port", "token_file", "open_status", "allowed_hosts"));
        return new ControlConfig(enabled, host, port, token, open, allowedHosts);
    }

    /** A name the panel answers to, as a browser writes it in {@code Host} (no port, no scheme). */
    private Optional<String> hostName(Node node) {
        Optional<String> text = Scalars.text(node, "allowed_hosts", "a host name such as regie.local", problems);
        if (text.isPresent() && !text.get().matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*")) {
            problems.at(node, "'allowed_hosts' takes host names such as regie.local (no scheme, no port), got " + text.get());
            return Optional.empty();
        }
        return text;
    }
}
