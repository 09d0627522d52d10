package org.liquide.render.generated;

import org.liquide.frame.PixelFormat;
import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameSampling;
import org.liquide.render.LayerImage;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.FullscreenTriangle;
import org.liquide.render.gl.GlException;
import org.liquide.render.gl.ShaderProgram;
import org.liquide.render.gl.Texture2D;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE1;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL30C.*;

/**
 * The built-in generator drawn on the GPU, with no weights. Two passes per image:
 * <ol>
 *   <li><b>Matter.</b> A persistent buffer holds a density that a slow current (the curl of a noise field,
 *   rising a little, like smoke) carries away and thins out. What the camera shows apart from the empty
 *   room (a background learnt slowly, and more slowly still under a figure) is poured into it as it moves,
 *   as much as {@code cameraMix} says: a visitor leaves a trail that drifts and dissolves.</li>
 *   <li><b>Picture.</b> A field with structure at three scales: large domain-warped noise, filaments
 *   (ridged noise) folded by the same warp, and a fine fibrous grain; pushed aside by the matter's
 *   gradient, and coloured through a designed {@link Palette}. The matter glows in the palette's light
 *   colours, brightest at its edges.</li>
 * </ol>
 * Everything moves with the clock and the latent vector, continuously: the picture evolves, it never
 * jumps. It renders at a generator's pace (a few images per second), so its layer crossfades as for a model.
 */
public final class ProceduralGenerator implements Generator {
    // scenes/_shaders/flow-field.fs writes the same value noise out in full: ISF has no include, and an
    // example must stand alone to play in the other ISF hosts (VDMX, Resolume, MadMapper).
    private static final String NOISE = """
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

            const mat2 TURN = mat2(0.8, -0.6, 0.6, 0.8);

            float fbm(vec2 p) {
                float value = 0.0;
                float amplitude = 0.5;
                for (int i = 0; i < 4; i++) {
                    value += amplitude * noise(p);
                    p = TURN * p * 2.03;
                    amplitude *= 0.5;
                }
                return value / 0.9375;
            }
            """;

    private static final String MATTER_SHADER = """
            #version 330 core
            """ + FrameSampling.GLSL + """
            in vec2 v_uv;
            out vec4 state;
            uniform sampler2D u_state;
            uniform sampler2D u_camera;
            uniform bool u_hasCamera;
            uniform bool u_cameraTopRowFirst;
            uniform float u_time;
            uniform float u_dt;
            uniform float u_inject;
            uniform vec2 u_aspect;
            uniform vec2 u_texel;
            """ + NOISE + """

            // The current: the curl of a slowly turning noise field, so matter neither gathers nor empties,
            // plus a slight rise.
            vec2 current(vec2 uv) {
                vec2 p = uv * u_aspect * 2.2 + vec2(0.0, -0.04 * u_time);
                float e = 0.02;
                float dx = fbm(p + vec2(e, 0.0)) - fbm(p - vec2(e, 0.0));
                float dy = fbm(p + vec2(0.0, e)) - fbm(p - vec2(0.0, e));
                return (vec2(dy, -dx) / (2.0 * e)) * 0.035 / u_aspect + vec2(0.0, 0.03);
            }

            void main() {
                vec4 here = texture(u_state, v_uv);
                vec2 from = v_uv - current(v_uv) * u_dt;
                float carried = texture(u_state, from).r * 0.6
                        + (texture(u_state, from + vec2(u_texel.x, 0.0)).r + texture(u_state, from - vec2(u_texel.x, 0.0)).r
                         + texture(u_state, from + vec2(0.0, u_texel.y)).r + texture(u_state, from - vec2(0.0, u_texel.y)).r) * 0.1;
                float background = here.g;
                float figure = 0.0;
                bool learnt = here.a > 0.5;
                if (u_hasCamera) {
                    vec2 at = u_cameraTopRowFirst ? vec2(v_uv.x, 1.0 - v_uv.y) : v_uv;
                    float luma = dot(frameTexel(u_camera, at).rgb, vec3(0.2126, 0.7152, 0.0722));
                    figure = learnt ? smoothstep(0.035, 0.14, abs(luma - background)) : 0.0;
                    // The empty room is learnt in seconds; a figure standing still sinks into it over a minute.
                    float learning = learnt ? mix(0.03, 0.0015, figure) : 1.0;
                    background = mix(background, luma, learning);
                    learnt = true;
                }
                float density = carried * exp(-0.55 * u_dt) + figure * u_inject * u_dt * 2.5;
                state = vec4(min(density, 3.0), background, figure, learnt ? 1.0 : 0.0);
            }
            """;

