package org.liquide.hardware.sim;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.sim.visitor.ScriptedVisitors;
import org.liquide.hardware.sim.visitor.Visitor;
import org.liquide.hardware.sim.visitor.VisitorScript;
import org.liquide.hardware.time.ManualNanoClock;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisitorScriptTest {
    // Arrives at 10 s, approaches for 4 s to 600 mm, lingers 10 s touching electrode 5, on the pad, pressing the
    // switch, leaves in 3 s.
    static final Visitor ALICE = new Visitor(10_000, 4_000, 10_000, 3_000, 600, 5, true, true);

    @Test
    void aVisitorApproachesLingersAndLeaves() {
        assertEquals(Visitor.Phase.ABSENT, ALICE.phaseAt(9_999));
        assertEquals(Double.POSITIVE_INFINITY, ALICE.distanceAt(9_999));
        assertEquals(Visitor.FAR_MILLIMETRES, ALICE.distanceAt(10_000), 1e-9);
        assertEquals((Visitor.FAR_MILLIMETRES + 600) / 2, ALICE.distanceAt(12_000), 1e-9);
        assertEquals(Visitor.Phase.LINGERING, ALICE.phaseAt(14_000));
        for (long t = 14_000; t < 24_000; t += 250) {
            assertEquals(600, ALICE.distanceAt(t), 15.0, "swaying around 600 mm at " + t);
        }
        assertEquals(Visitor.Phase.LEAVING, ALICE.phaseAt(24_000));
        assertTrue(ALICE.distanceAt(25_500) > 600 && ALICE.distanceAt(25_500) < Visitor.FAR_MILLIMETRES);
        assertEquals(Visitor.Phase.ABSENT, ALICE.phaseAt(27_000));
    }

    @Test
    void scriptedStimuliFollowTheVisitorOnTheInjectedClock() {
        ManualNanoClock clock = new ManualNanoClock();
        Stimuli scene = new ScriptedVisitors(VisitorScript.of(ALICE), clock);

        clock.advanceMillis(5_000);
        assertEquals(Double.POSITIVE_INFINITY, scene.distanceMillimetres("distance"));
        assertFalse(scene.motion("presence"));
        assertEquals(0, scene.touchedElectrodes("touch"));
        double ambient = scene.lux("light");
        assertEquals(0.02, scene.volts("pad", 0), 1e-9);

        clock.advanceMillis(9_500);   // 14.5 s: lingering, switch pressed, not touching yet
        assertEquals(600, scene.distanceMillimetres("distance"), 15);
        assertTrue(scene.motion("presence"));
        assertTrue(scene.pressed("pedal"));
        assertEquals(0, scene.touchedElectrodes("touch"));
        assertEquals(2.4, scene.volts("pad", 0), 0.06);
        assertEquals(0, scene.volts("pad", 1));
        assertTrue(scene.lux("light") < ambient * 0.9, "a visitor at 60 cm shades the light sensor");

        clock.advanceMillis(4_500);   // 19 s: the middle of the linger
        assertEquals(1 << 5, scene.touchedElectrodes("touch"));
        assertFalse(scene.pressed("pedal"));

        clock.advanceMillis(10_000);  // 29 s: gone
        assertEquals(Double.POSITIVE_INFINITY, scene.distanceMillimetres("distance"));
        assertFalse(scene.motion("presence"));
    }

    @Test
    void theNearestOfSeveralVisitorsIsSeen() {
        Visitor bob = new Visitor(12_000, 2_000, 20_000, 2_000, 300, 2, false, false);
        ManualNanoClock clock = new ManualNanoClock();
        Stimuli scene = new ScriptedVisitors(VisitorScript.of(ALICE, bob), clock);
        clock.advanceMillis(19_000);
        assertEquals(300, scene.distanceMillimetres("distance"), 15);
        assertEquals(1 << 5 | 1 << 2, scene.touchedElectrodes("touch"));
    }

    @Test
    void theRandomScriptIsTheSameForTheSameSeed() {
        VisitorScript a = VisitorScript.random(42);
        VisitorScript b = VisitorScript.random(42);
        VisitorScript other = VisitorScript.random(43);
        boolean differs = false;
        for (long t = 0; t < 600_000; t += 1_000) {
            assertEquals(a.presentAt(t), b.presentAt(t), "at " + t);
            differs |= !a.presentAt(t).equals(other.presentAt(t));
        }
        assertTrue(differs, "another seed gives another scene");
    }

    @Test
    void theRandomScriptOpensWithSomeoneWalkingIn() {
        for (long seed = 1; seed <= 40; seed++) {
            List<Visitor> present = VisitorScript.random(seed).presentAt(1_500);
            assertFalse(present.isEmpty(), "seed " + seed + ": someone walks in during the first second and a half");
            assertEquals(Visitor.Phase.APPROACHING, present.getFirst().phaseAt(1_500), "seed " + seed);
        }
    }

    @Test
    void theRandomScriptKeepsVisitorsComing() {
        VisitorScript script = VisitorScript.random(7);
        var seen = new HashSet<Visitor>();
        long lastSeen = 0;
        long longestGap = 0;
        for (long t = 0; t < 3_600_000; t += 500) {
            List<Visitor> present = script.presentAt(t);
            seen.addAll(present);
            if (!present.isEmpty()) {
                longestGap = Math.max(longestGap, t - lastSeen);
                lastSeen = t;
            }
        }
        assertTrue(seen.size() > 100, "an hour brings " + seen.size() + " visitors");
        assertTrue(longestGap < 120_000, "never more than two minutes without a visitor: " + longestGap);
        assertNotEquals(0, seen.stream().filter(v -> v.touchedElectrode() >= 0).count());
    }

    @Test
    void handStimuliDefaultsAndSetters() {
        HandStimuli hand = new HandStimuli();
        assertEquals(Double.POSITIVE_INFINITY, hand.distanceMillimetres("d"));
        assertEquals(HandStimuli.DEFAULT_LUX, hand.lux("l"));
        hand.setTouched("t", 4, true).setTouched("t", 6, true).setTouched("t", 4, false);
        assertEquals(1 << 6, hand.touchedElectrodes("t"));
        hand.setVolts("pad", 2, 1.5);
        assertEquals(1.5, hand.volts("pad", 2));
        assertEquals(0, hand.volts("pad", 1));
    }
}
