package org.liquide.bench;

import java.nio.file.Path;

/**
 * A diffusers ONNX folder the generation benchmark also runs whole, on a device ({@code liquide bench
 * --model DIR --device D}): a real export, or the compute-equivalent of {@code liquide models equivalent}.
 *
 * @param folder the diffusers ONNX folder
 * @param device auto, cpu, cuda or tensorrt (cuda:1 for the second GPU)
 */
public record GenerationModel(Path folder, String device) {
    /** The id of its row: {@code diffusion-model-<device>}. */
    public String rowId() {
        return "diffusion-model-" + device.replace(':', '-');
    }
}
