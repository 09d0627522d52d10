package org.liquide.hardware.node;

import com.pi4j.io.i2c.I2C;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.Mpr121Config;
import org.liquide.hardware.testing.SimRig;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A failed read is logged in full words: Pi4J's own lock timeout comes with its placeholders unfilled. */
class ReadFailureTest {
    @Test
    void aBusHeldTooLongIsNamedWithItsNumberAndTimeout() throws Exception {
        Mpr121Config touch = new Mpr121Config("touch", 20, new I2cAddress(3, 0x5A),
                Mpr121Config.DEFAULT_TOUCH_THRESHOLD, Mpr121Config.DEFAULT_RELEASE_THRESHOLD);
        try (SimRig rig = new SimRig()) {
            I2C holder = rig.board().i2c("holder", 3, 0x5B);
            I2C reader = rig.board().i2c("touch", 3, 0x5A);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread other = Thread.ofPlatform().start(() -> holder.execute(() -> {
                held.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            try {
                assertTrue(held.await(10, TimeUnit.SECONDS));
                RuntimeException failure = assertThrows(RuntimeException.class, () -> reader.readRegister(0x00));
                String text = ReadFailure.describe(failure, touch);
                assertFalse(text.contains("{0}"), text);
                assertTrue(text.contains("I2C bus 3 stayed busy for more than 1000 milliseconds"), text);
            } finally {
                release.countDown();
                other.join(10_000);
            }
        }
    }

    @Test
    void otherFailuresKeepTheirMessageAndCauses() {
        Mpr121Config touch = new Mpr121Config("touch", 20, new I2cAddress(1, 0x5A),
                Mpr121Config.DEFAULT_TOUCH_THRESHOLD, Mpr121Config.DEFAULT_RELEASE_THRESHOLD);
        RuntimeException failure = new IllegalStateException("no answer", new RuntimeException("NACK"));
        assertEquals("no answer <- NACK", ReadFailure.describe(failure, touch));
    }
}
