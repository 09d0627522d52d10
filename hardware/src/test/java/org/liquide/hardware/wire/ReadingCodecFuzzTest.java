package org.liquide.hardware.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Garbage in, a verdict out: random bytes and mutations of valid payloads never make the decoder throw or hang,
 * and whatever it accepts is a reading that encodes back to an acceptable payload.
 */
class ReadingCodecFuzzTest {
    static final String TOPIC = "liquide/sensors/table/touch";
    static final String[] VALID = {
            "{\"t\":1767225600000,\"v\":412}",
            "{\"t\":1767225600000,\"v\":-3.25e-2}",
            "{\"t\":1767225600000,\"v\":true}",
            "{\"v\":[0,1,0,0,1,0,0,0,0,0,0,1],\"t\":1767225600000}",
            "{ \"t\" : 1767225600000 , \"v\" : [ ] }",
    };
    static final byte[] INTERESTING = "{}[]\",:-+.eE0123456789tvnulltruefalseNaNInfinity \\\u00e9".getBytes(StandardCharsets.UTF_8);

    @Test
    void randomBytesNeverThrowNorHang() {
        Random random = new Random(20270115);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 50_000; i++) {
                byte[] payload = new byte[random.nextInt(i % 100 == 0 ? 6000 : 80)];
                if (random.nextBoolean()) {
                    random.nextBytes(payload);
                } else {
                    for (int j = 0; j < payload.length; j++) {
                        payload[j] = INTERESTING[random.nextInt(INTERESTING.length)];
                    }
                }
                check(payload);
            }
        });
    }

    @Test
    void mutatedValidPayloadsNeverThrowNorHang() {
        Random random = new Random(1789);
        int accepted = 0;
        int rejected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 50_000; i++) {
            byte[] payload = mutate(VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.UTF_8), random);
            if (check(payload) instanceof DecodeResult.Accepted) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "decoding took too long");
        // Both outcomes occur: the mutations explore around the valid shape rather than only breaking it.
        assertTrue(accepted > 100, "accepted " + accepted);
        assertTrue(rejected > 100, "rejected " + rejected);
    }

    private static DecodeResult check(byte[] payload) {
        DecodeResult result = ReadingCodec.decode(TOPIC, payload);
        assertNotNull(result);
        if (result instanceof DecodeResult.Accepted(SensorReading reading)) {
            DecodeResult again = ReadingCodec.decode(TOPIC, ReadingCodec.encode(reading));
            assertEquals(new DecodeResult.Accepted(reading), again);
        } else {
            DecodeResult.Rejected rejected = (DecodeResult.Rejected) result;
            assertNotNull(rejected.reason());
            assertNotNull(rejected.detail());
        }
        return result;
    }

    private static byte[] mutate(byte[] payload, Random random) {
        byte[] out = payload.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                case 3 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> {
                    // Digits are where most valid variations live.
                    out[at] = (byte) ('0' + random.nextInt(10));
                }
            }
        }
        return out;
    }
}
