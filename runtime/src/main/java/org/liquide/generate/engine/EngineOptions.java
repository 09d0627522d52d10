package org.liquide.generate.engine;

/**
 * How ONNX Runtime runs a model: the accelerator asked for and GPU index, its thread pools (0 lets ONNX
 * Runtime choose: one intra-op thread per physical core), and the shape the model will run at (e.g.
 * {@code 512x512}; empty when unknown), which keeps TensorRT engines built for different sizes apart.
 */
public record EngineOptions(Accelerator accelerator, int deviceId, int intraOpThreads, int interOpThreads,
                            String shapeTag) {
    public EngineOptions {
        if (deviceId < 0 || intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("device id and thread counts must not be negative");
        }
        shapeTag = shapeTag == null ? "" : shapeTag;
    }

    public EngineOptions(Accelerator accelerator, int deviceId, int intraOpThreads, int interOpThreads) {
        this(accelerator, deviceId, intraOpThreads, interOpThreads, "");
    }

    public static EngineOptions cpu() {
        return new EngineOptions(Accelerator.CPU, 0, 0, 0);
    }

    /** Parses a device such as {@code auto}, {@code cpu}, {@code cuda}, {@code cuda:1} or {@code tensorrt}. */
    public static EngineOptions parse(String device, int intraOpThreads, int interOpThreads) {
        String text = device == null || device.isBlank() ? "cpu" : device.trim();
        int deviceId = 0;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            try {
                deviceId = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad device index in '" + device + "'");
            }
            text = text.substring(0, colon);
        }
        return new EngineOptions(Accelerator.parse(text), deviceId, intraOpThreads, interOpThreads);
    }

    public EngineOptions withThreads(int intra, int inter) {
        return new EngineOptions(accelerator, deviceId, intra, inter, shapeTag);
    }

    public EngineOptions withAccelerator(Accelerator newAccelerator) {
        return new EngineOptions(newAccelerator, deviceId, intraOpThreads, interOpThreads, shapeTag);
    }

    public EngineOptions withShapeTag(String tag) {
        return new EngineOptions(accelerator, deviceId, intraOpThreads, interOpThreads, tag);
    }

    /** What was asked for: {@code auto}, {@code cpu}, {@code cuda:0}, {@code tensorrt:1}. */
    public String deviceText() {
        return deviceText(accelerator);
    }

    /** One of the candidates on this GPU index: {@code cpu}, {@code cuda:0}, {@code tensorrt:0}. */
    public String deviceText(Accelerator on) {
        return on == Accelerator.CPU || on == Accelerator.AUTO ? on.label() : on.label() + ":" + deviceId;
    }
}
