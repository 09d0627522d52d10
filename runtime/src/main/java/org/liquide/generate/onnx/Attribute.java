package org.liquide.generate.onnx;

/** A node attribute: a named int, float, string or list of ints or floats. */
public sealed interface Attribute {
    String name();

    static Attribute of(String name, long value) {
        return new IntValue(name, value);
    }

    static Attribute of(String name, float value) {
        return new FloatValue(name, value);
    }

    static Attribute of(String name, String value) {
        return new StringValue(name, value);
    }

    static Attribute ints(String name, long... values) {
        return new IntList(name, values.clone());
    }

    static Attribute floats(String name, float... values) {
        return new FloatList(name, values.clone());
    }

    record IntValue(String name, long value) implements Attribute {
    }

    record FloatValue(String name, float value) implements Attribute {
    }

    record StringValue(String name, String value) implements Attribute {
    }

    record IntList(String name, long[] values) implements Attribute {
    }

    record FloatList(String name, float[] values) implements Attribute {
    }
}
