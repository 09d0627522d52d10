package org.liquide.hardware.broker;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a client proves itself to the broker and checks the broker: the file of its account's credentials
 * ({@link BrokerCredentials}), and for {@code mqtts://} the CA certificate that signed the broker's (without
 * one, the system's trusted authorities).
 */
public record BrokerSecurity(Optional<Path> credentialsFile, Optional<Path> caFile) {
    /** Anonymous, and the system's authorities for TLS: a broker on loopback for a demo or a test. */
    public static final BrokerSecurity NONE = new BrokerSecurity(Optional.empty(), Optional.empty());

    public static BrokerSecurity credentials(Path file) {
        return new BrokerSecurity(Optional.of(file), Optional.empty());
    }

    public BrokerSecurity withCa(Path ca) {
        return new BrokerSecurity(credentialsFile, Optional.of(ca));
    }

    public BrokerSecurity withCredentials(Path file) {
        return new BrokerSecurity(Optional.of(file), caFile);
    }
}
