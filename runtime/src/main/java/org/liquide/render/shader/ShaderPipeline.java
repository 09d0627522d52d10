package org.liquide.render.shader;

import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.FullscreenQuad;
import org.liquide.render.gl.ShaderCompileException;
import org.liquide.render.gl.ShaderProgram;
import org.liquide.render.gl.Texture2D;
import org.liquide.sound.AudioTap;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL14C.glBlendFuncSeparate;
import static org.lwjgl.opengl.GL20C.*;

/**
 * One compiled version of a shader with everything it draws with: the program and its uniform
 * locations, a texture unit per image (inputs, imported images, pass buffers), the pass buffers and the
 * passes. {@link #render} draws a frame: all passes in order, each into its own buffer at its own size.
 * Built on the render thread; rendering allocates nothing unless a pass size changes.
 */
final class ShaderPipeline implements AutoCloseable {
    private static final Pattern STAGE = Pattern.compile("^.*?: (vertex|fragment|link) error:", Pattern.DOTALL);

    /** The line the built-in uniforms begin with; a pass's own program makes it a constant on the same line. */
    private static final String PASS_INDEX_UNIFORM = "uniform int PASSINDEX;";

    /** Each pass's program (the same one for every pass when PASSINDEX could not be compiled in). */
    private final PassProgram[] programs;
    private final FullscreenQuad quad = new FullscreenQuad();
    private final boolean customVertexShader;

    // Inputs, by their index in ShaderInputs.
    private final int inputCount;
    private final int[] inputUnit;
    private final int filterInput;

    // Imported images.
    private final Texture2D[] importTextures;
    private final int[] importUnit;

    // Pass buffers (named targets, then the unnamed output buffer when a pass has no TARGET).
    private final TargetBuffer[] targets;
    private final int[] targetUnit;

    private final Pass[] passes;
    private final Texture2D transparent;
    private final AudioTextures audio;
    private int lastWidth = -1;
    private int lastHeight = -1;

    /** A pass: its buffer, and its size expressions with the inputs they read. */
    private static final class Pass {
        TargetBuffer target;
        SizeExpression width;
        SizeExpression height;
        int[] widthInputs;
        int[] heightInputs;
        float[] widthValues;
        float[] heightValues;
        int pixelsWide;
        int pixelsHigh;
    }

    /**
     * A linked program and its uniform locations, its samplers set to the pipeline's texture units. A
     * pipeline has one per pass when PASSINDEX is compiled in as a constant: each pass's program then keeps
     * only its own branch of the shader, which matters where every branch runs (software rasterisers).
     */
    private static final class PassProgram {
        final ShaderProgram program;
        final int uPassIndex;
        final int uRenderSize;
        final int uTime;
        final int uTimeDelta;
        final int uDate;
        final int uFrameIndex;
        final int[] inputLocation;
        final int[] inputSizeLocation;
        final int[] targetSizeLocation;

        PassProgram(ShaderProgram program, ShaderInputs inputs, int[] inputUnit, Map<String, BufferedImage> images,
                    int[] importUnit, TargetBuffer[] targets, int[] targetUnit) {
            this.program = program;
            program.use();
            uPassIndex = program.uniform("PASSINDEX");
            uRenderSize = program.uniform("RENDERSIZE");
            uTime = program.uniform("TIME");
            uTimeDelta = program.uniform("TIMEDELTA");
            uDate = program.uniform("DATE");
            uFrameIndex = program.uniform("FRAMEINDEX");
            inputLocation = new int[inputUnit.length];
            inputSizeLocation = new int[inputUnit.length];
            for (int i = 0; i < inputUnit.length; i++) {
                inputLocation[i] = inputs.isActive(i) ? program.uniform(inputs.name(i)) : -1;
                inputSizeLocation[i] = -1;
                if (inputUnit[i] >= 0) {
                    glUniform1i(inputLocation[i], inputUnit[i]);
                    inputSizeLocation[i] = program.uniform("_" + inputs.name(i) + "_imgSize");
                    glUniform4f(program.uniform("_" + inputs.name(i) + "_imgRect"), 0f, 0f, 1f, 1f);
                }
            }
            int k = 0;
            for (Map.Entry<String, BufferedImage> entry : images.entrySet()) {
                glUniform1i(program.uniform(entry.getKey()), importUnit[k++]);
                glUniform2f(program.uniform("_" + entry.getKey() + "_imgSize"), entry.getValue().getWidth(), entry.getValue().getHeight());
                glUniform4f(program.uniform("_" + entry.getKey() + "_imgRect"), 0f, 0f, 1f, 1f);
            }
            targetSizeLocation = new int[targets.length];
            for (int t = 0; t < targets.length; t++) {
                targetSizeLocation[t] = -1;
                if (targetUnit[t] >= 0) {
                    glUniform1i(program.uniform(targets[t].name), targetUnit[t]);
                    targetSizeLocation[t] = program.uniform("_" + targets[t].name + "_imgSize");
                    glUniform4f(program.uniform("_" + targets[t].name + "_imgRect"), 0f, 0f, 1f, 1f);
                }
            }
        }
    }

