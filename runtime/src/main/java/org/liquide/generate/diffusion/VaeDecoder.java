package org.liquide.generate.diffusion;

import org.liquide.generate.ModelContractException;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.onnx.TensorSpec;

import java.util.List;

/** Latents to an image in [-1, 1] (the VAE decoder, or TAESD's). */
final class VaeDecoder {
    private final String component;
    private final ModelSession session;
    private final float scale;
    private final TensorBuffer latent;
    private final TensorBuffer image;
    private final List<TensorBuffer> inputs;
    private final List<TensorBuffer> outputs;

    VaeDecoder(String component, ModelSession session, float scale) throws ModelContractException {
        this.component = component;
        this.session = session;
        this.scale = scale;
        ComponentContract contract = new ComponentContract(session.name(), session.inputs(), session.outputs());
        TensorSpec latentSpec = contract.input("latent_sample", "float32|float16[batch, 4, height/8, width/8]", true,
                ComponentContract.FLOATS, 4);
        TensorSpec imageSpec = contract.output("sample", "float32|float16[batch, 3, height, width]", true,
                ComponentContract.FLOATS, 4);
        contract.check();
        this.latent = session.bufferFor(latentSpec);
        this.image = session.bufferFor(imageSpec);
        this.inputs = List.of(latent);
        this.outputs = List.of(image);
    }

    /**
     * Decodes latents (UNet scale) into the output tensor, planar RGB in [-1, 1] of shape [1, 3, h, w], valid
     * until the next call.
     */
    TensorBuffer decode(float[] latents, long[] latentShape) {
        latent.reshape(latentShape);
        latent.setFloatsScaled(latents, latent.elementCount(), 1f / scale);
        session.run(inputs, outputs);
        if (image.shape().length != 4 || image.dim(1) != 3) {
            throw new IllegalStateException(component + " produced " + image + ", expected [1, 3, height, width]");
        }
        return image;
    }

    ModelDescription describe() {
        return new ModelDescription(component, session.device(), session.inputs(), session.outputs());
    }
}
