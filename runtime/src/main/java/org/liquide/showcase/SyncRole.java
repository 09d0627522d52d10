package org.liquide.showcase;

/**
 * How a runtime shares the show with the other runtimes of its showcase on the broker.
 * Every role follows the commands it receives and publishes its operator's scene switches, blackout,
 * sleep and wake; they differ in who drives the playlist.
 */
public enum SyncRole {
    /** Each runtime rotates its own playlist; only operator actions are shared. */
    PEER,
    /** Every scene this runtime shows, its playlist's and attract changes included, is published. */
    LEAD,
    /** Shows what the leader or an operator says; its playlist does not rotate by itself. */
    FOLLOW;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
