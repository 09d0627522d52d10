package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.testing.Tones;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISF {@code audio} and {@code audioFFT} inputs as the ISF spec lays them out, fed by
 * {@code liquide shader --audio}: a waveform centred on 0.5, oldest sample on the left; a spectrum from
 * the lowest bin on the left to the Nyquist frequency on the right, a bin's amplitude as its value.
 */
class AudioShaderTest {
    private static final int RATE = 48_000;

    @TempDir
    Path dir;

    private Path shader(String name, String type, int max) throws Exception {
        return Files.writeString(dir.resolve(name + ".fs"), """
                /*{ "INPUTS": [ { "NAME": "sound", "TYPE": "%s", "MAX": %d } ] }*/
                void main() { gl_FragColor = vec4(IMG_NORM_PIXEL(sound, vec2(isf_FragNormCoord.x, 0.5)).rgb, 1.0); }
                """.formatted(type, max));
    }

    private BufferedImage render(Path shader, int width, Path sound) throws Exception {
        Path output = dir.resolve(shader.getFileName() + ".png");
        ShaderCommandTest.Result result = sound == null
                ? ShaderCommandTest.run("shader", shader.toString(), "--output", output.toString(), "--size", width + "x16", "--frames", "3")
                : ShaderCommandTest.run("shader", shader.toString(), "--output", output.toString(), "--size", width + "x16", "--frames", "3",
                "--audio", sound.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().isEmpty(), "no warning about silence any more: " + result.err());
        return ImageIO.read(output.toFile());
    }

    @Test
    void theSpectrumShowsASinesBinAtItsAmplitude() throws Exception {
        Path sine = Tones.writeWav(dir.resolve("sine.wav"), Tones.sine(3000, 0.5, 1, RATE), RATE);
        BufferedImage image = render(shader("fft", "audioFFT", 512), 512, sine);
        int brightest = 0;
        for (int x = 0; x < 512; x++) {
            if (red(image, x) > red(image, brightest)) {
                brightest = x;
            }
        }
        // 3 kHz is bin 64 of a 1024-point FFT at 48 kHz; column x holds bin x + 1
        assertEquals(63, brightest, 1, "the sine's column");
        assertEquals(0.5 * 255, red(image, brightest), 0.1 * 255, "its amplitude");
        assertTrue(red(image, 10) < 10 && red(image, 300) < 10, "elsewhere dark: " + red(image, 10) + ", " + red(image, 300));
        assertEquals(red(image, brightest), image.getRGB(brightest, 8) >> 8 & 0xff, 1, "grey: r = g");
    }

    @Test
    void theWaveformSwingsAroundMidGrey() throws Exception {
        Path sine = Tones.writeWav(dir.resolve("sine.wav"), Tones.sine(1000, 0.5, 1, RATE), RATE);
        // 48 samples: one period of 1 kHz
        BufferedImage image = render(shader("wave", "audio", 48), 48, sine);
        int min = 255;
        int max = 0;
        for (int x = 0; x < 48; x++) {
            min = Math.min(min, red(image, x));
            max = Math.max(max, red(image, x));
        }
        assertEquals(0.25 * 255, min, 8, "0.5 + 0.5 x -0.5");
        assertEquals(0.75 * 255, max, 8, "0.5 + 0.5 x 0.5");
    }

    @Test
    void withoutSoundTheWaveformIsMidGreyAndTheSpectrumBlack() throws Exception {
        BufferedImage wave = render(shader("wave", "audio", 64), 64, null);
        BufferedImage fft = render(shader("fft", "audioFFT", 64), 64, null);
        for (int x = 0; x < 64; x++) {
            assertEquals(128, red(wave, x), 1, "silence is 0.5");
            assertEquals(0, red(fft, x), 1, "no energy");
        }
    }

    private static int red(BufferedImage image, int x) {
        return image.getRGB(x, 8) >> 16 & 0xff;
    }
}
