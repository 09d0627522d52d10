package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;

import java.util.concurrent.Callable;

/** One simulated I2C bus: transactions of all devices on it are serialised, as on a real bus. */
final class SimI2CBus extends I2CBusBase {
    SimI2CBus(I2CConfig config) {
        super(config);
    }

    @Override
    public <R> R execute(I2C i2c, Callable<R> action) {
        return _execute(i2c, action);
    }
}
