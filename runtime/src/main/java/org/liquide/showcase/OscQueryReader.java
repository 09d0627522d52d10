package org.liquide.showcase;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;

/** Reads {@code osc.query}: {@code {enabled: true, port: 0, announce: true}}, each optional. */
final class OscQueryReader {
    private final Problems problems;

    OscQueryReader(Problems problems) {
        this.problems = problems;
    }

    OscQueryConfig query(Node node) {
        OscQueryConfig defaults = OscQueryConfig.DEFAULT;
        var maybe = YamlMapping.of(node, "'query'", "a mapping with enabled, port and announce", problems);
        if (maybe.isEmpty()) {
            return defaults;
        }
        YamlMapping map = maybe.get();
        boolean enabled = map.get("enabled").flatMap(n -> Scalars.bool(n, "enabled", problems)).orElse(defaults.enabled());
        int port = map.get("port").map(n -> Scalars.integer(n, "port", 0, 65535,
                "a TCP port (0: a free one, named in the log)", problems).orElse(defaults.port())).orElse(defaults.port());
        boolean announce = map.get("announce").flatMap(n -> Scalars.bool(n, "announce", problems)).orElse(defaults.announce());
        map.rejectUnknown(List.of("enabled", "port", "announce"));
        return new OscQueryConfig(enabled, port, announce);
    }
}
