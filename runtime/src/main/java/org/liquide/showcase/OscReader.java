package org.liquide.showcase;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlList;
import org.liquide.config.YamlMapping;
import org.liquide.net.AddressRange;
import org.liquide.net.Senders;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;
import java.util.Optional;

/** A showcase's {@code osc:} input: where it listens, who may send it signals and commands, and OSCQuery. */
final class OscReader {
    private final Problems problems;

    OscReader(Problems problems) {
        this.problems = problems;
    }

    Optional<OscConfig> osc(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'osc'", "a mapping with host and port", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        String host = maybe.get().get("host").flatMap(n -> Scalars.text(n, "host", "an address to listen on", problems)).orElse("127.0.0.1");
        int port = maybe.get().get("port").map(n -> Scalars.integer(n, "port", 1, 65535, "a UDP port", problems).orElse(9000)).orElse(9000);
        Senders commands = maybe.get().get("commands_from").map(n -> senders(n, "commands_from")).orElse(Senders.LOOPBACK);
        Senders signals = maybe.get().get("signals_from").map(n -> senders(n, "signals_from")).orElse(commands);
        OscQueryConfig query = maybe.get().get("query").map(n -> new OscQueryReader(problems).query(n)).orElse(OscQueryConfig.DEFAULT);
        maybe.get().rejectUnknown(List.of("host", "port", "signals_from", "commands_from", "query"));
        return Optional.of(new OscConfig(host, port, signals, commands, query));
    }

    /** A list of addresses and CIDR ranges ({@code [127.0.0.1, 10.20.0.0/24]}). */
    private Senders senders(Node node, String key) {
        return new Senders(YamlList.items(node, key, item -> {
            Optional<String> text = Scalars.text(item, key, "an address or a range such as 10.20.0.0/24", problems);
            Optional<AddressRange> range = text.flatMap(AddressRange::parse);
            if (text.isPresent() && range.isEmpty()) {
                problems.at(item, "'" + key + "' takes addresses or ranges such as 10.20.0.0/24 (not names), got " + text.get());
            }
            return range;
        }, problems));
    }
}
