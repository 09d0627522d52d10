package org.liquide.generate.diffusion;

import org.liquide.generate.ModelContractException;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.onnx.TensorSpec;

import java.util.List;

/** The CLIP text encoder: token ids to the per-token embeddings the UNet attends to. */
final class TextEncoder {
    private final ModelSession session;
    private final TensorBuffer ids;
    private final TensorBuffer hidden;
    private final List<TensorBuffer> inputs;
    private final List<TensorBuffer> outputs;

    TextEncoder(ModelSession session) throws ModelContractException {
        this.session = session;
        ComponentContract contract = new ComponentContract(session.name(), session.inputs(), session.outputs());
        TensorSpec idsSpec = contract.input("input_ids", "int32|int64[batch, sequence]", false,
                ComponentContract.INTEGERS, 2);
        TensorSpec hiddenSpec = contract.output("last_hidden_state", "float32|float16[batch, sequence, hidden]",
                false, ComponentContract.FLOATS, 3);
        if (session.inputs().size() != 1) {
            contract.problem("expected input_ids as the only input");
        }
        contract.check();
        this.ids = session.bufferFor(idsSpec);
        this.hidden = session.bufferFor(hiddenSpec);
        this.inputs = List.of(ids);
        this.outputs = List.of(hidden);
    }

    /** Encodes one prompt's ids; returns the embeddings (a new array) and sets {@code shapeOut} to their shape. */
    float[] encode(long[] tokenIds, long[] shapeOut) {
        ids.reshape(1, tokenIds.length);
        for (int i = 0; i < tokenIds.length; i++) {
            ids.setLong(i, tokenIds[i]);
        }
        session.run(inputs, outputs);
        float[] embeddings = new float[hidden.elementCount()];
        hidden.getFloats(embeddings);
        System.arraycopy(hidden.shape(), 0, shapeOut, 0, 3);
        return embeddings;
    }

    ModelDescription describe() {
        return new ModelDescription("text_encoder", session.device(), session.inputs(), session.outputs());
    }
}
