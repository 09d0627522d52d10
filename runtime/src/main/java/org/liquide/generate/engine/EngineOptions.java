package org.liquide.generate.engine;

/**
 * How ONNX Runtime runs a model: the accelerator and GPU index, and its thread pools (0 lets ONNX Runtime
 * choose: one intra-op thread per physical core).
 */
public record EngineOptions(Accelerator accelerator, int deviceId, int intraOpThreads, int interOpThreads) {
    public EngineOptions {
        if (deviceId < 0 || intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("device id and thread counts must not be negative");
        }
    }

    public static EngineOptions cpu() {
        return new EngineOptions(Accelerator.CPU, 0, 0, 0);
    }

    /** Parses a device such as {@code cpu}, {@code cuda}, {@code cuda:1} or {@code tensorrt}. */
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
        return new EngineOptions(accelerator, deviceId, intra, inter);
    }

    public EngineOptions withAccelerator(Accelerator newAccelerator) {
        return new EngineOptions(newAccelerator, deviceId, intraOpThreads, interOpThreads);
    }

    public String deviceText() {
        return accelerator == Accelerator.CPU ? "cpu" : accelerator.label() + ":" + deviceId;
    }
}