    private static final String PICTURE_SHADER = """
            #version 330 core
            in vec2 v_uv;
            out vec4 fragColor;
            uniform sampler2D u_state;
            uniform float u_time;
            uniform float u_latent[8];
            uniform vec3 u_palette[5];
            uniform vec2 u_aspect;
            uniform vec2 u_texel;
            """ + NOISE + """

            float ridges(vec2 p) {
                float value = 0.0;
                float amplitude = 0.55;
                for (int i = 0; i < 3; i++) {
                    float n = 1.0 - abs(2.0 * noise(p) - 1.0);
                    value += amplitude * n * n * n;
                    p = TURN * p * 2.1 + 1.7;
                    amplitude *= 0.5;
                }
                return value;
            }

            vec3 gradient(float v) {
                float x = clamp(v, 0.0, 1.0) * 4.0;
                int i = int(min(floor(x), 3.0));
                return mix(u_palette[i], u_palette[i + 1], smoothstep(0.0, 1.0, x - float(i)));
            }

            void main() {
                float m = texture(u_state, v_uv).r;
                // The slope over two texels each way: the matter's shape, not its grain.
                vec2 dx = vec2(2.0 * u_texel.x, 0.0);
                vec2 dy = vec2(0.0, 2.0 * u_texel.y);
                vec2 slope = 0.5 * vec2(texture(u_state, v_uv + dx).r - texture(u_state, v_uv - dx).r,
                                        texture(u_state, v_uv + dy).r - texture(u_state, v_uv - dy).r);
                float t = u_time * (0.035 + 0.015 * u_latent[1]);
                vec2 p = (v_uv - 0.5) * u_aspect * (1.9 + 0.5 * u_latent[0]);
                // The matter pushes the field aside.
                p -= slope * 1.6;
                vec2 q = vec2(fbm(p + vec2(0.0, t)), fbm(p + vec2(5.2, 1.3) - 0.8 * t));
                vec2 r = vec2(fbm(p + 2.6 * q + vec2(1.7, 9.2) + 0.6 * t + 0.4 * u_latent[2]),
                              fbm(p + 2.6 * q + vec2(8.3, 2.8) - 0.5 * t + 0.4 * u_latent[3]));
                float large = fbm(p + 2.2 * r + 0.3 * u_latent[4]);
                float veins = ridges(p * 2.4 + 2.0 * r - vec2(0.0, 1.3 * t));
                float fine = noise(p * 21.0 + 6.0 * r) - 0.5;
                float value = smoothstep(0.18, 0.92, large) * 0.8 + 0.22 * veins * smoothstep(0.2, 0.7, length(q))
                        + 0.045 * fine + 0.06 * u_latent[5];
                vec3 colour = gradient(pow(max(value, 0.0), 1.35) * (1.12 + 0.1 * u_latent[6]));
                // Matter: a glow in the palette's light colours, brightest at its moving edges.
                float body = 1.0 - exp(-1.2 * m);
                float edge = clamp(length(slope) * 5.0, 0.0, 1.0);
                vec3 glow = gradient(0.55 + 0.45 * veins + 0.15 * fine);
                colour = mix(colour, glow, body * (0.35 + 0.4 * veins)) + u_palette[4] * edge * 0.3 * (0.4 + veins);
                float vignette = smoothstep(1.2, 0.3, length((v_uv - 0.5) * vec2(1.25, 1.0)) * 1.55);
                fragColor = vec4(colour * mix(0.45, 1.0, vignette), 1.0);
            }
            """;

    private final int width;
    private final int height;
    private final long periodNanos;
    private final GenerationParams params;
    private final LayerImage camera;
    private final ShaderProgram matter;
    private final ShaderProgram picture;
    private final FullscreenTriangle triangle = new FullscreenTriangle();
    private final Framebuffer[] states = new Framebuffer[2];
    private final int framebuffer;
    private final int uMatterTime;
    private final int uMatterDt;
    private final int uInject;
    private final int uHasCamera;
    private final FrameSampling cameraSampling;
    private final int uCameraTopRowFirst;
    private final int uTime;
    private final int uLatent;
    private long nextImageNanos = Long.MIN_VALUE;
    private long lastImageNanos = Long.MIN_VALUE;
    private int current;
    private long images;

