package org.liquide.generate;

/** Hears about the steps of a (possibly long) model load. Called on the loading thread. */
public interface LoadProgress {
    LoadProgress NONE = new LoadProgress() {
        @Override
        public void begin(int steps) {
        }

        @Override
        public void step(String done) {
        }
    };

    /** The load will take this many steps. */
    void begin(int steps);

    /** One step finished. */
    void step(String done);

    /** A step begins: what is loaded or done now, shown while it lasts (a TensorRT engine build takes minutes). */
    default void starting(String what) {
    }
}
