package org.liquide.signal;

import org.junit.jupiter.api.Test;
import org.liquide.signal.filter.Curve;
import org.liquide.signal.filter.MedianFilter;
import org.liquide.signal.filter.RangeRemap;
import org.liquide.signal.mapping.Mapping;
import org.liquide.signal.mapping.MappingEngine;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.mapping.ParameterTarget;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class MappingTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final SignalBus bus = new SignalBus(clock::get);
    private final double[] target = {Double.NaN};

    private Mapping mapping(MappingSpec spec) {
        MappingEngine engine = MappingEngine.build(List.of(spec), bus, name -> new ParameterTarget(name, v -> target[0] = v));
        return engine.mappings().getFirst();
    }

    private void publish(String name, double... values) {
        bus.publish("test", name, values, values.length, 0);
    }

    private void evaluate(Mapping mapping) {
        mapping.evaluate(clock.get(), new SignalSample());
    }

    @Test
    void aSignalSteersItsTargetThroughTheChain() {
        Mapping mapping = mapping(new MappingSpec("entree/distance", 0,
                List.of(() -> new RangeRemap(300, 2500, 1, 0, Curve.LINEAR, 1)), "generator.strength", 0.2, 2, 0));
        evaluate(mapping);
        assertTrue(mapping.stale(), "stale before anything arrived");
        assertEquals(0.2, target[0], 1e-12, "default until a reading");

        publish("entree/distance", 1400);
        evaluate(mapping);
        assertFalse(mapping.stale());
        assertEquals(0.5, target[0], 1e-12);
        assertEquals(1400, mapping.raw(), 0);
    }

    @Test
    void aSilentSignalGoesStaleAndItsMappingReturnsToTheDefault() {
        Mapping mapping = mapping(new MappingSpec("table/light", 0, List.of(), "layer.fond.opacity", 0.3, 2, 0));
        publish("table/light", 0.9);
        evaluate(mapping);
        assertEquals(0.9, target[0], 1e-12);

        clock.addAndGet(1_900 * MS);
        evaluate(mapping);
        assertFalse(mapping.stale(), "1.9 s of silence is within a 2 s timeout");
        assertEquals(0.9, target[0], 1e-12);

        clock.addAndGet(200 * MS);
        evaluate(mapping);
        assertTrue(mapping.stale(), "2.1 s of silence");
        assertEquals(0.3, target[0], 1e-12);

        publish("table/light", 0.6);
        evaluate(mapping);
        assertFalse(mapping.stale(), "a new reading revives it");
        assertEquals(0.6, target[0], 1e-12);
    }

    @Test
    void filtersRunOncePerSampleNotOncePerFrame() {
        Mapping mapping = mapping(new MappingSpec("couloir/distance", 0, List.of(() -> new MedianFilter(3)),
                "x", 0, 5, 0));
        publish("couloir/distance", 500);
        for (int frame = 0; frame < 6; frame++) {
            clock.addAndGet(16 * MS);
            evaluate(mapping);
        }
        publish("couloir/distance", 4000);
        evaluate(mapping);
        assertEquals(2250, target[0], 1e-9, "median of two real samples, not of six copies of the first");
        publish("couloir/distance", 510);
        evaluate(mapping);
        assertEquals(510, target[0], 1e-9);
    }

    @Test
    void channelsPickAValueFromAnArraySignal() {
        Mapping mapping = mapping(new MappingSpec("table/touch", 3, List.of(), "x", -1, 5, 0));
        publish("table/touch", 0, 0, 0, 1, 0);
        evaluate(mapping);
        assertEquals(1, target[0], 0);
    }

    @Test
    void glideEasesTowardsEachNewValueFrameByFrame() {
        Mapping mapping = mapping(new MappingSpec("osc/fader", 0, List.of(), "x", 0, 5, 0.1));
        evaluate(mapping);
        publish("osc/fader", 1);
        clock.addAndGet(100 * MS);
        evaluate(mapping);
        assertEquals(1 - Math.exp(-1), target[0], 1e-9, "after one time constant");
    }

    @Test
    void risingEdgeTargetsActOncePerTrigger() {
        int[] fired = new int[1];
        ParameterTarget seed = ParameterTarget.onRisingEdge("generator.seed", () -> fired[0]++);
        for (double v : new double[]{0, 1, 1, 0, 0.7, 0.2}) {
            seed.set(v);
        }
        assertEquals(2, fired[0]);
    }

    @Test
    void theBusCountsWhatItDrops() {
        assertFalse(bus.publish("mqtt", "bad", new double[]{Double.NaN}, 1, 0));
        bus.drop("mqtt", "malformed-json");
        SignalBus.SourceCounters mqtt = bus.sources().getFirst();
        assertEquals(1, mqtt.dropped("not-finite"));
        assertEquals(1, mqtt.dropped("malformed-json"));
        assertEquals(0, mqtt.accepted());
    }
}
