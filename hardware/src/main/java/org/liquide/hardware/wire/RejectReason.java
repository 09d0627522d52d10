package org.liquide.hardware.wire;

/** Why a received reading was dropped; the runtime keeps one counter per reason. */
public enum RejectReason {
    /** The topic is not {@code liquide/sensors/<node>/<sensor>[/<channel>]} with valid names. */
    BAD_TOPIC,
    /** The payload exceeds {@link ReadingCodec#MAX_PAYLOAD_BYTES}. */
    TOO_LARGE,
    /** Not JSON: empty, truncated, invalid UTF-8, a syntax error, or content after the object. */
    MALFORMED_JSON,
    /** Valid JSON but not an object. */
    NOT_AN_OBJECT,
    /** {@code t} or {@code v} is absent. */
    MISSING_FIELD,
    /** A field other than {@code t} and {@code v}. */
    UNKNOWN_FIELD,
    /** {@code t} or {@code v} appears twice. */
    DUPLICATE_FIELD,
    /** {@code t} is not an integer, or {@code v} is not a number, a boolean or an array of numbers. */
    WRONG_TYPE,
    /** NaN or an infinity. */
    NOT_FINITE,
    /** A number beyond {@link SensorValue#MAX_MAGNITUDE}, or a timestamp outside the accepted years. */
    OUT_OF_RANGE,
    /** An array longer than {@link SensorValue#MAX_ARRAY_LENGTH}. */
    ARRAY_TOO_LONG
}
