package org.liquide.generate.provenance;

import java.util.Optional;

/**
 * A licence as a model card's metadata names it: {@code license:} (an identifier of the Hub's list, or
 * {@code other}) and, for {@code other}, {@code license_name:}.
 */
public record Licence(String id, Optional<String> name) {
    /** No model card, or a card without {@code license:}. */
    public static final Licence UNKNOWN = new Licence("unknown", Optional.empty());

    /** {@code mit}, or {@code other: sai-nc-community}. */
    public String display() {
        return name.map(n -> id + ": " + n).orElse(id);
    }

    /** The most specific identifier: the name of an {@code other} licence, else the id. */
    public String key() {
        return name.orElse(id);
    }
}
