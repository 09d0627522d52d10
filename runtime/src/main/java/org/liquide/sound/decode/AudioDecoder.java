package org.liquide.sound.decode;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decodes a sound file (WAV, FLAC, Ogg, MP3, or a video's sound) with the FFmpeg that JavaCV brings,
 * resampled to the rate and channel count the show uses, into memory. Slow and allocating: called when a
 * scene is prepared or an input opens, never on the audio thread.
 */
public final class AudioDecoder {
    /** The longest sound decoded into memory: ten minutes (about 230 MB of stereo floats at 48 kHz). */
    public static final double MAX_SECONDS = 600;

    private AudioDecoder() {
    }

    public static DecodedSound decode(Path file, int rate, int channels) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("sound file not found: " + file);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int fileChannels = channelsOf(file);
        // a mono file played in stereo is copied to both sides at its level (FFmpeg's upmix would lower it by 3 dB)
        boolean duplicate = fileChannels == 1 && channels == 2;
        DecodedSound decoded = decodeAs(file, rate, duplicate ? 1 : channels);
        if (!duplicate) {
            return decoded;
        }
        float[] mono = decoded.samples();
        float[] stereo = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        return new DecodedSound(stereo, rate, 2);
    }

    private static int channelsOf(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int channels = grabber.getAudioChannels();
            grabber.stop();
            if (channels <= 0) {
                throw new IOException(file + " has no sound");
            }
            return channels;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }

    private static DecodedSound decodeAs(Path file, int rate, int channels) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.setSampleRate(rate);
            grabber.setAudioChannels(channels);
            grabber.start();
            long limit = (long) (MAX_SECONDS * rate * channels);
            float[] samples = new float[rate * channels];
            int length = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples == null) {
                    continue;
                }
                length = append(frame.samples, channels, samples = ensure(samples, length, frame.samples, channels), length);
                if (length > limit) {
                    throw new IOException(file + " is longer than " + (int) MAX_SECONDS + " s, the longest sound kept in memory");
                }
            }
            grabber.stop();
            length -= length % channels;
            return new DecodedSound(Arrays.copyOf(samples, length), rate, channels);
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[] ensure(float[] samples, int length, Buffer[] planes, int channels) {
        int incoming = incoming(planes, channels);
        if (length + incoming <= samples.length) {
            return samples;
        }
        return Arrays.copyOf(samples, Math.max(samples.length * 2, length + incoming));
    }

    private static int incoming(Buffer[] planes, int channels) {
        return planes.length == 1 ? planes[0].limit() - planes[0].position() : (planes[0].limit() - planes[0].position()) * channels;
    }

    /** Appends a frame's samples, interleaving planar channels. */
    private static int append(Buffer[] planes, int channels, float[] into, int length) {
        if (planes.length == 1) {
            FloatBuffer packed = ((FloatBuffer) planes[0]).duplicate();
            int n = packed.remaining();
            packed.get(into, length, n);
            return length + n;
        }
        int frames = planes[0].limit() - planes[0].position();
        for (int c = 0; c < channels && c < planes.length; c++) {
            FloatBuffer plane = ((FloatBuffer) planes[c]).duplicate();
            for (int f = 0; f < frames; f++) {
                into[length + f * channels + c] = plane.get();
            }
        }
        return length + frames * channels;
    }
}
