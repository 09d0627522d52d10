package org.liquide.render.shader;

import org.liquide.render.gl.Texture2D;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The inputs of a shader layer, as mapping targets: look an input up by name once
 * ({@link #index(String)}), then set it every frame by index without allocating. Values are clamped to
 * the input's MIN/MAX; NaN is ignored; an index of -1 (an input the shader does not have) is a no-op.
 *
 * <p>Indices stay valid across reloads: an input keeps its index for the layer's lifetime, even while a
 * new version of the shader lacks it (setting it then does nothing). A reload keeps the values the show
 * has set on inputs whose name and type remain; inputs never set take the new file's DEFAULT.
 *
 * <p>Render thread only, like the layer: mappings run in the frame tasks before the layers update.
 */
public final class ShaderInputs {
    static final int EVENT = 0;
    static final int BOOL = 1;
    static final int LONG = 2;
    static final int FLOAT = 3;
    static final int POINT = 4;
    static final int COLOR = 5;
    static final int IMAGE = 6;
    static final int AUDIO = 7;

    private String[] names = new String[0];
    private InputSpec[] specs = new InputSpec[0];
    private int[] kinds = new int[0];
    private boolean[] active = new boolean[0];
    private boolean[] touched = new boolean[0];
    private boolean[] eventPending = new boolean[0];
    private float[] values = new float[0];
    private float[] mins = new float[0];
    private float[] maxs = new float[0];
    private Texture2D[] images = new Texture2D[0];
    private int count;

    /** The index of the input with this name, or -1 when the shader has none. Not for the per-frame path. */
    public int index(String name) {
        for (int i = 0; i < count; i++) {
            if (active[i] && names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** How many indices exist (including inputs a reload removed). */
    public int count() {
        return count;
    }

    public String name(int index) {
        return names[index];
    }

    public InputSpec spec(int index) {
        return specs[index];
    }

    /** False for an input the current version of the shader no longer declares. */
    public boolean isActive(int index) {
        return index >= 0 && index < count && active[index];
    }

    /** The current inputs, in declaration order. */
    public List<InputSpec> specs() {
        java.util.ArrayList<InputSpec> current = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (active[i]) {
                current.add(specs[i]);
            }
        }
        return List.copyOf(current);
    }

    // ---- setters (render thread, allocation-free) ----

    /** Sets a float input; long inputs take it rounded, bool inputs take {@code value >= 0.5}. */
    public void setFloat(int index, float value) {
        if (!usable(index) || Float.isNaN(value)) {
            return;
        }
        int at = index * 4;
        switch (kinds[index]) {
            case FLOAT -> values[at] = clamp(value, mins[at], maxs[at]);
            case LONG -> values[at] = clamp((float) Math.rint(value), mins[at], maxs[at]);
            case BOOL -> values[at] = value >= 0.5f ? 1f : 0f;
            default -> {
                return;
            }
        }
        touched[index] = true;
    }

    public void setBool(int index, boolean value) {
        if (usable(index) && kinds[index] == BOOL) {
            values[index * 4] = value ? 1f : 0f;
            touched[index] = true;
        }
    }

    /** Sets a long input, clamped to its MIN/MAX (to the smallest and largest of its VALUES). */
    public void setLong(int index, int value) {
        if (usable(index) && kinds[index] == LONG) {
            int at = index * 4;
            values[at] = clamp(value, mins[at], maxs[at]);
            touched[index] = true;
        }
    }

    public void setPoint(int index, float x, float y) {
        if (usable(index) && kinds[index] == POINT && !Float.isNaN(x) && !Float.isNaN(y)) {
            int at = index * 4;
            values[at] = clamp(x, mins[at], maxs[at]);
            values[at + 1] = clamp(y, mins[at + 1], maxs[at + 1]);
            touched[index] = true;
        }
    }

    public void setColor(int index, float r, float g, float b, float a) {
        if (usable(index) && kinds[index] == COLOR && !Float.isNaN(r) && !Float.isNaN(g) && !Float.isNaN(b) && !Float.isNaN(a)) {
            int at = index * 4;
            values[at] = clamp(r, mins[at], maxs[at]);
            values[at + 1] = clamp(g, mins[at + 1], maxs[at + 1]);
            values[at + 2] = clamp(b, mins[at + 2], maxs[at + 2]);
            values[at + 3] = clamp(a, mins[at + 3], maxs[at + 3]);
            touched[index] = true;
        }
    }

    /** Fires an event input: the shader sees it true for exactly the next rendered frame. */
    public void fireEvent(int index) {
        if (usable(index) && kinds[index] == EVENT) {
            eventPending[index] = true;
        }
    }

    /**
     * Sets the texture an image input samples (owned by the caller, who keeps it alive); null returns
     * to transparent black. A filter's {@code inputImage} is always the layers below.
     */
    public void setImage(int index, Texture2D texture) {
        if (usable(index) && kinds[index] == IMAGE) {
            images[index] = texture;
            touched[index] = true;
        }
    }

    /**
     * Sets an input from text, as {@code --set name=value} and scene files write it: {@code 0.5} (float),
     * {@code true} (bool, event: fires), {@code 3} or one of its LABELS (long), {@code 0.2,0.8} (point2D),
     * {@code 1,0.5,0,1} or {@code #ff8000} (color). Throws IllegalArgumentException saying what was expected;
     * values outside MIN/MAX are clamped. Allocates: not for the per-frame path.
     */
    public void setFromText(int index, String text) {
        if (!isActive(index)) {
            throw new IllegalArgumentException("no such input");
        }
        String value = text.strip();
        String name = names[index];
        switch (kinds[index]) {
            case FLOAT -> setFloat(index, number(name, "float", value));
            case LONG -> setLong(index, longValue(index, value));
            case BOOL -> setBool(index, bool(name, "bool", value));
            case EVENT -> {
                if (bool(name, "event", value)) {
                    fireEvent(index);
                }
            }
            case POINT -> {
                float[] v = numbers(name, "point2D", value, 2, 2, "x,y such as 0.2,0.8");
                setPoint(index, v[0], v[1]);
            }
            case COLOR -> {
                float[] v = value.startsWith("#") ? hexColor(name, value) : numbers(name, "color", value, 3, 4, "r,g,b or r,g,b,a in 0..1 such as 1,0.5,0,1, or #rrggbb");
                setColor(index, v[0], v[1], v[2], v.length > 3 ? v[3] : 1f);
            }
            default -> throw new IllegalArgumentException("'" + name + "' is an " + specs[index].typeName()
                    + " input: give it an image file");
        }
    }

    // ---- getters ----

    /** The first component: a float, long (as float), bool or event (1 or 0), or a point's x / colour's red. */
    public float value(int index) {
        return values[index * 4];
    }

    /** Component 0 to 3 of an input's value (x, y of a point; r, g, b, a of a colour). */
    public float component(int index, int component) {
        return values[index * 4 + component];
    }

    public boolean eventPending(int index) {
        return eventPending[index];
    }

    public Texture2D image(int index) {
        return images[index];
    }

    // ---- for the pipeline ----

    int kind(int index) {
        return kinds[index];
    }

    /** Clears fired events once a frame has been rendered with them. */
    void endFrame() {
        for (int i = 0; i < count; i++) {
            eventPending[i] = false;
        }
    }

    /** Takes a (new) shader's inputs: keeps the indices and the values of the ones that remain. */
    void apply(List<InputSpec> newSpecs) {
        Arrays.fill(active, 0, count, false);
        for (InputSpec spec : newSpecs) {
            int index = -1;
            for (int i = 0; i < count; i++) {
                if (names[i].equals(spec.name())) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                index = grow();
                names[index] = spec.name();
                touched[index] = false;
            }
            int kind = kindOf(spec);
            boolean keep = touched[index] && kinds[index] == kind && specs[index] != null;
            specs[index] = spec;
            kinds[index] = kind;
            active[index] = true;
            eventPending[index] = false;
            limits(index, spec);
            if (keep) {
                int at = index * 4;
                for (int c = 0; c < 4; c++) {
                    values[at + c] = clamp(values[at + c], mins[at + c], maxs[at + c]);
                }
            } else {
                defaults(index, spec);
                touched[index] = false;
                images[index] = null;
            }
        }
    }

    /** A copy to try a new version of the shader on without touching these inputs. */
    ShaderInputs copy() {
        ShaderInputs copy = new ShaderInputs();
        copy.adopt(this);
        return copy;
    }

    /** Takes over another object's state (a copy a reload prepared), keeping this object's identity for the mappings. */
    void adopt(ShaderInputs other) {
        names = other.names.clone();
        specs = other.specs.clone();
        kinds = other.kinds.clone();
        active = other.active.clone();
        touched = other.touched.clone();
        eventPending = other.eventPending.clone();
        values = other.values.clone();
        mins = other.mins.clone();
        maxs = other.maxs.clone();
        images = other.images.clone();
        count = other.count;
    }

    private int grow() {
        if (count == names.length) {
            int size = Math.max(8, count * 2);
            names = Arrays.copyOf(names, size);
            specs = Arrays.copyOf(specs, size);
            kinds = Arrays.copyOf(kinds, size);
            active = Arrays.copyOf(active, size);
            touched = Arrays.copyOf(touched, size);
            eventPending = Arrays.copyOf(eventPending, size);
            values = Arrays.copyOf(values, size * 4);
            mins = Arrays.copyOf(mins, size * 4);
            maxs = Arrays.copyOf(maxs, size * 4);
            images = Arrays.copyOf(images, size);
        }
        return count++;
    }

    private static int kindOf(InputSpec spec) {
        return switch (spec) {
            case InputSpec.EventInput _ -> EVENT;
            case InputSpec.BoolInput _ -> BOOL;
            case InputSpec.LongInput _ -> LONG;
            case InputSpec.FloatInput _ -> FLOAT;
            case InputSpec.Point2DInput _ -> POINT;
            case InputSpec.ColorInput _ -> COLOR;
            case InputSpec.ImageInput _ -> IMAGE;
            case InputSpec.AudioInput _ -> AUDIO;
        };
    }

    private void limits(int index, InputSpec spec) {
        int at = index * 4;
        Arrays.fill(mins, at, at + 4, Float.NEGATIVE_INFINITY);
        Arrays.fill(maxs, at, at + 4, Float.POSITIVE_INFINITY);
        switch (spec) {
            case InputSpec.LongInput l -> {
                mins[at] = l.min();
                maxs[at] = l.max();
            }
            case InputSpec.FloatInput f -> {
                mins[at] = f.min();
                maxs[at] = f.max();
            }
            case InputSpec.BoolInput _, InputSpec.EventInput _ -> {
                mins[at] = 0f;
                maxs[at] = 1f;
            }
            case InputSpec.Point2DInput p -> {
                mins[at] = p.min().x();
                mins[at + 1] = p.min().y();
                maxs[at] = p.max().x();
                maxs[at + 1] = p.max().y();
            }
            case InputSpec.ColorInput c -> {
                mins[at] = c.min().r();
                mins[at + 1] = c.min().g();
                mins[at + 2] = c.min().b();
                mins[at + 3] = c.min().a();
                maxs[at] = c.max().r();
                maxs[at + 1] = c.max().g();
                maxs[at + 2] = c.max().b();
                maxs[at + 3] = c.max().a();
            }
            default -> {
            }
        }
    }

    private void defaults(int index, InputSpec spec) {
        int at = index * 4;
        Arrays.fill(values, at, at + 4, 0f);
        switch (spec) {
            case InputSpec.BoolInput b -> values[at] = b.defaultValue() ? 1f : 0f;
            case InputSpec.LongInput l -> values[at] = l.defaultValue();
            case InputSpec.FloatInput f -> values[at] = f.defaultValue();
            case InputSpec.Point2DInput p -> {
                values[at] = p.defaultValue().x();
                values[at + 1] = p.defaultValue().y();
            }
            case InputSpec.ColorInput c -> {
                values[at] = c.defaultValue().r();
                values[at + 1] = c.defaultValue().g();
                values[at + 2] = c.defaultValue().b();
                values[at + 3] = c.defaultValue().a();
            }
            default -> {
            }
        }
    }

    private boolean usable(int index) {
        return index >= 0 && index < count && active[index];
    }

    private static float clamp(float value, float min, float max) {
        return value < min ? min : value > max ? max : value;
    }

    // ---- text parsing ----

    private int longValue(int index, String value) {
        InputSpec.LongInput spec = (InputSpec.LongInput) specs[index];
        for (int i = 0; i < spec.labels().size(); i++) {
            if (spec.labels().get(i).equalsIgnoreCase(value)) {
                return spec.values().get(i);
            }
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            String choices = spec.labels().isEmpty() ? "" : " or one of " + String.join(", ", spec.labels());
            throw new IllegalArgumentException("'" + names[index] + "' is a long input: expected an integer" + choices + ", got '" + value + "'");
        }
    }

    private static float number(String name, String type, String value) {
        try {
            float parsed = Float.parseFloat(value);
            if (Float.isNaN(parsed) || Float.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is a " + type + " input: expected a number, got '" + value + "'");
        }
    }

    private static boolean bool(String name, String type, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + name + "' is a" + (type.equals("event") ? "n " : " ") + type
                    + " input: expected true or false, got '" + value + "'");
        };
    }

    private static float[] numbers(String name, String type, String value, int min, int max, String expected) {
        String[] parts = value.split(",", -1);
        if (parts.length < min || parts.length > max) {
            throw new IllegalArgumentException("'" + name + "' is a " + type + " input: expected " + expected + ", got '" + value + "'");
        }
        float[] result = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                result[i] = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + name + "' is a " + type + " input: expected " + expected + ", got '" + value + "'");
            }
        }
        return result;
    }

    private static float[] hexColor(String name, String value) {
        String hex = value.substring(1);
        if ((hex.length() != 6 && hex.length() != 8) || !hex.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("'" + name + "' is a color input: expected #rrggbb or #rrggbbaa, got '" + value + "'");
        }
        float[] result = new float[4];
        result[3] = 1f;
        for (int i = 0; i < hex.length() / 2; i++) {
            result[i] = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) / 255f;
        }
        return result;
    }
}
