package org.liquide.generate.worker;

/** What a worker is doing. */
public enum WorkerStatus {
    /** Created, not started. */
    IDLE,
    /** The model is loading; the fallback generates meanwhile. */
    LOADING,
    /** The model generates. */
    RUNNING,
    /** The model failed; the fallback generates while the model is retried. */
    FALLBACK,
    /** Closed. */
    STOPPED
}
