package org.liquide.generate.engine;

import ai.onnxruntime.OnnxTensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads an output tensor's bytes. ONNX Runtime's public accessors copy the tensor into a new heap buffer
 * on every call, which for images means megabytes of garbage per frame; its own private accessor views
 * the native memory instead. This class uses that view, and falls back to the public copy if a later
 * ONNX Runtime no longer has it.
 */
final class OutputMemory {
    private static final Logger LOG = LoggerFactory.getLogger(OutputMemory.class);
    private static final MethodHandle NATIVE_VIEW = findNativeView();

    private OutputMemory() {
    }

    /** The tensor's bytes in native order, valid while the tensor is open. */
    static ByteBuffer bytes(OnnxTensor tensor) {
        if (NATIVE_VIEW != null) {
            try {
                return ((ByteBuffer) NATIVE_VIEW.invokeExact(tensor)).order(ByteOrder.nativeOrder());
            } catch (Throwable e) {
                LOG.debug("native view of an output failed, copying instead", e);
            }
        }
        return tensor.getByteBuffer().order(ByteOrder.nativeOrder());
    }

    private static MethodHandle findNativeView() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(OnnxTensor.class, MethodHandles.lookup());
            return lookup.findVirtual(OnnxTensor.class, "getBuffer", MethodType.methodType(ByteBuffer.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("ONNX Runtime has no native tensor view; outputs are copied", e);
            return null;
        }
    }
}
