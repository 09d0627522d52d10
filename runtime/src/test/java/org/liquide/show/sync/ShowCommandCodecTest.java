package org.liquide.show.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ShowCommandCodecTest {
    private static ShowCommandCodec.Received decode(String json) throws ShowCommandCodec.Refused {
        return ShowCommandCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandRoundTrips() throws Exception {
        for (ShowCommand command : List.of(new ShowCommand.SwitchScene("biais", 4.5), new ShowCommand.Blackout(true),
                new ShowCommand.Blackout(false), new ShowCommand.Sleep(), new ShowCommand.Wake())) {
            ShowCommandCodec.Received received = ShowCommandCodec.decode(ShowCommandCodec.encode("regie-1", command));
            assertEquals("regie-1", received.from());
            assertEquals(command, received.command());
        }
    }

    @Test
    void aShowControllerMayLeaveTheTransitionOutAndTheScenesOwnApplies() throws Exception {
        assertEquals(new ShowCommand.SwitchScene("attente", Double.NaN), decode("{\"from\":\"qlab\",\"command\":\"scene\",\"scene\":\"attente\"}").command());
        ShowCommandCodec.Received echoed = ShowCommandCodec.decode(ShowCommandCodec.encode("regie-1", new ShowCommand.SwitchScene("biais", Double.NaN)));
        assertTrue(Double.isNaN(((ShowCommand.SwitchScene) echoed.command()).transitionSeconds()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|malformed-json",
            "[1, 2]|malformed-json",
            "{\"command\":\"sleep\"}|bad-field",
            "{\"from\":\"Régie 1\",\"command\":\"sleep\"}|bad-field",
            "{\"from\":\"a\",\"command\":\"explode\"}|unknown-command",
            "{\"from\":\"a\",\"command\":\"scene\"}|bad-field",
            "{\"from\":\"a\",\"command\":\"scene\",\"scene\":\"x\",\"transition\":-1}|bad-field",
            "{\"from\":\"a\",\"command\":\"scene\",\"scene\":\"x\",\"transition\":600}|bad-field",
            "{\"from\":\"a\",\"command\":\"scene\",\"scene\":\"x\",\"transition\":\"slow\"}|bad-field",
            "{\"from\":\"a\",\"command\":\"blackout\",\"on\":\"yes\"}|bad-field",
            "{\"from\":\"a\",\"command\":\"blackout\"}|bad-field",
    })
    void badMessagesAreRefusedWithAReason(String json, String reason) {
        ShowCommandCodec.Refused refused = assertThrows(ShowCommandCodec.Refused.class, () -> decode(json));
        assertEquals(reason, refused.reason(), refused.getMessage());
    }

    @Test
    void oversizedAndEmptyPayloadsAreRefused() {
        assertEquals("bad-size", assertThrows(ShowCommandCodec.Refused.class,
                () -> ShowCommandCodec.decode(new byte[ShowCommandCodec.MAX_PAYLOAD_BYTES + 1])).reason());
        assertEquals("bad-size", assertThrows(ShowCommandCodec.Refused.class, () -> ShowCommandCodec.decode(new byte[0])).reason());
    }
}