    private ShaderPipeline(ShaderDocument document, ShaderInputs inputs, ShaderProgram[] linked, AudioTap sound) throws ShaderException {
        this.customVertexShader = document.vertex().map().preambleLines() != Integer.MAX_VALUE;
        IsfHeader header = document.header();
        int maxUnits = glGetInteger(GL_MAX_TEXTURE_IMAGE_UNITS);
        int unit = 0;

        inputCount = inputs.count();
        inputUnit = new int[inputCount];
        int filter = -1;
        for (int i = 0; i < inputCount; i++) {
            inputUnit[i] = -1;
            if (!inputs.isActive(i)) {
                continue;
            }
            String name = inputs.name(i);
            int kind = inputs.kind(i);
            if (kind == ShaderInputs.IMAGE || kind == ShaderInputs.AUDIO) {
                inputUnit[i] = unit++;
                if (name.equals(IsfHeader.FILTER_INPUT) && kind == ShaderInputs.IMAGE) {
                    filter = i;
                }
            }
        }
        filterInput = filter;

        Map<String, BufferedImage> images = document.importedImages();
        importTextures = new Texture2D[images.size()];
        importUnit = new int[images.size()];
        int k = 0;
        for (Map.Entry<String, BufferedImage> entry : images.entrySet()) {
            importTextures[k] = ImageTextures.upload(entry.getValue());
            importUnit[k] = unit++;
            k++;
        }

        Map<String, TargetBuffer> named = new LinkedHashMap<>();
        for (PassSpec pass : header.passes()) {
            if (pass.target().isPresent()) {
                String name = pass.target().get();
                TargetBuffer existing = named.get(name);
                boolean persistent = pass.persistent() || (existing != null && existing.persistent);
                boolean floating = pass.floatBuffer() || (existing != null && existing.floating);
                named.put(name, new TargetBuffer(name, persistent, floating));
            }
        }
        List<TargetBuffer> allTargets = new ArrayList<>(named.values());
        TargetBuffer output = null;
        passes = new Pass[header.passes().size()];
        Set<String> numericInputs = new HashSet<>();
        for (InputSpec spec : header.inputs()) {
            if (!(spec instanceof InputSpec.ImageInput) && !(spec instanceof InputSpec.AudioInput)
                    && !(spec instanceof InputSpec.Point2DInput) && !(spec instanceof InputSpec.ColorInput)) {
                numericInputs.add(spec.name());
            }
        }
        for (int p = 0; p < passes.length; p++) {
            PassSpec spec = header.passes().get(p);
            Pass pass = new Pass();
            if (spec.target().isPresent()) {
                pass.target = named.get(spec.target().get());
            } else {
                if (output == null) {
                    output = new TargetBuffer(null, false, spec.floatBuffer());
                    allTargets.add(output);
                }
                pass.target = output;
            }
            try {
                pass.width = spec.width().map(s -> SizeExpression.compile(s, numericInputs)).orElse(null);
                pass.height = spec.height().map(s -> SizeExpression.compile(s, numericInputs)).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new ShaderException(Diagnostic.error(document.name(), spec.line(), 0, e.getMessage()));
            }
            pass.widthInputs = indices(pass.width, inputs);
            pass.heightInputs = indices(pass.height, inputs);
            pass.widthValues = new float[pass.widthInputs.length];
            pass.heightValues = new float[pass.heightInputs.length];
            passes[p] = pass;
        }
        targets = allTargets.toArray(TargetBuffer[]::new);
        targetUnit = new int[targets.length];
        for (int t = 0; t < targets.length; t++) {
            targetUnit[t] = targets[t].name != null ? unit++ : -1;
        }
        if (unit > maxUnits) {
            throw new ShaderException(Diagnostic.error(document.name(), 0, 0, "the shader uses " + unit
                    + " images (inputs, imported images and pass buffers) but this GPU samples at most " + maxUnits));
        }
        programs = new PassProgram[linked.length];
        for (int p = 0; p < linked.length; p++) {
            programs[p] = p > 0 && linked[p] == linked[p - 1] ? programs[p - 1]
                    : new PassProgram(linked[p], inputs, inputUnit, images, importUnit, targets, targetUnit);
        }
        transparent = ImageTextures.solid(0, 0, 0, 0);
        audio = new AudioTextures(inputs, sound);
    }

