package org.liquide.net;

import org.liquide.config.BadInputException;

/**
 * A port the show listens on cannot be had (taken by another program, or not allowed): which one, and
 * what moves it. Bad input like any other (exit 2): the configuration asks for a port this machine does
 * not give.
 */
public final class PortUnavailableException extends BadInputException {
    private final String what;
    private final String address;
    private final String reason;

    /**
     * @param what    who listens ("control panel", "OSC")
     * @param address protocol, host and port ("tcp 127.0.0.1:8420")
     * @param reason  what the system said ("Address already in use")
     */
    public PortUnavailableException(String what, String address, String reason, Throwable cause) {
        this(what, address, reason, "choose another port, or stop what uses it", cause);
    }

    private PortUnavailableException(String what, String address, String reason, String advice, Throwable cause) {
        super(what + ": cannot listen on " + address + " (" + reason + "): " + advice, cause);
        this.what = what;
        this.address = address;
        this.reason = reason;
    }

    /** The same failure, naming the setting that moves the port ("control.port in showcase.yaml"). */
    public PortUnavailableException movedBy(String setting) {
        return new PortUnavailableException(what, address, reason, "set " + setting + " to a free port, or stop what uses it", getCause());
    }
}
