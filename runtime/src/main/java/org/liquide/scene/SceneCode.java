package org.liquide.scene;

import org.liquide.config.ConfigError;
import org.liquide.render.gl.EglOffscreenContext;
import org.liquide.render.gl.GlException;
import org.liquide.render.shader.Diagnostic;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.render.shader.ShaderLayer;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.sketch.SketchCompileException;
import org.liquide.sketch.SketchCompiler;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles what scenes run as code, as the show would: every shader through the show's own GLSL translation and
 * the driver's compiler, in an offscreen OpenGL context, and every sketch with javac. A scene file can be valid
 * YAML and still show nothing; this finds out before the show does.
 */
public final class SceneCode {
    /** Small: a shader compiles the same at any size, and its persistent buffers are allocated at this one. */
    private static final int SIZE = 64;

    /**
     * @param errors            every compile error, as {@code file:line:col: message}
     * @param shadersNotCompiled why the shaders could not be compiled here (no OpenGL), if so
     */
    public record Report(List<ConfigError> errors, Optional<String> shadersNotCompiled) {
    }

    private SceneCode() {
    }

    public static Report check(Collection<SceneDefinition> scenes) {
        Set<Path> shaders = new LinkedHashSet<>();
        List<LayerDefinition.Sketch> sketches = new ArrayList<>();
        for (SceneDefinition scene : scenes) {
            for (LayerDefinition layer : scene.layers()) {
                switch (layer) {
                    case LayerDefinition.Shader shader -> shaders.add(shader.file());
                    case LayerDefinition.Sketch sketch -> sketches.add(sketch);
                    default -> {
                    }
                }
            }
        }
        List<ConfigError> errors = new ArrayList<>();
        sketches.forEach(sketch -> errors.addAll(compile(sketch)));
        Optional<String> notCompiled = Optional.empty();
        if (!shaders.isEmpty()) {
            try (EglOffscreenContext _ = EglOffscreenContext.create()) {
                shaders.forEach(shader -> errors.addAll(compile(shader)));
            } catch (GlException e) {
                notCompiled = Optional.of(e.getMessage());
            }
        }
        return new Report(errors, notCompiled);
    }

    private static List<ConfigError> compile(LayerDefinition.Sketch sketch) {
        try {
            Class<?> type = SketchCompiler.compile(sketch.source(), sketch.className());
            if (Modifier.isPublic(type.getModifiers())) {
                type.getConstructor();
                return List.of();
            }
        } catch (SketchCompileException e) {
            return e.errors();
        } catch (NoSuchMethodException e) {
            // reported below
        }
        return List.of(new ConfigError(sketch.source().toString(), 1, 1, "class " + sketch.className()
                + " must be public, with a public constructor without arguments (the show makes it by reflection)"));
    }

    /** Must run with a GL context current. */
    private static List<ConfigError> compile(Path shader) {
        try {
            ShaderLayer.open(ShaderDocument.load(shader), SIZE, SIZE).close();
            return List.of();
        } catch (ShaderException e) {
            return e.diagnostics().stream().filter(Diagnostic::isError).map(d -> located(shader, d)).toList();
        }
    }

    /** A diagnostic names its file by name alone: the shader itself, or its companion vertex shader beside it. */
    private static ConfigError located(Path shader, Diagnostic diagnostic) {
        Path file = shader.getFileName().toString().equals(diagnostic.file()) ? shader
                : shader.resolveSibling(diagnostic.file());
        return new ConfigError(file.toString(), Math.max(1, diagnostic.line()), Math.max(1, diagnostic.column()),
                diagnostic.message());
    }
}