    /** Compiles and sets up a document; throws with the driver's errors mapped to the artist's lines. */
    static ShaderPipeline build(ShaderDocument document, ShaderInputs inputs, AudioTap sound) throws ShaderException {
        ShaderProgram[] programs = link(document);
        try {
            return new ShaderPipeline(document, inputs, programs, sound);
        } catch (ShaderException | RuntimeException e) {
            closeAll(programs);
            throw e;
        }
    }

    /**
     * One program per pass with PASSINDEX a constant of that pass, so that each keeps only its own branch;
     * one program for every pass when there is one pass, when the shader declares PASSINDEX itself, or when
     * a pass's program does not compile (constant folding can reject what a uniform allows: the shader as
     * written is what counts, and its errors are the ones reported).
     */
    private static ShaderProgram[] link(ShaderDocument document) throws ShaderException {
        String vertex = document.vertex().source();
        String fragment = document.fragment().source();
        ShaderProgram[] programs = new ShaderProgram[document.header().passes().size()];
        if (programs.length > 1 && fragment.contains(PASS_INDEX_UNIFORM)) {
            try {
                for (int p = 0; p < programs.length; p++) {
                    String constant = "const int PASSINDEX = " + p + ";";
                    programs[p] = ShaderProgram.link(document.name() + " pass " + (p + 1),
                            vertex.replace(PASS_INDEX_UNIFORM, constant), fragment.replace(PASS_INDEX_UNIFORM, constant));
                }
                return programs;
            } catch (ShaderCompileException e) {
                closeAll(programs);
            }
        }
        try {
            Arrays.fill(programs, ShaderProgram.link(document.name(), vertex, fragment));
            return programs;
        } catch (ShaderCompileException e) {
            throw new ShaderException(diagnostics(document, e));
        }
    }

    private static void closeAll(ShaderProgram[] programs) {
        for (int p = 0; p < programs.length; p++) {
            if (programs[p] != null && (p == 0 || programs[p] != programs[p - 1])) {
                programs[p].close();
            }
            programs[p] = null;
        }
    }

    static List<Diagnostic> diagnostics(ShaderDocument document, ShaderCompileException e) {
        Matcher stage = STAGE.matcher(e.getMessage());
        String which = stage.find() ? stage.group(1) : "fragment";
        return switch (which) {
            case "vertex" -> DriverLog.map(e.log(), document.vertex().map(), "vertex");
            case "link" -> List.of(Diagnostic.error(document.name(), 0, 0, "the shaders do not link: " + e.log().strip()));
            default -> DriverLog.map(e.log(), document.fragment().map(), "fragment");
        };
    }

