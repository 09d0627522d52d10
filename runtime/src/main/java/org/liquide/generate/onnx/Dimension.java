package org.liquide.generate.onnx;

/** One dimension of a tensor shape: a fixed size, or a symbol (a size chosen at run time). */
public record Dimension(long size, String symbol) {
    public static final long DYNAMIC = -1;

    public static Dimension fixed(long size) {
        return new Dimension(size, null);
    }

    public static Dimension dynamic(String symbol) {
        return new Dimension(DYNAMIC, symbol == null || symbol.isEmpty() ? "?" : symbol);
    }

    public boolean isFixed() {
        return size >= 0;
    }

    @Override
    public String toString() {
        return isFixed() ? Long.toString(size) : symbol;
    }
}
