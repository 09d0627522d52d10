package org.liquide.generate.diffusion;

import org.liquide.generate.ModelContractException;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.onnx.TensorSpec;

import java.util.Arrays;
import java.util.List;

/**
 * Image to latents. Exports give either {@code latent_parameters} (mean and log-variance stacked on the
 * channel axis: the mean is taken, so the same image always encodes the same) or a single
 * {@code latent_sample}; TAESD's encoder gives the latents directly.
 */
final class VaeEncoder {
    private final String component;
    private final ModelSession session;
    private final float scale;
    private final TensorBuffer image;
    private final TensorBuffer latent;
    private final List<TensorBuffer> inputs;
    private final List<TensorBuffer> outputs;

    VaeEncoder(String component, ModelSession session, float scale) throws ModelContractException {
        this.component = component;
        this.session = session;
        this.scale = scale;
        ComponentContract contract = new ComponentContract(session.name(), session.inputs(), session.outputs());
        TensorSpec imageSpec = contract.input("sample", "float32|float16[batch, 3, height, width]", true,
                ComponentContract.FLOATS, 4);
        TensorSpec latentSpec = contract.output("latent_parameters|latent_sample",
                "float32|float16[batch, 8 or 4, height/8, width/8]", true, ComponentContract.FLOATS, 4);
        contract.check();
        this.image = session.bufferFor(imageSpec);
        this.latent = session.bufferFor(latentSpec);
        this.inputs = List.of(image);
        this.outputs = List.of(latent);
    }

    /** The input tensor shaped for an image of that size, to be written in place (planar RGB in [-1, 1]). */
    TensorBuffer image(int height, int width) {
        return image.reshape(1, 3, height, width);
    }

    /**
     * Encodes the image last written into {@link #image} into {@code out}, scaled for the UNet;
     * {@code latentShape} ([1, c, h/8, w/8]) says how many channels to keep.
     */
    void encode(long[] latentShape, float[] scratch, float[] out) {
        session.run(inputs, outputs);
        int channels = (int) latentShape[1];
        int plane = (int) (latentShape[2] * latentShape[3]);
        if (latent.dim(2) * latent.dim(3) != plane || latent.dim(1) < channels) {
            throw new IllegalStateException(component + " produced " + latent + ", expected "
                    + Arrays.toString(latentShape) + " (or twice the channels)");
        }
        latent.getFloats(scratch);
        // latent_parameters stacks mean then log-variance: the first c channels are the mean.
        for (int i = 0; i < channels * plane; i++) {
            out[i] = scratch[i] * scale;
        }
    }

    /** How many floats {@link #encode} needs as scratch: room for mean and variance. */
    static int scratchSize(long[] latentShape) {
        return (int) (2 * latentShape[1] * latentShape[2] * latentShape[3]);
    }

    ModelDescription describe() {
        return new ModelDescription(component, session.device(), session.inputs(), session.outputs());
    }
}
