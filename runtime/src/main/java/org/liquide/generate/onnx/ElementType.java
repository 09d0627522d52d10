package org.liquide.generate.onnx;

/** Element types of ONNX tensors, with their {@code TensorProto.DataType} codes. */
public enum ElementType {
    FLOAT32(1, 4, "float32"),
    UINT8(2, 1, "uint8"),
    INT8(3, 1, "int8"),
    UINT16(4, 2, "uint16"),
    INT16(5, 2, "int16"),
    INT32(6, 4, "int32"),
    INT64(7, 8, "int64"),
    STRING(8, 0, "string"),
    BOOL(9, 1, "bool"),
    FLOAT16(10, 2, "float16"),
    FLOAT64(11, 8, "float64"),
    UINT32(12, 4, "uint32"),
    UINT64(13, 8, "uint64"),
    BFLOAT16(16, 2, "bfloat16"),
    UNKNOWN(0, 0, "unknown");

    private final int onnxCode;
    private final int byteSize;
    private final String label;

    ElementType(int onnxCode, int byteSize, String label) {
        this.onnxCode = onnxCode;
        this.byteSize = byteSize;
        this.label = label;
    }

    public static ElementType fromOnnxCode(int code) {
        for (ElementType type : values()) {
            if (type.onnxCode == code) {
                return type;
            }
        }
        return UNKNOWN;
    }

    public int onnxCode() {
        return onnxCode;
    }

    public int byteSize() {
        return byteSize;
    }

    @Override
    public String toString() {
        return label;
    }
}
