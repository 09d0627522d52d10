package org.liquide.render.shader;

import java.util.List;

/**
 * One entry of an ISF file's {@code INPUTS} (or a uniform a plain GLSL file declares): what the show's
 * mappings can set. {@code line} is where it is declared in the artist's file (0 if unknown).
 */
public sealed interface InputSpec {

    String name();

    /** The human-readable label; the name when the file gives none. */
    String label();

    int line();

    /** The ISF type name: {@code float}, {@code point2D}, ... */
    String typeName();

    /** A two-component value (point2D inputs). */
    record Vec2(float x, float y) {
    }

    /** A four-component value (colour inputs, RGBA). */
    record Vec4(float r, float g, float b, float a) {
    }

    /** A momentary button: true for exactly one frame after it fires. */
    record EventInput(String name, String label, int line) implements InputSpec {
        public String typeName() {
            return "event";
        }
    }

    record BoolInput(String name, String label, int line, boolean defaultValue) implements InputSpec {
        public String typeName() {
            return "bool";
        }
    }

    /**
     * A choice: {@code values} with their {@code labels} (a pop-up menu), or an integer between
     * {@code min} and {@code max}. With values, min and max are their smallest and largest.
     */
    record LongInput(String name, String label, int line, int defaultValue, int min, int max,
                     List<Integer> values, List<String> labels) implements InputSpec {
        public LongInput {
            values = List.copyOf(values);
            labels = List.copyOf(labels);
        }

        public String typeName() {
            return "long";
        }
    }

    /** A number; min and max are infinite when the file declares none (no clamping). */
    record FloatInput(String name, String label, int line, float defaultValue, float min, float max) implements InputSpec {
        public String typeName() {
            return "float";
        }
    }

    record Point2DInput(String name, String label, int line, Vec2 defaultValue, Vec2 min, Vec2 max) implements InputSpec {
        public String typeName() {
            return "point2D";
        }
    }

    record ColorInput(String name, String label, int line, Vec4 defaultValue, Vec4 min, Vec4 max) implements InputSpec {
        public String typeName() {
            return "color";
        }
    }

    /** An image; {@code inputImage} is a filter's image, the result of the layers below. */
    record ImageInput(String name, String label, int line) implements InputSpec {
        public String typeName() {
            return "image";
        }
    }

    /**
     * Audio as an image ({@code audio} waveform or {@code audioFFT} spectrum) of {@code samples} columns,
     * filled from the show's sound ({@link AudioTextures}).
     */
    record AudioInput(String name, String label, int line, boolean fft, int samples) implements InputSpec {
        public String typeName() {
            return fft ? "audioFFT" : "audio";
        }
    }
}