    /**
     * @param camera the camera layer's image, read when ready (may never be)
     * @param params updated elsewhere on the render thread each frame
     */
    public ProceduralGenerator(int width, int height, double imagesPerSecond, GenerationParams params, LayerImage camera,
                               Palette palette) {
        this.width = width;
        this.height = height;
        this.periodNanos = (long) (1e9 / imagesPerSecond);
        this.params = params;
        this.camera = camera;
        this.matter = ShaderProgram.link("procedural generator (matter)", FullscreenTriangle.VERTEX_SHADER, MATTER_SHADER);
        try {
            this.picture = ShaderProgram.link("procedural generator (picture)", FullscreenTriangle.VERTEX_SHADER, PICTURE_SHADER);
        } catch (RuntimeException e) {
            matter.close();
            throw e;
        }
        for (int i = 0; i < states.length; i++) {
            states[i] = new Framebuffer(width, height, GL_RGBA16F);
            states[i].bindForDrawing();
            glClearColor(0, 0, 0, 0);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        this.framebuffer = glGenFramebuffers();
        float aspectX = (float) width / height;
        matter.use();
        glUniform1i(matter.uniform("u_state"), 0);
        glUniform1i(matter.uniform("u_camera"), 1);
        glUniform2f(matter.uniform("u_aspect"), aspectX, 1f);
        glUniform2f(matter.uniform("u_texel"), 1f / width, 1f / height);
        uMatterTime = matter.uniform("u_time");
        uMatterDt = matter.uniform("u_dt");
        uInject = matter.uniform("u_inject");
        uHasCamera = matter.uniform("u_hasCamera");
        cameraSampling = new FrameSampling(matter, 2, 3);
        uCameraTopRowFirst = matter.uniform("u_cameraTopRowFirst");
        picture.use();
        glUniform1i(picture.uniform("u_state"), 0);
        glUniform2f(picture.uniform("u_aspect"), aspectX, 1f);
        glUniform2f(picture.uniform("u_texel"), 1f / width, 1f / height);
        glUniform3fv(picture.uniform("u_palette"), palette.stops());
        uTime = picture.uniform("u_time");
        uLatent = picture.uniform("u_latent");
    }

    /** The default palette. */
    public ProceduralGenerator(int width, int height, double imagesPerSecond, GenerationParams params, LayerImage camera) {
        this(width, height, imagesPerSecond, params, camera, Palette.DEFAULT);
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
        // The matter moves by the time that passed, within reason (a stall does not fling it away).
        double dt = lastImageNanos == Long.MIN_VALUE ? periodNanos / 1e9 : Math.min(0.25, (now - lastImageNanos) / 1e9);
        lastImageNanos = now;
        render(clock, target, (float) dt);
        images++;
        return true;
    }

    private void render(FrameClock clock, Texture2D target, float dt) {
        Framebuffer from = states[current];
        Framebuffer to = states[1 - current];
        current = 1 - current;
        to.bindForDrawing();
        matter.use();
        glUniform1f(uMatterTime, (float) clock.seconds());
        glUniform1f(uMatterDt, dt);
        glUniform1f(uInject, params.cameraMix());
        boolean hasCamera = camera != null && camera.ready();
        glUniform1i(uHasCamera, hasCamera ? 1 : 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, from.color().id());
        if (hasCamera) {
            glActiveTexture(GL_TEXTURE1);
            glBindTexture(GL_TEXTURE_2D, camera.current().id());
            cameraSampling.apply(camera);
            glUniform1i(uCameraTopRowFirst, camera.topRowFirst() ? 1 : 0);
            glActiveTexture(GL_TEXTURE0);
        }
        triangle.draw();

        target.ensureStorage(width, height, GL_RGBA8);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.id(), 0);
        if (images == 0 && glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            throw new GlException("procedural generator framebuffer incomplete");
        }
        glViewport(0, 0, width, height);
        picture.use();
        glUniform1f(uTime, (float) clock.seconds());
        glUniform1fv(uLatent, params.latent());
        glBindTexture(GL_TEXTURE_2D, to.color().id());
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
        matter.close();
        picture.close();
        for (Framebuffer state : states) {
            state.close();
        }
        glDeleteFramebuffers(framebuffer);
    }
}
