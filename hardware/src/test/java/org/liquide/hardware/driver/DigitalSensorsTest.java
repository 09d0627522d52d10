package org.liquide.hardware.driver;

import com.pi4j.io.gpio.digital.PullResistance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.SimRig;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PIR and button debouncing in virtual time: the clock only moves when the test moves it. */
class DigitalSensorsTest {
    final SimRig rig = new SimRig();
    final AtomicBoolean line = new AtomicBoolean();

    @AfterEach
    void close() {
        rig.close();
    }

    PirMotionSensor pir() {
        rig.hardware.driveInput(17, line::get);
        return new PirMotionSensor(rig.board().input("pir", 17, PullResistance.PULL_DOWN), Duration.ofMillis(50),
                Duration.ofSeconds(2), rig.clock);
    }

    PushButton button() {
        rig.hardware.driveInput(27, line::get);
        return new PushButton(rig.board().input("pedal", 27, PullResistance.PULL_UP), true, Duration.ofMillis(30),
                rig.clock);
    }

    void at(long millis) {
        rig.clock.advanceNanos(millis * 1_000_000L - rig.clock.peekNanos());
    }

    @Test
    void pirIgnoresSpikesShorterThanTheDebounce() {
        PirMotionSensor pir = pir();
        line.set(true);
        at(0);
        assertFalse(pir.motion());
        at(20);
        assertFalse(pir.motion());
        line.set(false);
        at(40);
        assertFalse(pir.motion(), "a 40 ms spike is interference");
        at(3000);
        assertFalse(pir.motion());
    }

    @Test
    void pirHoldsMotionAfterTheLineDrops() {
        PirMotionSensor pir = pir();
        line.set(true);
        at(0);
        pir.motion();
        at(60);
        assertTrue(pir.motion(), "high for longer than the debounce");
        line.set(false);
        at(100);
        assertTrue(pir.motion());
        at(200);
        assertTrue(pir.motion(), "low now, but held");
        at(2090);
        assertTrue(pir.motion(), "still within 2 s of the last sample seen high (100 ms)");
        at(2110);
        assertFalse(pir.motion(), "hold time over");
    }

    @Test
    void buttonIsActiveLowAndDebounced() {
        PushButton pedal = button();
        line.set(true);
        at(0);
        assertFalse(pedal.pressed(), "pulled up: released");
        // The contact bounces for a few milliseconds when stepped on.
        boolean[] bounce = {false, true, false, true, false, false, true, false};
        for (int i = 0; i < bounce.length; i++) {
            line.set(bounce[i]);
            at(1 + i);
            assertFalse(pedal.pressed(), "bouncing at " + (1 + i) + " ms");
        }
        at(20);
        assertFalse(pedal.pressed(), "low for 13 ms only");
        at(39);
        assertTrue(pedal.pressed(), "low for 32 ms: pressed");
        line.set(true);
        at(45);
        assertTrue(pedal.pressed(), "released 6 ms ago: still pressed");
        at(80);
        assertFalse(pedal.pressed(), "released");
    }
}
