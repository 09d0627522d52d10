package org.liquide.cli;

import org.liquide.generate.ModelSpec;
import picocli.CommandLine.Option;

/** Where and how a command runs a model: its device and ONNX Runtime's threads ({@code --device}, {@code --threads}). */
final class ModelRunOptions {
    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE",
            description = "auto (the fastest that loads), cpu, cuda or tensorrt (cuda:1 for the second GPU; a GPU needs the"
                    + " -Pcuda build); a device named and missing exits 2. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "ONNX Runtime intra-op threads (0: one per core). Default: ${DEFAULT-VALUE}.")
    int threads;

    /** The model, run on these options' device with these threads. */
    ModelSpec spec(String source) {
        return ModelSpec.of(source).withDevice(device).withThreads(threads, 0);
    }
}
