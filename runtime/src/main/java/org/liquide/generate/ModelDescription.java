package org.liquide.generate;

import org.liquide.generate.onnx.TensorSpec;

import java.util.List;

/** One model a generator runs: what it is, where it runs, what it takes and gives. */
public record ModelDescription(String component, String device, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    public ModelDescription {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
