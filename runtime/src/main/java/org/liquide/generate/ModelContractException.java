package org.liquide.generate;

import org.liquide.generate.engine.ModelLoadException;

/**
 * A model loaded but does not have the inputs and outputs its kind of generator needs. The message names
 * what was expected and what the model declares.
 */
public class ModelContractException extends ModelLoadException {
    public ModelContractException(String message) {
        super(message);
    }
}
