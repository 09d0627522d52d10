package org.liquide.hardware.wire;

/** What {@link ReadingCodec#decode} made of a message: a reading, or the reason it was dropped. */
public sealed interface DecodeResult permits DecodeResult.Accepted, DecodeResult.Rejected {

    record Accepted(SensorReading reading) implements DecodeResult {
    }

    /** @param detail a short human-readable explanation, for logs; never the raw payload */
    record Rejected(RejectReason reason, String detail) implements DecodeResult {
    }
}
