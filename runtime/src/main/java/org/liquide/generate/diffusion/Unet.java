package org.liquide.generate.diffusion;

import org.liquide.generate.ModelContractException;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.ProviderChoice;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.TensorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The denoising UNet: noisy latents, a timestep and the prompt embeddings to the noise (or velocity)
 * prediction. Element types and the timestep's shape (scalar or [1]; int32, int64 or float) come from the
 * model. LCM-distilled UNets also take {@code timestep_cond}, the guidance-scale embedding.
 */
final class Unet {
    /** The guidance LCM-distilled models were trained around (diffusers' LCM pipeline default). */
    private static final float LCM_GUIDANCE_SCALE = 8f;

    private final ModelSession session;
    private final TensorSpec sampleSpec;
    private final TensorBuffer sample;
    private final TensorBuffer timestep;
    private final TensorBuffer embeddings;
    private final TensorBuffer timestepCond;
    private final TensorBuffer prediction;
    private final List<TensorBuffer> inputs;
    private final List<TensorBuffer> outputs;
    private final boolean scalarTimestep;

    Unet(ModelSession session) throws ModelContractException {
        this.session = session;
        ComponentContract contract = new ComponentContract(session.name(), session.inputs(), session.outputs());
        sampleSpec = contract.input("sample", "float32|float16[batch, 4, height/8, width/8]", false,
                ComponentContract.FLOATS, 4);
        TensorSpec timestepSpec = contract.input("timestep", "int64|int32|float32|float16[] or [1]", false,
                Set.of(ElementType.INT64, ElementType.INT32, ElementType.FLOAT32, ElementType.FLOAT16), 0, 1);
        TensorSpec embeddingSpec = contract.input("encoder_hidden_states", "float32|float16[batch, sequence, hidden]",
                false, ComponentContract.FLOATS, 3);
        TensorSpec condSpec = contract.optionalInput("timestep_cond", "float32|float16[batch, 256]",
                ComponentContract.FLOATS, 2);
        TensorSpec predictionSpec = contract.output("out_sample", "float32|float16[batch, 4, height/8, width/8]", true,
                ComponentContract.FLOATS, 4);
        long known = session.inputs().stream().filter(spec -> List.of("sample", "timestep", "encoder_hidden_states",
                "timestep_cond").contains(spec.name())).count();
        if (known != session.inputs().size()) {
            contract.problem("unexpected extra inputs (SDXL-style UNets are not supported)");
        }
        contract.check();
        this.sample = session.bufferFor(sampleSpec);
        this.timestep = session.bufferFor(timestepSpec);
        this.scalarTimestep = timestepSpec.rank() == 0;
        this.embeddings = session.bufferFor(embeddingSpec);
        this.prediction = session.bufferFor(predictionSpec);
        List<TensorBuffer> in = new ArrayList<>(List.of(sample, timestep, embeddings));
        if (condSpec != null) {
            long dim = condSpec.size(1) > 0 ? condSpec.size(1) : 256;
            this.timestepCond = session.bufferFor(condSpec).reshape(1, dim);
            guidanceEmbedding(timestepCond, (int) dim, LCM_GUIDANCE_SCALE - 1f);
            in.add(timestepCond);
        } else {
            this.timestepCond = null;
        }
        this.inputs = List.copyOf(in);
        this.outputs = List.of(prediction);
        if (scalarTimestep) {
            timestep.reshape();
        } else {
            timestep.reshape(1);
        }
    }

    /** The number of latent channels (4 for Stable Diffusion). */
    int latentChannels() {
        return sampleSpec.size(1) > 0 ? (int) sampleSpec.size(1) : 4;
    }

    /** The fixed latent height and width, or -1 when the model takes any. */
    long fixedLatentHeight() {
        return sampleSpec.size(2);
    }

    long fixedLatentWidth() {
        return sampleSpec.size(3);
    }

    /**
     * Sets the prompt embeddings the next {@link #predict} calls attend to. They stay in the model's input
     * tensor across steps and images: written again only when the prompt blend moves.
     */
    void condition(float[] promptEmbeddings, long[] embeddingShape) {
        embeddings.reshape(embeddingShape);
        embeddings.setFloats(promptEmbeddings, embeddings.elementCount());
    }

    /**
     * Runs the UNet on {@code latents · inputScale} (shape [1, c, h, w]) at {@code t}, conditioned on the
     * embeddings last {@link #condition set}; writes the prediction to {@code out}.
     */
    void predict(float[] latents, float inputScale, long[] latentShape, int t, float[] out) {
        sample.reshape(latentShape);
        sample.setFloatsScaled(latents, sample.elementCount(), inputScale);
        timestep.setLong(0, t);
        session.run(inputs, outputs);
        if (prediction.elementCount() != sample.elementCount()) {
            throw new IllegalStateException("unet produced " + prediction + " for a sample of " + sample);
        }
        prediction.getFloats(out);
    }

    String device() {
        return session.device();
    }

    ProviderChoice provider() {
        return session.provider();
    }

    ModelDescription describe() {
        return new ModelDescription("unet", session.device(), session.inputs(), session.outputs());
    }

    /** diffusers' guidance-scale embedding: sin and cos of w·1000 at geometric frequencies. */
    private static void guidanceEmbedding(TensorBuffer target, int dim, float w) {
        int half = dim / 2;
        double scaled = w * 1000.0;
        double step = Math.log(10000.0) / Math.max(1, half - 1);
        for (int i = 0; i < half; i++) {
            double angle = scaled * Math.exp(-step * i);
            target.setFloat(i, (float) Math.sin(angle));
            target.setFloat(half + i, (float) Math.cos(angle));
        }
        if (dim % 2 == 1) {
            target.setFloat(dim - 1, 0f);
        }
    }
}
