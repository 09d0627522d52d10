package org.liquide.render.shader;

import java.util.List;
import java.util.Optional;

/** The JSON header of an ISF file (the leading comment), parsed. */
public record IsfHeader(String description, String credit, List<String> categories, String isfVersion,
                        String version, List<InputSpec> inputs, List<PassSpec> passes, List<ImportSpec> imports) {

    /** The name of the image input that makes a shader a filter. */
    public static final String FILTER_INPUT = "inputImage";

    public IsfHeader {
        categories = List.copyOf(categories);
        inputs = List.copyOf(inputs);
        passes = passes.isEmpty() ? List.of(PassSpec.single()) : List.copyOf(passes);
        imports = List.copyOf(imports);
    }

    /** True when the shader processes the layers below: it has an image input named {@code inputImage}. */
    public boolean isFilter() {
        return input(FILTER_INPUT).filter(InputSpec.ImageInput.class::isInstance).isPresent();
    }

    public Optional<InputSpec> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
