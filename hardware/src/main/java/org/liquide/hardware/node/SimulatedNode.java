package org.liquide.hardware.node;

import org.liquide.hardware.wire.ReadingSink;
import com.pi4j.io.gpio.digital.PullResistance;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.driver.Ads1115;
import org.liquide.hardware.driver.Bh1750;
import org.liquide.hardware.node.config.Ads1115Config;
import org.liquide.hardware.node.config.Bh1750Config;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.config.ButtonConfig;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.Mpr121Config;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.PirConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.sim.SimulatedBoard;
import org.liquide.hardware.sim.Stimuli;
import org.liquide.hardware.sim.visitor.ScriptedVisitors;
import org.liquide.hardware.sim.visitor.VisitorScript;
import org.liquide.hardware.time.NanoClock;

import java.util.List;

/**
 * A node running on the simulated board inside the calling process, publishing to any sink: the runtime's demo
 * and rehearsals use this with no broker and no hardware.
 *
 * <pre>
 * InProcessSink sink = new InProcessSink(1024);
 * try (SimulatedNode node = SimulatedNode.startDefault(sink)) {
 *     ... sink.drain() every frame ...
 * }
 * // or driven by hand (rehearsal sliders):
 * HandStimuli hand = new HandStimuli();
 * SimulatedNode node = SimulatedNode.start(config, sink, hand);
 * hand.setDistanceMillimetres("distance", 800);
 * </pre>
 */
public final class SimulatedNode implements AutoCloseable {
    /**
     * The default demo node: presence (PIR, GPIO 17), distance (VL53L1X), touch (MPR121), light (BH1750), a foot
     * switch (GPIO 27) and a pressure pad (ADS1115 input 0).
     */
    public static final NodeConfig DEFAULT_CONFIG = new NodeConfig("demo",
            new BrokerAddress("localhost", BrokerAddress.DEFAULT_PORT),
            List.of(
                    new PirConfig("presence", 10, 17, PirConfig.DEFAULT_DEBOUNCE, PirConfig.DEFAULT_HOLD),
                    new Vl53l1xConfig("distance", 10, new I2cAddress(1, 0x29), Vl53l1xConfig.DEFAULT_PERIOD),
                    new Mpr121Config("touch", 20, new I2cAddress(1, 0x5A), Mpr121Config.DEFAULT_TOUCH_THRESHOLD,
                            Mpr121Config.DEFAULT_RELEASE_THRESHOLD),
                    new Bh1750Config("light", 2, new I2cAddress(1, 0x23), Bh1750.Mode.CONTINUOUS_HIGH_RES),
                    new ButtonConfig("pedal", 50, 27, true, PullResistance.PULL_UP, ButtonConfig.DEFAULT_DEBOUNCE),
                    new Ads1115Config("pad", 10, new I2cAddress(1, 0x48), List.of(0), Ads1115.Gain.FSR_4_096,
                            Ads1115.DataRate.SPS_128)));

    /** The seed of the visitors scripted when none is given. */
    public static final long DEFAULT_SEED = 2027;

    private final Board board;
    private final SensorNode node;

    private SimulatedNode(Board board, SensorNode node) {
        this.board = board;
        this.node = node;
    }

    /** {@link #DEFAULT_CONFIG} with scripted visitors. */
    public static SimulatedNode startDefault(ReadingSink sink) {
        return start(DEFAULT_CONFIG, sink);
    }

    /** A node file's sensors with the seeded random visitors of {@link VisitorScript#random}. */
    public static SimulatedNode start(NodeConfig config, ReadingSink sink) {
        return start(config, sink, new ScriptedVisitors(VisitorScript.random(DEFAULT_SEED), NanoClock.system()));
    }

    /** A node file's sensors sensing {@code stimuli}: scripted visitors, or a {@code HandStimuli}. */
    public static SimulatedNode start(NodeConfig config, ReadingSink sink, Stimuli stimuli) {
        Board board = SimulatedBoard.forNode(config, stimuli, NanoClock.system());
        try {
            return new SimulatedNode(board, SensorNode.start(config, board, sink));
        } catch (RuntimeException e) {
            board.close();
            throw e;
        }
    }

    public NodeConfig config() {
        return node.config();
    }

    public NodeStats stats() {
        return node.stats();
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            board.close();
        }
    }
}
