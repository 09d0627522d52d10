package org.liquide.hardware.testing;

import org.liquide.hardware.board.Board;
import org.liquide.hardware.sim.pi4j.SimulatedHardware;
import org.liquide.hardware.sim.pi4j.SimulatedPlugin;
import org.liquide.hardware.time.ManualNanoClock;

/** A simulated board in virtual time, for driver tests: wire chips into {@link #hardware} before opening IO. */
public final class SimRig implements AutoCloseable {
    public final ManualNanoClock clock;
    public final SimulatedHardware hardware = new SimulatedHardware();
    private Board board;

    public SimRig(ManualNanoClock clock) {
        this.clock = clock;
    }

    public SimRig() {
        this(new ManualNanoClock());
    }

    /** The board, a Pi4J context over the simulated plugin; created on first use. */
    public Board board() {
        if (board == null) {
            board = new Board(new SimulatedPlugin(hardware).newContext(), clock);
        }
        return board;
    }

    @Override
    public void close() {
        if (board != null) {
            board.close();
        }
    }
}
