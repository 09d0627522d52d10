package org.liquide.render.shader;

import java.util.List;

/** What became of a new version of a shader: applied, or rejected with the previous version still rendering. */
public sealed interface ReloadResult {

    /** The new version renders from the next frame on; {@code warnings} may still deserve a look. */
    record Applied(ShaderDocument document, List<Diagnostic> warnings) implements ReloadResult {
        public Applied {
            warnings = List.copyOf(warnings);
        }
    }

    /** The new version was rejected; the layer goes on rendering the previous one. */
    record Failed(List<Diagnostic> errors) implements ReloadResult {
        public Failed {
            errors = List.copyOf(errors);
        }

        /** One {@code file:line[:col]: error: message} line per error. */
        public String report() {
            return ShaderException.report(errors);
        }
    }

    default boolean applied() {
        return this instanceof Applied;
    }
}
