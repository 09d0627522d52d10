package org.liquide.generate.diffusion;

import org.liquide.generate.ModelContractException;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.TensorSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Checks one pipeline model's declared tensors against what the pipeline needs, collecting every problem
 * so the error names all expected and found tensors at once.
 */
final class ComponentContract {
    static final Set<ElementType> FLOATS = Set.of(ElementType.FLOAT32, ElementType.FLOAT16);
    static final Set<ElementType> INTEGERS = Set.of(ElementType.INT32, ElementType.INT64);

    private final String component;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final List<String> expectedInputs = new ArrayList<>();
    private final List<String> expectedOutputs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    ComponentContract(String component, List<TensorSpec> inputs, List<TensorSpec> outputs) {
        this.component = component;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * The input with this name (or the model's only input when {@code soleAllowed}), of one of these
     * types and ranks; null (and a problem recorded) when there is none.
     */
    TensorSpec input(String name, String expected, boolean soleAllowed, Set<ElementType> types, int... ranks) {
        expectedInputs.add(name + " " + expected);
        return find(inputs, "input", name, soleAllowed, types, ranks);
    }

    /** An input the model may or may not have; checked only when present. */
    TensorSpec optionalInput(String name, String expected, Set<ElementType> types, int... ranks) {
        if (inputs.stream().noneMatch(spec -> spec.name().equals(name))) {
            return null;
        }
        return input(name, expected + " (optional)", false, types, ranks);
    }

    TensorSpec output(String name, String expected, boolean firstAllowed, Set<ElementType> types, int... ranks) {
        expectedOutputs.add(name + " " + expected);
        return find(outputs, "output", name, firstAllowed && !outputs.isEmpty(), types, ranks);
    }

    void problem(String text) {
        problems.add(text);
    }

    void check() throws ModelContractException {
        if (!problems.isEmpty()) {
            throw new ModelContractException(component + " does not fit the diffusers ONNX layout ("
                    + String.join("; ", problems) + "): expected inputs " + expectedInputs + ", found inputs "
                    + inputs + "; expected outputs " + expectedOutputs + ", found outputs " + outputs);
        }
    }

    private TensorSpec find(List<TensorSpec> specs, String kind, String name, boolean fallbackAllowed,
                            Set<ElementType> types, int... ranks) {
        TensorSpec named = specs.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        TensorSpec spec = named == null && fallbackAllowed && (specs.size() == 1 || kind.equals("output"))
                ? specs.getFirst() : named;
        if (spec == null) {
            problems.add("no " + kind + " " + name);
            return null;
        }
        if (!types.contains(spec.type())) {
            problems.add(kind + " " + spec.name() + " is " + spec.type());
            return null;
        }
        if (Arrays.stream(ranks).noneMatch(rank -> rank == spec.rank())) {
            problems.add(kind + " " + spec.name() + " has rank " + spec.rank());
            return null;
        }
        return spec;
    }
}
