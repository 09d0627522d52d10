package org.liquide.render.generated;

import org.liquide.frame.PixelFormat;
import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.gl.FullscreenTriangle;
import org.liquide.render.gl.GlException;
import org.liquide.render.gl.ShaderProgram;
import org.liquide.render.gl.Texture2D;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL30C.*;

/**
 * The built-in generator drawn on the GPU: flowing, domain-warped noise whose palette and flow follow
 * the latent vector, warped by the camera's brightness and tinted by its colours as {@code cameraMix}
 * rises. It renders at a generator's pace (a few images per second) so the layer's crossfade is the
 * same as for a model, and needs no weights.
 */
public final class ProceduralGenerator implements Generator {
    private static final String FRAGMENT_SHADER = """
            #version 330 core
            in vec2 v_uv;
            out vec4 fragColor;
            uniform float u_time;
            uniform float u_latent[8];
            uniform float u_cameraMix;
            uniform bool u_hasCamera;
            uniform bool u_cameraBlueFirst;
            uniform sampler2D u_camera;
            uniform vec2 u_aspect;

            float hash(vec2 p) {
                p = fract(p * vec2(123.34, 456.21));
                p += dot(p, p + 45.32);
                return fract(p.x * p.y);
            }

            float noise(vec2 p) {
                vec2 i = floor(p);
                vec2 f = fract(p);
                vec2 u = f * f * (3.0 - 2.0 * f);
                return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x),
                           mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
            }

            float fbm(vec2 p) {
                float value = 0.0;
                float amplitude = 0.5;
                mat2 rotation = mat2(0.8, -0.6, 0.6, 0.8);
                for (int i = 0; i < 5; i++) {
                    value += amplitude * noise(p);
                    p = rotation * p * 2.02;
                    amplitude *= 0.5;
                }
                return value;
            }

            vec3 palette(float t, vec3 phase, float frequency) {
                return 0.5 + 0.5 * cos(6.28318 * (frequency * t + phase));
            }

            void main() {
                vec2 p = (v_uv - 0.5) * u_aspect * (2.2 + 0.8 * u_latent[0]);
                float t = u_time * (0.06 + 0.04 * u_latent[1]);
                vec3 camera = vec3(0.0);
                float luma = 0.0;
                if (u_hasCamera) {
                    vec4 c = texture(u_camera, vec2(v_uv.x, 1.0 - v_uv.y));
                    camera = u_cameraBlueFirst ? c.bgr : c.rgb;
                    luma = dot(camera, vec3(0.2126, 0.7152, 0.0722));
                }
                vec2 q = vec2(fbm(p + t), fbm(p + vec2(5.2, 1.3) - t));
                vec2 r = vec2(fbm(p + 3.0 * q + vec2(1.7, 9.2) + 0.15 * t + u_latent[2]),
                              fbm(p + 3.0 * q + vec2(8.3, 2.8) - 0.12 * t + u_latent[3]));
                float f = fbm(p + (2.5 + 2.0 * luma * u_cameraMix) * r);
                vec3 phase = vec3(0.0, 0.33, 0.67) + 0.25 * vec3(u_latent[6], u_latent[7], -u_latent[6]);
                vec3 color = palette(f + 0.35 * length(q) + 0.15 * u_latent[4], phase, 0.9 + 0.2 * u_latent[5]);
                color *= 0.55 + 0.9 * f * f;
                if (u_hasCamera) {
                    color = mix(color, color * (0.35 + 1.3 * camera), u_cameraMix);
                }
                fragColor = vec4(color, 1.0);
            }
            """;

    private final int width;
    private final int height;
    private final long periodNanos;
    private final GenerationParams params;
    private final LayerImage camera;
    private final ShaderProgram program;
    private final FullscreenTriangle triangle = new FullscreenTriangle();
    private final int framebuffer;
    private final int uTime;
    private final int uLatent;
    private final int uCameraMix;
    private final int uHasCamera;
    private final int uCameraBlueFirst;
    private long nextImageNanos = Long.MIN_VALUE;
    private long images;

    /**
     * @param camera the camera layer's image, read when ready (may never be)
     * @param params updated elsewhere on the render thread each frame
     */
    public ProceduralGenerator(int width, int height, double imagesPerSecond, GenerationParams params, LayerImage camera) {
        this.width = width;
        this.height = height;
        this.periodNanos = (long) (1e9 / imagesPerSecond);
        this.params = params;
        this.camera = camera;
        this.program = ShaderProgram.link("procedural generator", FullscreenTriangle.VERTEX_SHADER, FRAGMENT_SHADER);
        this.framebuffer = glGenFramebuffers();
        program.use();
        glUniform1i(program.uniform("u_camera"), 0);
        glUniform2f(program.uniform("u_aspect"), (float) width / height, 1f);
        uTime = program.uniform("u_time");
        uLatent = program.uniform("u_latent");
        uCameraMix = program.uniform("u_cameraMix");
        uHasCamera = program.uniform("u_hasCamera");
        uCameraBlueFirst = program.uniform("u_cameraBlueFirst");
    }

    @Override
    public String name() {
        return "built-in procedural (GPU)";
    }

    @Override
    public boolean poll(FrameClock clock, Texture2D target) {
        long now = clock.nowNanos();
        if (now < nextImageNanos) {
            return false;
        }
        nextImageNanos = nextImageNanos == Long.MIN_VALUE || now - nextImageNanos > periodNanos
                ? now + periodNanos : nextImageNanos + periodNanos;
        render(clock, target);
        images++;
        return true;
    }

    private void render(FrameClock clock, Texture2D target) {
        target.ensureStorage(width, height, GL_RGBA8);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.id(), 0);
        if (images == 0 && glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            throw new GlException("procedural generator framebuffer incomplete");
        }
        glViewport(0, 0, width, height);
        program.use();
        glUniform1f(uTime, (float) clock.seconds());
        glUniform1fv(uLatent, params.latent());
        glUniform1f(uCameraMix, params.cameraMix());
        boolean hasCamera = camera != null && camera.ready();
        glUniform1i(uHasCamera, hasCamera ? 1 : 0);
        if (hasCamera) {
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D, camera.current().id());
            glUniform1i(uCameraBlueFirst, camera.format().blueFirst() ? 1 : 0);
        }
        triangle.draw();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    @Override
    public PixelFormat format() {
        return PixelFormat.RGBA32;
    }

    @Override
    public boolean topRowFirst() {
        return false;
    }

    @Override
    public void close() {
        triangle.close();
        program.close();
        glDeleteFramebuffers(framebuffer);
    }
}
