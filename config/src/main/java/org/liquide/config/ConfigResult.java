package org.liquide.config;

import java.util.List;

/** A configuration file read: either valid, or every error found in it. */
public sealed interface ConfigResult<T> {
    record Valid<T>(T value) implements ConfigResult<T> {
    }

    record Invalid<T>(List<ConfigError> errors) implements ConfigResult<T> {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** The errors, empty when valid. */
    default List<ConfigError> errors() {
        return this instanceof Invalid<T> invalid ? invalid.errors() : List.of();
    }
}
