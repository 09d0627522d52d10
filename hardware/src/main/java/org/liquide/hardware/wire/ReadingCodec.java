package org.liquide.hardware.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reading payload, {@code {"t": <epoch ms>, "v": <number | boolean | array of numbers>}}, both ways.
 *
 * <p>Decoding is strict and total: any byte array gives either a reading or a {@link RejectReason}, never an
 * exception, and the work is bounded by {@link #MAX_PAYLOAD_BYTES}. Fields other than {@code t} and {@code v}
 * are rejected, so a new field in the format means a new version of this class on both sides.
 */
public final class ReadingCodec {
    public static final int MAX_PAYLOAD_BYTES = 4096;

    // Non-numeric tokens are let through the tokenizer only so that they are reported as NOT_FINITE.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(4)
                    .maxNumberLength(64)
                    .maxStringLength(256)
                    .maxNameLength(64)
                    .maxDocumentLength(MAX_PAYLOAD_BYTES)
                    .build())
            .build();

    private ReadingCodec() {
    }

    public static byte[] encode(SensorReading reading) {
        return encodePayload(reading.epochMillis(), reading.value()).getBytes(StandardCharsets.UTF_8);
    }

    static String encodePayload(long epochMillis, SensorValue value) {
        StringBuilder json = new StringBuilder(32).append("{\"t\":").append(epochMillis).append(",\"v\":");
        switch (value) {
            case SensorValue.Scalar s -> appendNumber(json, s.value());
            case SensorValue.Flag f -> json.append(f.value());
            case SensorValue.Vector vector -> {
                json.append('[');
                for (int i = 0; i < vector.length(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    appendNumber(json, vector.get(i));
                }
                json.append(']');
            }
        }
        return json.append('}').toString();
    }

    private static void appendNumber(StringBuilder json, double v) {
        // Whole numbers (millimetres, raw counts) read better without ".0"; 2^53 keeps them exact.
        if (v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15) {
            json.append((long) v);
        } else {
            json.append(v);
        }
    }

    /** Decodes a message received on {@code topic}. Never throws. */
    public static DecodeResult decode(String topic, byte[] payload) {
        if (payload == null) {
            return reject(RejectReason.MALFORMED_JSON, "no payload");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return reject(RejectReason.TOO_LARGE, payload.length + " bytes; at most " + MAX_PAYLOAD_BYTES);
        }
        var parsedTopic = Topics.parseReading(topic);
        if (parsedTopic.isEmpty()) {
            return reject(RejectReason.BAD_TOPIC, "not a reading topic: " + abbreviate(topic));
        }
        ReadingTopic where = parsedTopic.get();
        try (JsonParser parser = JSON.createParser(payload)) {
            return new PayloadReader(parser).read(where);
        } catch (IOException e) {
            return reject(RejectReason.MALFORMED_JSON, firstLine(e.getMessage()));
        }
    }

    private static DecodeResult.Rejected reject(RejectReason reason, String detail) {
        return new DecodeResult.Rejected(reason, detail);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        return abbreviate(newline < 0 ? message : message.substring(0, newline));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** Reads one payload; the order of t and v does not matter. */
    private static final class PayloadReader {
        private final JsonParser parser;
        private Long time;
        private SensorValue value;

        PayloadReader(JsonParser parser) {
            this.parser = parser;
        }

        DecodeResult read(ReadingTopic where) throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return reject(RejectReason.MALFORMED_JSON, "empty payload");
            }
            if (first != JsonToken.START_OBJECT) {
                return reject(RejectReason.NOT_AN_OBJECT, "payload is a JSON " + describe(first) + ", not an object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token == null) {
                    return reject(RejectReason.MALFORMED_JSON, "unterminated object");
                }
                String name = parser.currentName();
                DecodeResult.Rejected problem = switch (name) {
                    case "t" -> time != null ? duplicate("t") : readTime();
                    case "v" -> value != null ? duplicate("v") : readValue();
                    default -> reject(RejectReason.UNKNOWN_FIELD, "unknown field '" + abbreviate(name)
                            + "'; only 't' and 'v' are allowed");
                };
                if (problem != null) {
                    return problem;
                }
            }
            if (parser.nextToken() != null) {
                return reject(RejectReason.MALFORMED_JSON, "content after the JSON object");
            }
            if (time == null) {
                return reject(RejectReason.MISSING_FIELD, "missing 't' (epoch milliseconds)");
            }
            if (value == null) {
                return reject(RejectReason.MISSING_FIELD, "missing 'v' (the value)");
            }
            return new DecodeResult.Accepted(new SensorReading(where.node(), where.sensor(), where.channel(), time, value));
        }

        private DecodeResult.Rejected readTime() throws IOException {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.VALUE_NUMBER_INT) {
                return reject(RejectReason.WRONG_TYPE, "'t' must be an integer number of epoch milliseconds, not a "
                        + describe(token));
            }
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return reject(RejectReason.OUT_OF_RANGE, "'t' is far outside the accepted years");
            }
            long t = parser.getLongValue();
            if (t < SensorReading.MIN_EPOCH_MILLIS || t > SensorReading.MAX_EPOCH_MILLIS) {
                return reject(RejectReason.OUT_OF_RANGE, "'t' " + t + " is outside 2001-09-09..2100-01-01");
            }
            time = t;
            return null;
        }

        private DecodeResult.Rejected readValue() throws IOException {
            JsonToken token = parser.nextToken();
            switch (token) {
                case VALUE_TRUE, VALUE_FALSE -> {
                    value = SensorValue.of(token == JsonToken.VALUE_TRUE);
                    return null;
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    double v = parser.getDoubleValue();
                    DecodeResult.Rejected problem = checkNumber(v, "'v'");
                    if (problem == null) {
                        value = SensorValue.of(v);
                    }
                    return problem;
                }
                case START_ARRAY -> {
                    return readArray();
                }
                case null, default -> {
                    return reject(RejectReason.WRONG_TYPE,
                            "'v' must be a number, a boolean or an array of numbers, not a " + describe(token));
                }
            }
        }

        private DecodeResult.Rejected readArray() throws IOException {
            double[] numbers = new double[8];
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                    if (token == null) {
                        return reject(RejectReason.MALFORMED_JSON, "unterminated array");
                    }
                    return reject(RejectReason.WRONG_TYPE, "'v' array holds a " + describe(token)
                            + "; only numbers are allowed");
                }
                if (count == SensorValue.MAX_ARRAY_LENGTH) {
                    return reject(RejectReason.ARRAY_TOO_LONG, "'v' array longer than "
                            + SensorValue.MAX_ARRAY_LENGTH);
                }
                double v = parser.getDoubleValue();
                DecodeResult.Rejected problem = checkNumber(v, "'v'[" + count + "]");
                if (problem != null) {
                    return problem;
                }
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, numbers.length * 2);
                }
                numbers[count++] = v;
            }
            value = SensorValue.of(Arrays.copyOf(numbers, count));
            return null;
        }

        private static DecodeResult.Rejected checkNumber(double v, String what) {
            if (!Double.isFinite(v)) {
                return reject(RejectReason.NOT_FINITE, what + " is " + v);
            }
            if (Math.abs(v) > SensorValue.MAX_MAGNITUDE) {
                return reject(RejectReason.OUT_OF_RANGE, what + " " + v + " exceeds " + SensorValue.MAX_MAGNITUDE);
            }
            return null;
        }

        private static DecodeResult.Rejected duplicate(String name) {
            return reject(RejectReason.DUPLICATE_FIELD, "'" + name + "' appears twice");
        }

        private static String describe(JsonToken token) {
            if (token == null) {
                return "nothing";
            }
            return switch (token) {
                case START_OBJECT -> "object";
                case START_ARRAY -> "array";
                case VALUE_STRING -> "string";
                case VALUE_NUMBER_INT -> "integer";
                case VALUE_NUMBER_FLOAT -> "decimal number";
                case VALUE_TRUE, VALUE_FALSE -> "boolean";
                case VALUE_NULL -> "null";
                default -> token.name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
