package org.liquide.hardware.node.config;

/** Where a chip sits: the Linux I2C bus number (1 on the Pi's header) and its 7-bit address. */
public record I2cAddress(int bus, int address) {
    public I2cAddress {
        if (bus < 0 || address < 0x03 || address > 0x77) {
            throw new IllegalArgumentException("invalid I2C bus " + bus + " or address " + address);
        }
    }

    @Override
    public String toString() {
        return String.format("bus %d address 0x%02X", bus, address);
    }
}
