package org.liquide.generate.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.liquide.generate.onnx.OnnxModelInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An ONNX model before it is opened: what it is called, what it declares, how ONNX Runtime opens it, and its
 * identity, which changes when the model does (a file's path, size and modification time; the digest of a
 * model held in memory). Two sources with the same identity are the same model, which is what lets a
 * {@link SessionPool} hand a session opened for one to the other.
 */
record ModelSource(String name, String identity, String cacheName, OnnxModelInfo info, Opener opener) {

    interface Opener {
        OrtSession open(OrtEnvironment environment, SessionOptions options) throws OrtException;
    }

    static ModelSource of(Path file) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file not found: " + file);
        }
        OnnxModelInfo info;
        String identity;
        try {
            info = OnnxModelInfo.read(file);
            identity = file.toAbsolutePath() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        String cacheName = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-")
                + file.getFileName();
        return new ModelSource(file.toString(), identity, cacheName, info,
                (env, sessionOptions) -> env.createSession(file.toString(), sessionOptions));
    }

    static ModelSource of(String name, byte[] onnx) throws ModelLoadException {
        OnnxModelInfo info;
        try {
            info = OnnxModelInfo.read(ByteBuffer.wrap(onnx));
        } catch (IllegalStateException e) {
            throw new ModelLoadException(name + ": " + e.getMessage(), e);
        }
        return new ModelSource(name, name + ":" + sha256(onnx), name, info,
                (env, sessionOptions) -> env.createSession(onnx, sessionOptions));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