    private static int[] indices(SizeExpression expression, ShaderInputs inputs) {
        if (expression == null) {
            return new int[0];
        }
        String[] names = expression.inputNames();
        int[] result = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = inputs.index(names[i]);
        }
        return result;
    }

    /**
     * Takes over the persistent buffers of the version this one replaces when name and precision match,
     * so a feedback shader keeps its image across an edit.
     */
    void adoptPersistentBuffers(ShaderPipeline previous) {
        for (int t = 0; t < targets.length; t++) {
            TargetBuffer mine = targets[t];
            if (!mine.persistent || mine.name == null) {
                continue;
            }
            for (int o = 0; o < previous.targets.length; o++) {
                TargetBuffer theirs = previous.targets[o];
                if (theirs != null && theirs.persistent && mine.name.equals(theirs.name) && mine.floating == theirs.floating) {
                    for (Pass pass : passes) {
                        if (pass.target == mine) {
                            pass.target = theirs;
                        }
                    }
                    targets[t] = theirs;
                    previous.targets[o] = null;
                    mine.close();
                    break;
                }
            }
        }
    }

    /**
     * Renders one frame at this size and returns the framebuffer of the last pass. {@code inputImage} is
     * a filter's image (null for generators).
     */
    Framebuffer render(ShaderInputs inputs, int width, int height, Texture2D inputImage, ShaderTime time) {
        return render(inputs, width, height, inputImage, time, null);
    }

    /**
     * As {@link #render(ShaderInputs, int, int, Texture2D, ShaderTime)}, but when the last pass draws at the
     * render size into the unnamed output buffer, it draws into {@code composite} instead (a framebuffer
     * of this size that already holds the picture the layer goes over), blended as a normal layer at full
     * opacity: the compositor then has no copy to make. Returns {@code composite} when it did.
     */
    Framebuffer render(ShaderInputs inputs, int width, int height, Texture2D inputImage, ShaderTime time,
                       Framebuffer composite) {
        glDisable(GL_BLEND);
        glDisable(GL_DEPTH_TEST);
        audio.update();
        boolean sizeChanged = width != lastWidth || height != lastHeight;
        lastWidth = width;
        lastHeight = height;
        for (Pass pass : passes) {
            pass.pixelsWide = size(pass.width, pass.widthInputs, pass.widthValues, inputs, width, height, width, sizeChanged, pass.pixelsWide);
            pass.pixelsHigh = size(pass.height, pass.heightInputs, pass.heightValues, inputs, width, height, height, sizeChanged, pass.pixelsHigh);
        }
        // Temporary buffers do not survive frames: a pass reading one before it is drawn this frame reads black.
        for (int t = 0; t < targets.length; t++) {
            TargetBuffer target = targets[t];
            if (!target.persistent && target.allocated() && target.name != null) {
                target.clearRead();
            }
        }
        for (int p = 0; p < passes.length; p++) {
            Pass pass = passes[p];
            TargetBuffer target = pass.target;
            target.ensureSize(pass.pixelsWide, pass.pixelsHigh);
            for (int t = 0; t < targets.length; t++) {
                TargetBuffer buffer = targets[t];
                if (buffer != target && !buffer.allocated()) {
                    buffer.ensureSize(passSizeOf(buffer, width), passHeightOf(buffer, height));
                }
            }
            boolean intoComposite = p == passes.length - 1 && drawsLastPassInto(composite, width, height);
            if (intoComposite) {
                composite.bindForDrawing();
                glEnable(GL_BLEND);
                glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
            } else if (customVertexShader && target.persistent) {
                target.copyReadToWrite();
            } else {
                target.bindWrite(!target.persistent);
            }
            PassProgram program = programs[p];
            program.program.use();
            if (p == 0 || program != programs[p - 1]) {
                glUniform1f(program.uTime, time.time);
                glUniform1f(program.uTimeDelta, time.delta);
                glUniform1i(program.uFrameIndex, time.frameIndex);
                glUniform4f(program.uDate, time.year(), time.month(), time.day(), time.secondsOfDay);
                setInputs(program, inputs);
            }
            glUniform1i(program.uPassIndex, p);
            glUniform2f(program.uRenderSize, pass.pixelsWide, pass.pixelsHigh);
            // Bound right before drawing: allocating a texture above binds it on the active unit.
            bindImages(program, inputs, inputImage);
            for (int k = 0; k < importTextures.length; k++) {
                bind(importUnit[k], importTextures[k]);
            }
            for (int t = 0; t < targets.length; t++) {
                if (targetUnit[t] >= 0) {
                    TargetBuffer buffer = targets[t];
                    bind(targetUnit[t], buffer.readTexture());
                    glUniform2f(program.targetSizeLocation[t], buffer.width(), buffer.height());
                }
            }
            glActiveTexture(GL_TEXTURE0);
            quad.draw();
            if (intoComposite) {
                glDisable(GL_BLEND);
                return composite;
            }
            target.swap();
        }
        return passes[passes.length - 1].target.readFramebuffer();
    }

    /** Whether the last pass can draw straight into the composite: the unnamed output, at the render size. */
    private boolean drawsLastPassInto(Framebuffer composite, int width, int height) {
        Pass last = passes[passes.length - 1];
        return composite != null && last.target.name == null && !last.target.persistent
                && last.pixelsWide == width && last.pixelsHigh == height
                && composite.width() == width && composite.height() == height;
    }

    private void setInputs(PassProgram program, ShaderInputs inputs) {
        for (int i = 0; i < inputCount; i++) {
            int location = program.inputLocation[i];
            if (!inputs.isActive(i)) {
                continue;
            }
            switch (inputs.kind(i)) {
                case ShaderInputs.FLOAT -> glUniform1f(location, inputs.value(i));
                case ShaderInputs.LONG -> glUniform1i(location, (int) inputs.value(i));
                case ShaderInputs.BOOL -> glUniform1i(location, inputs.value(i) != 0f ? 1 : 0);
                case ShaderInputs.EVENT -> glUniform1i(location, inputs.eventPending(i) ? 1 : 0);
                case ShaderInputs.POINT -> glUniform2f(location, inputs.component(i, 0), inputs.component(i, 1));
                case ShaderInputs.COLOR -> glUniform4f(location, inputs.component(i, 0), inputs.component(i, 1),
                        inputs.component(i, 2), inputs.component(i, 3));
                default -> {
                }
            }
        }
    }

    private void bindImages(PassProgram program, ShaderInputs inputs, Texture2D inputImage) {
        for (int i = 0; i < inputCount; i++) {
            if (inputUnit[i] < 0 || !inputs.isActive(i)) {
                continue;
            }
            Texture2D texture;
            if (inputs.kind(i) == ShaderInputs.AUDIO) {
                texture = audio.texture(i);
            } else {
                texture = i == filterInput && inputImage != null ? inputImage : inputs.image(i);
                if (texture == null || !texture.hasStorage()) {
                    texture = transparent;
                }
            }
            bind(inputUnit[i], texture);
            glUniform2f(program.inputSizeLocation[i], texture.width(), texture.height());
        }
    }

    /** A pass size: the render size, or its expression re-evaluated when the render size or an input it reads changed. */
    private static int size(SizeExpression expression, int[] inputIndices, float[] lastValues, ShaderInputs inputs,
                            int width, int height, int renderSize, boolean sizeChanged, int current) {
        if (expression == null) {
            return renderSize;
        }
        boolean changed = sizeChanged || current == 0;
        for (int i = 0; i < inputIndices.length; i++) {
            float value = inputIndices[i] < 0 ? 0f : inputs.kind(inputIndices[i]) == ShaderInputs.EVENT
                    ? (inputs.eventPending(inputIndices[i]) ? 1f : 0f) : inputs.value(inputIndices[i]);
            if (value != lastValues[i]) {
                lastValues[i] = value;
                changed = true;
            }
        }
        return changed ? expression.evaluate(width, height, lastValues, renderSize) : current;
    }

    private int passSizeOf(TargetBuffer buffer, int fallback) {
        for (Pass pass : passes) {
            if (pass.target == buffer) {
                return pass.pixelsWide;
            }
        }
        return fallback;
    }

    private int passHeightOf(TargetBuffer buffer, int fallback) {
        for (Pass pass : passes) {
            if (pass.target == buffer) {
                return pass.pixelsHigh;
            }
        }
        return fallback;
    }

    /** How many programs the passes draw with: one per pass, or one for all. For tests and tools. */
    int programCount() {
        int count = 1;
        for (int p = 1; p < programs.length; p++) {
            if (programs[p] != programs[p - 1]) {
                count++;
            }
        }
        return count;
    }

    /** The size of a pass buffer ({width, height}), or null when there is none of that name. For tests and tools. */
    int[] bufferSize(String name) {
        for (TargetBuffer target : targets) {
            if (target != null && name.equals(target.name)) {
                return new int[]{target.width(), target.height()};
            }
        }
        return null;
    }

    private static void bind(int unit, Texture2D texture) {
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_2D, texture.id());
    }

    @Override
    public void close() {
        quad.close();
        ShaderProgram[] linked = new ShaderProgram[programs.length];
        for (int p = 0; p < programs.length; p++) {
            linked[p] = programs[p].program;
        }
        closeAll(linked);
        for (Texture2D texture : importTextures) {
            texture.close();
        }
        for (TargetBuffer target : targets) {
            if (target != null) {
                target.close();
            }
        }
        transparent.close();
        audio.close();
    }
}
