package org.liquide.generate.hub;

import java.io.IOException;

/** A refusal from the Hub or from verification, with what the person should do about it in the message. */
public final class HubException extends IOException {
    /** What went wrong; decides the exit status and whether trying again can help. */
    public enum Kind {
        /** 401 or 403: a gated or private model without an accepted licence or a token. */
        ACCESS_DENIED,
        /** 404: no such repository, revision or file. */
        NOT_FOUND,
        /** A file's content is not what the listing promised. */
        CHECKSUM,
        /** Any other answer the client cannot use (5xx, a malformed listing). */
        SERVER
    }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying again later could succeed: server trouble yes, a refusal or a bad file no. */
    public boolean transientFailure() {
        return kind == Kind.SERVER;
    }
}
