package org.liquide.generate.onnx;

import java.util.List;
import java.util.stream.Collectors;

/** The name, element type and shape of a model input or output, as the model declares them. */
public record TensorSpec(String name, ElementType type, List<Dimension> shape) {
    public TensorSpec {
        shape = List.copyOf(shape);
    }

    public int rank() {
        return shape.size();
    }

    public Dimension dim(int index) {
        return shape.get(index);
    }

    /** The fixed size of a dimension, or {@link Dimension#DYNAMIC}. */
    public long size(int index) {
        return shape.get(index).size();
    }

    public String shapeText() {
        return shape.stream().map(Dimension::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return name + " " + type + shapeText();
    }
}
