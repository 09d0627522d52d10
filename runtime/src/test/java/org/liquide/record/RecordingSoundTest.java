package org.liquide.record;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.hardware.testing.Await;
import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.SceneSound;
import org.liquide.sound.SoundControl;
import org.liquide.sound.decode.AudioDecoder;
import org.liquide.sound.decode.DecodedSound;
import org.liquide.sound.input.AudioInput;
import org.liquide.sound.output.AudioOutput;
import org.liquide.sound.output.MixTap;
import org.liquide.sound.output.Soundtrack;
import org.liquide.testing.PulseServer;
import org.liquide.testing.Tones;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording made while the show plays a tone carries the tone as AAC in the MP4, beside the picture; a
 * microphone only when the recorder is given it (the showcase's {@code recording: include_microphone}).
 */
class RecordingSoundTest {
    private static final int RATE = AudioOutput.RATE;

    @TempDir
    Path dir;

    private static void publish(FrameSlot slot, int grey) {
        VideoFrame frame = slot.writable();
        ByteBuffer pixels = frame.reshape(64, 36, 64 * 4, PixelFormat.RGBA32);
        for (int i = 0; i < 64 * 36 * 4; i++) {
            pixels.put(i, (byte) grey);
        }
        frame.setCaptureNanos(System.nanoTime());
        slot.publish();
    }

    /** Records about two seconds of frames and the show's 440 Hz tone (and {@code microphone}, if not null); returns the left channel. */
    private float[] record(Path file, AudioInput microphone) throws Exception {
        Soundtrack tone = Soundtrack.prepare("tone", new SceneSound(List.of(), List.of(), List.of(new SceneSound.Synth(
                SceneSound.Wave.SINE, new SoundControl.Fixed(440), new SoundControl.Fixed(-6)))), Map.of(), new SignalBus());
        MixTap tap = new MixTap(1);
        MixTap room = microphone == null ? null : new MixTap(1);
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start()) {
            output.play(tone, 0);
            Await.until(Await.GENEROUS, "the output plays", () -> output.blocks() > 50);
            output.tap(tap);
            if (microphone != null) {
                microphone.record(room);
            }
            FrameSlot frames = new FrameSlot();
            VideoRecorder recorder = new VideoRecorder(file, frames, 30, tap, room).start();
            try {
                long next = System.nanoTime();
                int grey = 0;
                while (recorder.soundFramesWritten() < 2 * RATE || recorder.framesWritten() < 20) {
                    assertNull(recorder.failure(), "the recorder failed");
                    publish(frames, grey++ & 0xff);
                    next += 33_333_333L;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            } finally {
                recorder.close();
                output.tap(null);
                if (microphone != null) {
                    microphone.record(null);
                }
            }
            assertNull(recorder.failure());
        }
        DecodedSound heard = AudioDecoder.decode(file, RATE, 2);
        assertTrue(heard.seconds() >= 1.5, "about two seconds of sound: " + heard.seconds());
        float[] left = new float[heard.frames()];
        for (int i = 0; i < left.length; i++) {
            left[i] = heard.samples()[2 * i]; // FFmpeg's mono downmix would add 3 dB to a centred sound
        }
        return left;
    }

    /** The amplitude of a sine at {@code hertz} in {@code samples[from, from + length)} (a single DFT bin). */
    private static double amplitude(float[] samples, int from, int length, double hertz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < length; i++) {
            double phase = 2 * Math.PI * hertz * i / RATE;
            re += samples[from + i] * Math.cos(phase);
            im += samples[from + i] * Math.sin(phase);
        }
        return 2 * Math.hypot(re, im) / length;
    }

    /** The 90th percentile of a sine's amplitude over 50 ms windows from {@code from} to the end. */
    private static double levelWherePresent(float[] samples, int from, double hertz) {
        int window = RATE / 20;
        double[] levels = new double[(samples.length - from) / window];
        for (int w = 0; w < levels.length; w++) {
            levels[w] = amplitude(samples, from + w * window, window, hertz);
        }
        java.util.Arrays.sort(levels);
        return levels[(int) (levels.length * 0.9)];
    }

    @Test
    void aRecordingCarriesTheShowsSoundAsAacAndNotTheMicrophone() throws Exception {
        PulseServer.shared();
        Path file = dir.resolve("clip.mp4");
        Path hum = Tones.writeWav(dir.resolve("room.wav"), Tones.sine(1000, 0.5, 1, RATE), RATE);
        try (AudioInput microphone = new AudioInput(new AudioInputSpec("room", new AudioInputSpec.File(hum)), new SignalBus()).start()) {
            float[] samples = record(file, null);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                assertEquals(avcodec.AV_CODEC_ID_AAC, grabber.getAudioCodec(), "AAC, not " + grabber.getAudioCodecName());
                assertEquals(2, grabber.getAudioChannels());
                assertEquals(RATE, grabber.getSampleRate());
                assertEquals(avcodec.AV_CODEC_ID_H264, grabber.getVideoCodec(), "the picture is there too");
                grabber.stop();
            }
            int from = RATE / 2;
            assertEquals(440, Tones.frequency(samples, from, from + RATE, RATE), 3, "the tone's pitch");
            assertEquals(0.5 / Math.sqrt(2), Tones.rms(samples, from, from + RATE), 0.05, "the tone's level (-6 dB)");
            assertTrue(amplitude(samples, from, RATE, 1000) < 0.01, "the microphone is not recorded by default");
        }
    }

    @Test
    void aMicrophoneTheShowcaseAllowsIsMixedIn() throws Exception {
        PulseServer.shared();
        Path hum = Tones.writeWav(dir.resolve("room.wav"), Tones.sine(1000, 0.25, 1, RATE), RATE);
        try (AudioInput microphone = new AudioInput(new AudioInputSpec("room", new AudioInputSpec.File(hum)), new SignalBus()).start()) {
            Await.until(Await.GENEROUS, "the microphone listens", () -> microphone.hops() > 10);
            float[] samples = record(dir.resolve("clip.mp4"), microphone);
            int from = RATE / 2;
            assertEquals(0.5, amplitude(samples, from, RATE, 440), 0.05, "the show's tone");
            // The room is a file an input thread paces by the clock; starved on a loaded machine it leaves moments
            // out. Where it is present, its level is the room's.
            assertEquals(0.25, levelWherePresent(samples, from, 1000), 0.05, "the room's hum");
        }
    }
}
