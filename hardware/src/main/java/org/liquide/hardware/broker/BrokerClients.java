package org.liquide.hardware.broker;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * MQTT clients of the show (runtime, node, signals monitor) made the same way: the broker's host and port,
 * TLS for {@code mqtts://} (checked against the configured CA), and the account's credentials from its file.
 * A file that cannot be used is said once, clearly, and the client connects without it: the broker then
 * refuses, which {@link #refusal} puts into words, and the client keeps retrying with its backoff.
 */
public final class BrokerClients {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerClients.class);

    private BrokerClients() {
    }

    /** A client builder aimed at this broker, with TLS and credentials as {@code security} says. */
    public static Mqtt5ClientBuilder builder(BrokerAddress broker, BrokerSecurity security) {
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5().serverHost(broker.host()).serverPort(broker.port());
        if (broker.tls()) {
            builder = builder.sslConfig(ssl(broker, security));
        } else if (security.caFile().isPresent()) {
            LOG.warn("broker: a CA certificate is configured but {} is plain TCP; write mqtts://{}:{} to use TLS",
                    broker, broker.host(), BrokerAddress.DEFAULT_TLS_PORT);
        }
        if (security.credentialsFile().isPresent()) {
            try {
                BrokerCredentials credentials = BrokerCredentials.read(security.credentialsFile().get());
                builder = builder.simpleAuth(Mqtt5SimpleAuth.builder().username(credentials.username())
                        .password(credentials.password().getBytes(StandardCharsets.UTF_8)).build());
            } catch (IOException e) {
                LOG.error("broker: {}; connecting without credentials, which a secured broker refuses", e.getMessage());
            }
        }
        return builder;
    }

    private static MqttClientSslConfig ssl(BrokerAddress broker, BrokerSecurity security) {
        var ssl = MqttClientSslConfig.builder();
        if (security.caFile().isPresent()) {
            try {
                ssl = ssl.trustManagerFactory(trusting(security.caFile().get()));
            } catch (IOException | GeneralSecurityException e) {
                LOG.error("broker: cannot read the CA certificate {} ({}); {} is checked against the system's authorities instead",
                        security.caFile().get(), e.getMessage(), broker);
            }
        }
        return ssl.build();
    }

    /** Trusts the certificates of a PEM file (a CA made by showcase-config/mosquitto/make-ca). */
    static TrustManagerFactory trusting(java.nio.file.Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException("no certificate in it");
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** When a connection ended because the broker refused who the client is: a sentence saying so. */
    public static Optional<String> refusal(Throwable cause, BrokerSecurity security) {
        if (!(cause instanceof Mqtt5ConnAckException refused)) {
            return Optional.empty();
        }
        Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
        String account = security.credentialsFile().map(f -> "the credentials in " + f).orElse("no credentials (none configured)");
        return switch (code) {
            case BAD_USER_NAME_OR_PASSWORD -> Optional.of("the broker refused " + account + ": bad user name or password");
            case NOT_AUTHORIZED -> Optional.of("the broker refused " + account + ": not authorized");
            default -> Optional.empty();
        };
    }
}
