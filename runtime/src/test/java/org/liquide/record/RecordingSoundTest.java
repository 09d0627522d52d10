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
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.SceneSound;
import org.liquide.sound.SoundControl;
import org.liquide.sound.decode.AudioDecoder;
import org.liquide.sound.decode.DecodedSound;
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

/** A recording made while the show plays a tone carries the tone as AAC in the MP4, beside the picture. */
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

    @Test
    void aRecordingCarriesTheShowsSoundAsAac() throws Exception {
        PulseServer.shared();
        Path file = dir.resolve("clip.mp4");
        Soundtrack tone = Soundtrack.prepare("tone", new SceneSound(List.of(), List.of(), List.of(new SceneSound.Synth(
                SceneSound.Wave.SINE, new SoundControl.Fixed(440), new SoundControl.Fixed(-6)))), Map.of(), new SignalBus());
        MixTap tap = new MixTap(1);
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start()) {
            output.play(tone, 0);
            Await.until(Await.GENEROUS, "the output plays", () -> output.blocks() > 50);
            output.tap(tap);
            FrameSlot frames = new FrameSlot();
            VideoRecorder recorder = new VideoRecorder(file, frames, 30, tap).start();
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
            }
            assertNull(recorder.failure());
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            assertEquals(avcodec.AV_CODEC_ID_AAC, grabber.getAudioCodec(), "AAC, not " + grabber.getAudioCodecName());
            assertEquals(2, grabber.getAudioChannels());
            assertEquals(RATE, grabber.getSampleRate());
            assertTrue(grabber.getVideoCodec() == avcodec.AV_CODEC_ID_H264, "the picture is there too");
            grabber.stop();
        }
        DecodedSound heard = AudioDecoder.decode(file, RATE, 2);
        assertTrue(heard.seconds() >= 1.5, "about two seconds of sound: " + heard.seconds());
        float[] samples = new float[heard.frames()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = heard.samples()[2 * i]; // the left channel (FFmpeg's mono downmix adds 3 dB to a centred sound)
        }
        int from = RATE / 2;
        assertEquals(440, Tones.frequency(samples, from, from + RATE, RATE), 3, "the tone's pitch");
        assertEquals(0.5 / Math.sqrt(2), Tones.rms(samples, from, from + RATE), 0.05, "the tone's level (-6 dB)");
    }
}
