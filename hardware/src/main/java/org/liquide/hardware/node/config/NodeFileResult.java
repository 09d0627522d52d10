package org.liquide.hardware.node.config;

import org.liquide.config.ConfigError;

import java.util.List;

/** A node file read: its configuration, or every error found in it. */
public sealed interface NodeFileResult permits NodeFileResult.Valid, NodeFileResult.Invalid {

    record Valid(NodeConfig config) implements NodeFileResult {
    }

    /** @param errors never empty, in file order */
    record Invalid(List<ConfigError> errors) implements NodeFileResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one error");
            }
        }
    }
}
