package org.liquide.render.shader;

import org.liquide.render.gl.Texture2D;
import org.liquide.sound.AudioTap;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.glBindTexture;
import static org.lwjgl.opengl.GL11C.glTexSubImage2D;
import static org.lwjgl.opengl.GL30C.GL_RGBA16F;

/**
 * A pipeline's ISF {@code audio} and {@code audioFFT} images, as the ISF spec lays them out: one row per
 * channel (the show's sound is mono: one row), one column per sample or bin ({@code MAX} of them, the
 * oldest sample or the lowest bin at x = 0, the last bin at the Nyquist frequency), the value in r, g and
 * b: a sample centred on 0.5 ({@code 0.5 + 0.5 × sample}), a bin's amplitude (0 to 1). Half floats.
 * Filled from {@link AudioTap} when it has something new; silence (0.5, and 0) until then. Allocates
 * nothing per frame.
 */
final class AudioTextures implements AutoCloseable {
    private final AudioTap tap;
    private final int[] inputIndex;
    private final boolean[] fft;
    private final Texture2D[] textures;
    private final FloatBuffer pixels;
    private final float[] waveform = new float[AudioTap.WAVEFORM];
    private final float[] spectrum = new float[AudioTap.BINS];
    private long lastSequence = -1;

    AudioTextures(ShaderInputs inputs, AudioTap tap) {
        this.tap = tap;
        int count = 0;
        for (int i = 0; i < inputs.count(); i++) {
            if (inputs.isActive(i) && inputs.kind(i) == ShaderInputs.AUDIO) {
                count++;
            }
        }
        inputIndex = new int[count];
        fft = new boolean[count];
        textures = new Texture2D[count];
        int widest = 1;
        int k = 0;
        for (int i = 0; i < inputs.count(); i++) {
            if (inputs.isActive(i) && inputs.kind(i) == ShaderInputs.AUDIO) {
                InputSpec.AudioInput spec = (InputSpec.AudioInput) inputs.spec(i);
                inputIndex[k] = i;
                fft[k] = spec.fft();
                textures[k] = new Texture2D();
                textures[k].ensureStorage(spec.samples(), 1, GL_RGBA16F);
                widest = Math.max(widest, spec.samples());
                k++;
            }
        }
        pixels = MemoryUtil.memAllocFloat(widest * 4);
    }

    /** The texture of input {@code index}, or null if it is no audio input. */
    Texture2D texture(int index) {
        for (int k = 0; k < inputIndex.length; k++) {
            if (inputIndex[k] == index) {
                return textures[k];
            }
        }
        return null;
    }

    /** Uploads the tap's latest sound if it changed since the last frame (and silence the first time). */
    void update() {
        if (textures.length == 0) {
            return;
        }
        long sequence = tap.sequence();
        if (sequence == lastSequence) {
            return;
        }
        lastSequence = tap.read(waveform, spectrum);
        for (int k = 0; k < textures.length; k++) {
            int width = textures[k].width();
            pixels.clear();
            for (int x = 0; x < width; x++) {
                float value = fft[k] ? bin(x, width) : 0.5f + 0.5f * sample(x, width);
                pixels.put(value).put(value).put(value).put(1f);
            }
            pixels.flip();
            glBindTexture(GL_TEXTURE_2D, textures[k].id());
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, 1, GL_RGBA, GL_FLOAT, pixels);
        }
    }

    /** The latest {@code width} samples' column x: the waveform's last {@code width} samples, or spread over it when wider. */
    private float sample(int x, int width) {
        int at = width <= AudioTap.WAVEFORM ? AudioTap.WAVEFORM - width + x : x * AudioTap.WAVEFORM / width;
        return Math.clamp(waveform[at], -1f, 1f);
    }

    /**
     * Column x of {@code width}: the amplitude of the bins it covers (the root of their summed energy), so
     * that a sine reads its amplitude in four columns as in 512, and the last column ends at the Nyquist
     * frequency.
     */
    private float bin(int x, int width) {
        int bins = AudioTap.BINS - 1;
        int from = x * bins / width + 1;
        int to = Math.max(from + 1, (x + 1) * bins / width + 1);
        float energy = 0;
        for (int b = from; b < to && b < AudioTap.BINS; b++) {
            energy += spectrum[b] * spectrum[b];
        }
        return Math.clamp((float) Math.sqrt(energy), 0f, 1f);
    }

    @Override
    public void close() {
        for (Texture2D texture : textures) {
            texture.close();
        }
        MemoryUtil.memFree(pixels);
    }
}
