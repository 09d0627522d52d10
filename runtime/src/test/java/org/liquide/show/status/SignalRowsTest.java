package org.liquide.show.status;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the panel, the soak and {@code liquide signals} say a signal comes from. */
class SignalRowsTest {
    @Test
    void theShowsOwnSignalsAreNotSensorReadings() {
        assertEquals("sensor", SignalRows.source("entree/presence"));
        assertEquals("osc", SignalRows.source("fader1"));
        assertEquals("vision", SignalRows.source("vision/salle/motion"));
        assertEquals("audio", SignalRows.source("audio/room/level"), "an audio input's level keeps coming when the sensors' broker is down");
        assertEquals("midi", SignalRows.source("midi/nanokontrol/cc/7"));
        assertEquals("sensor", SignalRows.source("audiotheque/presence"), "a node whose name starts like a source's");
    }
}
