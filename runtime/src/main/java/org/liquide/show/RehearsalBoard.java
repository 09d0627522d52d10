package org.liquide.show;

import org.liquide.hardware.wire.ReadingSink;
import org.liquide.hardware.node.SimulatedNode;
import org.liquide.hardware.node.config.Ads1115Config;
import org.liquide.hardware.node.config.Bh1750Config;
import org.liquide.hardware.node.config.ButtonConfig;
import org.liquide.hardware.node.config.HcSr04Config;
import org.liquide.hardware.node.config.Mpr121Config;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.PirConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.config.Vl53l0xConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.sim.HandStimuli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * Simulated sensor nodes played by hand (the control panel's rehearsal sliders): each node runs its
 * simulated board and drivers in-process exactly as on a Pi, and a slider sets what the sensor "sees"
 * (a distance, a touch, a light level), so the signal arrives through the real driver path.
 * Signal names are {@code <node>/<sensor>} ({@code <node>/<sensor>/<electrode or channel>} for touch and
 * ADC channels).
 */
public final class RehearsalBoard implements AutoCloseable {
    private final HandStimuli hand = new HandStimuli();
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final Map<String, DoubleConsumer> controls = new ConcurrentHashMap<>();

    public RehearsalBoard(List<NodeConfig> configs, ReadingSink sink) {
        for (NodeConfig config : configs) {
            for (SensorConfig sensor : config.sensors()) {
                register(config.node(), sensor);
            }
            nodes.add(SimulatedNode.start(config, sink, hand));
        }
    }

    private void register(String node, SensorConfig sensor) {
        String name = node + "/" + sensor.name();
        switch (sensor) {
            case PirConfig pir -> controls.put(name, v -> hand.setMotion(pir.name(), v >= 0.5));
            case ButtonConfig button -> controls.put(name, v -> hand.setPressed(button.name(), v >= 0.5));
            case HcSr04Config ultrasonic -> controls.put(name, v -> hand.setDistanceMillimetres(ultrasonic.name(), v));
            case Vl53l0xConfig tof -> controls.put(name, v -> hand.setDistanceMillimetres(tof.name(), v));
            case Vl53l1xConfig tof -> controls.put(name, v -> hand.setDistanceMillimetres(tof.name(), v));
            case Bh1750Config light -> controls.put(name, v -> hand.setLux(light.name(), v));
            case Mpr121Config touch -> {
                for (int electrode = 0; electrode < 12; electrode++) {
                    int e = electrode;
                    controls.put(name + "/" + e, v -> hand.setTouched(touch.name(), e, v >= 0.5));
                }
            }
            case Ads1115Config adc -> {
                for (int channel : adc.channels()) {
                    controls.put(name + "/a" + channel, v -> hand.setVolts(adc.name(), channel, v));
                }
            }
        }
    }

    /** The signals the sliders can play, sorted. */
    public List<String> signals() {
        return controls.keySet().stream().sorted().toList();
    }

    /** Sets what a sensor sees; false for a signal no simulated sensor produces. */
    public boolean set(String signal, double value) {
        DoubleConsumer control = controls.get(signal);
        if (control == null || !Double.isFinite(value)) {
            return false;
        }
        control.accept(value);
        return true;
    }

    @Override
    public void close() {
        nodes.forEach(SimulatedNode::close);
    }
}
