package org.liquide.hardware.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadingCodecTest {
    static final String TOPIC = "liquide/sensors/entree/distance";
    static final long T = 1_767_225_600_000L;

    static DecodeResult decode(String payload) {
        return ReadingCodec.decode(TOPIC, payload.getBytes(StandardCharsets.UTF_8));
    }

    static SensorReading accepted(DecodeResult result) {
        return assertInstanceOf(DecodeResult.Accepted.class, result, () -> "rejected: " + result).reading();
    }

    static RejectReason rejected(DecodeResult result) {
        return assertInstanceOf(DecodeResult.Rejected.class, result, () -> "accepted: " + result).reason();
    }

    @Test
    void encodesTheDocumentedShape() {
        assertEquals("{\"t\":1767225600000,\"v\":412}",
                new String(ReadingCodec.encode(SensorReading.of("entree", "distance", T, SensorValue.of(412)))));
        assertEquals("{\"t\":1767225600000,\"v\":2.4375}",
                new String(ReadingCodec.encode(SensorReading.of("couloir", "pad", "a0", T, SensorValue.of(2.4375)))));
        assertEquals("{\"t\":1767225600000,\"v\":true}",
                new String(ReadingCodec.encode(SensorReading.of("entree", "presence", T, SensorValue.of(true)))));
        assertEquals("{\"t\":1767225600000,\"v\":[0,1,0.5]}",
                new String(ReadingCodec.encode(SensorReading.of("table", "touch", T, SensorValue.of(0, 1, 0.5)))));
    }

    @Test
    void everyValueTypeRoundTrips() {
        for (SensorValue value : new SensorValue[]{SensorValue.of(412), SensorValue.of(-0.001), SensorValue.of(1e9),
                SensorValue.of(false), SensorValue.of(new double[0]), SensorValue.of(1, 2.5, -3)}) {
            SensorReading reading = SensorReading.of("couloir", "pad", "a3", T, value);
            SensorReading back = accepted(ReadingCodec.decode(reading.topic(), ReadingCodec.encode(reading)));
            assertEquals(reading, back);
        }
    }

    @Test
    void topicPartsComeFromTheTopic() {
        SensorReading reading = accepted(ReadingCodec.decode("liquide/sensors/couloir/pad/a1",
                "{\"v\": 1.5, \"t\": 1767225600000}".getBytes()));
        assertEquals("couloir", reading.node());
        assertEquals("pad", reading.sensor());
        assertEquals(Optional.of("a1"), reading.channel());
        assertEquals(T, reading.epochMillis());
        assertEquals(SensorValue.of(1.5), reading.value());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                           | MALFORMED_JSON",
            "'   '                                        | MALFORMED_JSON",
            "{                                            | MALFORMED_JSON",
            "'{\"t\":1767225600000,\"v\":1'               | MALFORMED_JSON",
            "'{\"t\":1767225600000,\"v\":1}}'             | MALFORMED_JSON",
            "'{\"t\":1767225600000,\"v\":1} x'            | MALFORMED_JSON",
            "'{\"t\":1767225600000,\"v\":01}'             | MALFORMED_JSON",
            "'{t:1767225600000,v:1}'                      | MALFORMED_JSON",
            "'[1767225600000, 1]'                         | NOT_AN_OBJECT",
            "'42'                                         | NOT_AN_OBJECT",
            "'\"online\"'                                 | NOT_AN_OBJECT",
            "'null'                                       | NOT_AN_OBJECT",
            "'{\"v\":1}'                                  | MISSING_FIELD",
            "'{\"t\":1767225600000}'                      | MISSING_FIELD",
            "'{}'                                         | MISSING_FIELD",
            "'{\"t\":1767225600000,\"v\":1,\"unit\":\"mm\"}' | UNKNOWN_FIELD",
            "'{\"t\":1767225600000,\"v\":1,\"v\":2}'      | DUPLICATE_FIELD",
            "'{\"t\":1767225600000,\"t\":1767225600000,\"v\":2}' | DUPLICATE_FIELD",
            "'{\"t\":\"1767225600000\",\"v\":1}'          | WRONG_TYPE",
            "'{\"t\":1767225600000.5,\"v\":1}'            | WRONG_TYPE",
            "'{\"t\":1767225600000,\"v\":\"1\"}'          | WRONG_TYPE",
            "'{\"t\":1767225600000,\"v\":null}'           | WRONG_TYPE",
            "'{\"t\":1767225600000,\"v\":{\"x\":1}}'      | WRONG_TYPE",
            "'{\"t\":1767225600000,\"v\":[1,true]}'       | WRONG_TYPE",
            "'{\"t\":1767225600000,\"v\":[[1]]}'          | WRONG_TYPE",
            "'{\"t\":1767225600000,\"v\":NaN}'            | NOT_FINITE",
            "'{\"t\":1767225600000,\"v\":Infinity}'       | NOT_FINITE",
            "'{\"t\":1767225600000,\"v\":-Infinity}'      | NOT_FINITE",
            "'{\"t\":1767225600000,\"v\":1e400}'          | NOT_FINITE",
            "'{\"t\":1767225600000,\"v\":[1,NaN]}'        | NOT_FINITE",
            "'{\"t\":1767225600000,\"v\":1e10}'           | OUT_OF_RANGE",
            "'{\"t\":1767225600000,\"v\":[0,-2e9]}'       | OUT_OF_RANGE",
            "'{\"t\":5,\"v\":1}'                          | OUT_OF_RANGE",
            "'{\"t\":-1767225600000,\"v\":1}'             | OUT_OF_RANGE",
            "'{\"t\":99999999999999999999999,\"v\":1}'    | OUT_OF_RANGE",
    })
    void rejectsWithTheReason(String payload, RejectReason reason) {
        assertEquals(reason, rejected(decode(payload)));
    }

    @Test
    void rejectsPayloadsOverTheSizeBound() {
        String padding = " ".repeat(ReadingCodec.MAX_PAYLOAD_BYTES);
        assertEquals(RejectReason.TOO_LARGE, rejected(decode("{\"t\":1767225600000,\"v\":1}" + padding)));
        String justFits = "{\"t\":1767225600000,\"v\":1}";
        justFits += " ".repeat(ReadingCodec.MAX_PAYLOAD_BYTES - justFits.length());
        accepted(decode(justFits));
    }

    @Test
    void rejectsArraysOverTheLengthBound() {
        String ok = "[" + "1,".repeat(SensorValue.MAX_ARRAY_LENGTH - 1) + "1]";
        String tooLong = "[" + "1,".repeat(SensorValue.MAX_ARRAY_LENGTH) + "1]";
        assertEquals(SensorValue.MAX_ARRAY_LENGTH,
                ((SensorValue.Vector) accepted(decode("{\"t\":1767225600000,\"v\":" + ok + "}")).value()).length());
        assertEquals(RejectReason.ARRAY_TOO_LONG, rejected(decode("{\"t\":1767225600000,\"v\":" + tooLong + "}")));
    }

    @Test
    void rejectsBadTopicsAndInvalidUtf8() {
        assertEquals(RejectReason.BAD_TOPIC, rejected(ReadingCodec.decode("liquide/sensors/Entree/distance",
                "{\"t\":1767225600000,\"v\":1}".getBytes())));
        assertEquals(RejectReason.BAD_TOPIC, rejected(ReadingCodec.decode(null, "{}".getBytes())));
        byte[] invalidUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertEquals(RejectReason.MALFORMED_JSON, rejected(ReadingCodec.decode(TOPIC, invalidUtf8)));
        assertEquals(RejectReason.MALFORMED_JSON, rejected(ReadingCodec.decode(TOPIC, null)));
    }

    @Test
    void valuesThatCannotTravelCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> SensorValue.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SensorValue.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> SensorValue.of(2e9));
        assertThrows(IllegalArgumentException.class, () -> SensorValue.of(new double[SensorValue.MAX_ARRAY_LENGTH + 1]));
        assertThrows(IllegalArgumentException.class, () -> SensorReading.of("entree", "distance", 0, SensorValue.of(1)));
    }

    @Test
    void vectorsAreImmutableValues() {
        double[] source = {1, 2};
        SensorValue.Vector vector = SensorValue.of(source);
        source[0] = 99;
        vector.values()[1] = 99;
        assertEquals(SensorValue.of(1, 2), vector);
        assertEquals(SensorValue.of(1, 2).hashCode(), vector.hashCode());
    }
}
