package org.liquide.midi;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The panel's MIDI learn: armed for a mapping target, it binds the next control moved on any controller (a CC, a
 * key, the pitch wheel) to it. The bindings last while the runtime runs; each is reported as the mapping line to
 * write in the scenes so that it outlives a restart. Thread-safe: armed from the control panel's threads, told of
 * moves on the MIDI devices' threads.
 */
public final class MidiLearn {
    /** A control bound to a target, and the mapping a scene would write for it. */
    public record Binding(String signal, String target, Instant at) {
        public String mapping() {
            return "- {signal: " + signal + ", target: " + target + "}";
        }
    }

    /** Where learn stands. */
    public sealed interface State {
        record Idle() implements State {
        }

        record Armed(String target, Instant since) implements State {
        }

        record Learned(Binding binding) implements State {
        }
    }

    private final Consumer<Binding> onLearned;
    private final java.time.Clock clock;
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private State state = new State.Idle();

    /** @param onLearned told of each new binding, on the thread of the device whose control moved: must not wait */
    public MidiLearn(Consumer<Binding> onLearned, java.time.Clock clock) {
        this.onLearned = onLearned;
        this.clock = clock;
    }

    /** Waits for the next control moved, to bind it to {@code target} (a previous arming is replaced). */
    public synchronized State arm(String target) {
        state = new State.Armed(target, clock.instant());
        return state;
    }

    public synchronized void cancel() {
        state = new State.Idle();
    }

    public synchronized State state() {
        return state;
    }

    /** The bindings learnt since the start, oldest first. */
    public List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    /** A control moved (the controllers' receivers say so; a test may too): bound when learn is armed. */
    public void moved(String signal) {
        Binding binding;
        synchronized (this) {
            if (!(state instanceof State.Armed armed)) {
                return;
            }
            binding = new Binding(signal, armed.target(), clock.instant());
            bindings.removeIf(b -> b.target().equals(binding.target()));
            bindings.add(binding);
            state = new State.Learned(binding);
        }
        onLearned.accept(binding);
    }
}
