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
 * model. LCM-distilled UNets also take {@code timestep_cond}, the guidance-scale embedding. One call may
 * denoise a batch of latents, each at its own timestep, where the model's batch axis and timestep allow it
 * ({@link #takesBatch}).
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
    private final float[] guidance;
    private final TensorBuffer prediction;
    private final List<TensorBuffer> inputs;
    private final List<TensorBuffer> outputs;
    private final boolean scalarTimestep;
    private final List<TensorSpec> batchedInputs;
    private float[] conditioning = new float[0];
    private long[] conditioningShape = new long[0];
    /** How many copies of the conditioning the embeddings tensor holds (0: to be written again). */
    private int conditionedBatch;
    /** Shapes for a batch, filled in place: a call allocates nothing. */
    private final long[] sampleShape = new long[4];
    private final long[] timestepShape = new long[1];
    private final long[] embeddingsShape = new long[3];
    private final long[] condShape = new long[2];

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
        List<TensorSpec> batched = new ArrayList<>(List.of(sampleSpec, timestepSpec, embeddingSpec));
        if (condSpec != null) {
            long dim = condSpec.size(1) > 0 ? condSpec.size(1) : 256;
            this.timestepCond = session.bufferFor(condSpec).reshape(1, dim);
            this.guidance = guidanceEmbedding((int) dim, LCM_GUIDANCE_SCALE - 1f);
            timestepCond.setFloats(guidance, guidance.length);
            in.add(timestepCond);
            batched.add(condSpec);
        } else {
            this.timestepCond = null;
            this.guidance = null;
        }
        this.batchedInputs = List.copyOf(batched);
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
     * True when one call can denoise {@code batch} latents, each at its own timestep: the timestep is a
     * vector, and every input's first axis is free or exactly that size.
     */
    boolean takesBatch(int batch) {
        if (batch == 1) {
            return true;
        }
        if (scalarTimestep) {
            return false;
        }
        for (TensorSpec input : batchedInputs) {
            long size = input.size(0);
            if (size > 0 && size != batch) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets the prompt embeddings the next {@link #predict} calls attend to. They stay in the model's input
     * tensor across steps and images: written again only when the prompt blend moves or the batch changes.
     * The array is read at the next call, not copied now.
     */
    void condition(float[] promptEmbeddings, long[] embeddingShape) {
        conditioning = promptEmbeddings;
        conditioningShape = embeddingShape;
        conditionedBatch = 0;
    }

    /**
     * Runs the UNet once on {@code batch} latents: {@code latents[k] · scales[k]} (each of shape
     * {@code latentShape}, [1, c, h, w]) at timestep {@code timesteps[k]}, conditioned on the embeddings last
     * {@link #condition set}; writes each prediction to {@code out[k]}.
     */
    void predict(float[][] latents, int[] timesteps, float[] scales, int batch, long[] latentShape, float[][] out) {
        if (!takesBatch(batch)) {
            throw new IllegalArgumentException(session.name() + " takes one latent per call, not " + batch);
        }
        int count = (int) (latentShape[1] * latentShape[2] * latentShape[3]);
        sampleShape[0] = batch;
        System.arraycopy(latentShape, 1, sampleShape, 1, 3);
        sample.reshape(sampleShape);
        for (int k = 0; k < batch; k++) {
            sample.setFloatsScaledAt(k * count, latents[k], count, scales[k]);
        }
        if (scalarTimestep) {
            timestep.setLong(0, timesteps[0]);
        } else {
            timestepShape[0] = batch;
            timestep.reshape(timestepShape);
            for (int k = 0; k < batch; k++) {
                timestep.setLong(k, timesteps[k]);
            }
        }
        if (conditionedBatch != batch) {
            writeConditioning(batch);
        }
        session.run(inputs, outputs);
        if (prediction.elementCount() != sample.elementCount()) {
            throw new IllegalStateException("unet produced " + prediction + " for a sample of " + sample);
        }
        for (int k = 0; k < batch; k++) {
            prediction.getFloatsAt(k * count, out[k], count);
        }
    }

    /** The conditioning, and the guidance embedding where there is one, once per latent of the batch. */
    private void writeConditioning(int batch) {
        int length = (int) (conditioningShape[1] * conditioningShape[2]);
        embeddingsShape[0] = batch;
        System.arraycopy(conditioningShape, 1, embeddingsShape, 1, 2);
        embeddings.reshape(embeddingsShape);
        for (int k = 0; k < batch; k++) {
            embeddings.setFloatsAt(k * length, conditioning, length);
        }
        if (timestepCond != null) {
            condShape[0] = batch;
            condShape[1] = guidance.length;
            timestepCond.reshape(condShape);
            for (int k = 0; k < batch; k++) {
                timestepCond.setFloatsAt(k * guidance.length, guidance, guidance.length);
            }
        }
        conditionedBatch = batch;
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
    private static float[] guidanceEmbedding(int dim, float w) {
        float[] embedding = new float[dim];
        int half = dim / 2;
        double scaled = w * 1000.0;
        double step = Math.log(10000.0) / Math.max(1, half - 1);
        for (int i = 0; i < half; i++) {
            double angle = scaled * Math.exp(-step * i);
            embedding[i] = (float) Math.sin(angle);
            embedding[half + i] = (float) Math.cos(angle);
        }
        return embedding;
    }
}
