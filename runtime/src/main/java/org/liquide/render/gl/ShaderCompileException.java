package org.liquide.render.gl;

/** A shader that does not compile or link; the message holds the driver's log with line numbers. */
public final class ShaderCompileException extends RuntimeException {
    private final String shaderName;
    private final String log;

    public ShaderCompileException(String shaderName, String stage, String log) {
        super(shaderName + ": " + stage + " error:\n" + (log == null ? "" : log.strip()));
        this.shaderName = shaderName;
        this.log = log == null ? "" : log.strip();
    }

    public String shaderName() {
        return shaderName;
    }

    /** The driver's log, e.g. {@code 0:12(5): error: ...} (Mesa) or {@code 0(12) : error ...} (NVIDIA). */
    public String log() {
        return log;
    }
}
