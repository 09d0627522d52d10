package org.liquide.generate.worker;

import org.liquide.generate.ImageGenerator;

/** Opens a generator (possibly slowly, possibly failing); called again for each retry. */
@FunctionalInterface
public interface GeneratorSource {
    ImageGenerator open() throws Exception;
}
