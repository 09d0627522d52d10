package org.liquide.generate.img2img;

import org.liquide.generate.ModelContractException;
import org.liquide.generate.onnx.Dimension;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.TensorSpec;

import java.util.List;

/**
 * What an image-to-image model must look like: one float NCHW RGB input with values in [0, 1], one output
 * of the same layout. Height and width may be fixed (the image is resized to them and back) or dynamic
 * (the model runs at the requested size). float16 is accepted wherever float32 is.
 *
 * @param fixedWidth  the model's width, or {@link Dimension#DYNAMIC}
 * @param fixedHeight the model's height, or {@link Dimension#DYNAMIC}
 */
public record ImageToImageContract(TensorSpec input, TensorSpec output, long fixedWidth, long fixedHeight) {
    static final String EXPECTED = "float32[1, 3, height, width]";

    /** Checks a model's declared tensors against the contract; the error names expected and found. */
    public static ImageToImageContract check(String model, List<TensorSpec> inputs, List<TensorSpec> outputs)
            throws ModelContractException {
        String inputProblem = inputs.size() != 1 ? inputs.size() + " inputs" : problem(inputs.getFirst());
        String outputProblem = outputs.size() != 1 ? outputs.size() + " outputs" : problem(outputs.getFirst());
        if (inputProblem != null || outputProblem != null) {
            throw new ModelContractException(model + " does not fit the image-to-image contract (one float32 NCHW RGB"
                    + " input in [0, 1], one output of the same layout): expected input " + EXPECTED
                    + ", found inputs " + inputs + (inputProblem == null ? "" : " (" + inputProblem + ")")
                    + "; expected output " + EXPECTED + ", found outputs " + outputs
                    + (outputProblem == null ? "" : " (" + outputProblem + ")"));
        }
        TensorSpec input = inputs.getFirst();
        return new ImageToImageContract(input, outputs.getFirst(), input.size(3), input.size(2));
    }

    private static String problem(TensorSpec tensor) {
        if (tensor.type() != ElementType.FLOAT32 && tensor.type() != ElementType.FLOAT16) {
            return tensor.name() + " is " + tensor.type() + ", not float32";
        }
        if (tensor.rank() != 4) {
            return tensor.name() + " has rank " + tensor.rank() + ", not 4 (NCHW)";
        }
        if (tensor.dim(0).isFixed() && tensor.size(0) != 1) {
            return tensor.name() + " has batch " + tensor.size(0) + ", not 1";
        }
        if (tensor.dim(1).isFixed() && tensor.size(1) != 3) {
            return tensor.name() + " has " + tensor.size(1) + " channels, not 3 (RGB)";
        }
        for (int axis = 2; axis < 4; axis++) {
            if (tensor.dim(axis).isFixed() && tensor.size(axis) <= 0) {
                return tensor.name() + " has an empty dimension";
            }
        }
        return null;
    }
}
