package org.liquide.render.gl;

import static org.lwjgl.opengl.GL20C.*;

/**
 * A linked vertex + fragment program. Compile and link errors carry the driver's log, whose lines
 * refer to the fragment source as given (so an artist's shader error names their line).
 */
public final class ShaderProgram implements AutoCloseable {
    private final int id;

    private ShaderProgram(int id) {
        this.id = id;
    }

    /** Compiles and links; throws {@link ShaderCompileException} with the driver's log on failure. */
    public static ShaderProgram link(String name, String vertexSource, String fragmentSource) {
        int vertex = compile(name, GL_VERTEX_SHADER, vertexSource);
        int fragment;
        try {
            fragment = compile(name, GL_FRAGMENT_SHADER, fragmentSource);
        } catch (ShaderCompileException e) {
            glDeleteShader(vertex);
            throw e;
        }
        int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        glDetachShader(program, vertex);
        glDetachShader(program, fragment);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new ShaderCompileException(name, "link", log);
        }
        return new ShaderProgram(program);
    }

    private static int compile(String name, int stage, String source) {
        int shader = glCreateShader(stage);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new ShaderCompileException(name, stage == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
        }
        return shader;
    }

    public int id() {
        return id;
    }

    public void use() {
        glUseProgram(id);
    }

    /** The location of a uniform, or -1 when the driver optimised it away (setting -1 is a no-op in GL). */
    public int uniform(String name) {
        return glGetUniformLocation(id, name);
    }

    @Override
    public void close() {
        glDeleteProgram(id);
    }
}
