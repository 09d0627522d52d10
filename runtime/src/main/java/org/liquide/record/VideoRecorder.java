package org.liquide.record;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.sound.output.AudioOutput;
import org.liquide.sound.output.MixTap;
import org.lwjgl.system.MemoryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Records tapped frames of an output to an H.264 MP4 (JavaCV's FFmpeg recorder with OpenH264) on its
 * own thread, never the render thread's. Frames arrive RGBA, bottom row first; they are flipped while
 * copied into the encoder's frame. Given the show's output mix ({@link MixTap}), the file also carries
 * its sound as AAC (stereo, 48 kHz), and each frame is stamped with the time it came, so that picture
 * and sound stay together however many frames the render loop managed.
 */
public final class VideoRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoRecorder.class);

    private final Path file;
    private final FrameSlot frames;
    private final double framesPerSecond;
    private final MixTap sound;
    private final MixTap microphone;
    private final float[] samples = new float[AudioOutput.RATE / 5 * 2];
    private final float[] heard = new float[samples.length];
    private final FloatBuffer sampleBuffer = ByteBuffer.allocateDirect(samples.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    private volatile long samplesWritten;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long framesWritten;
    private volatile Exception failure;

    public VideoRecorder(Path file, FrameSlot frames, double framesPerSecond) {
        this(file, frames, framesPerSecond, null, null);
    }

    /**
     * @param sound      the show's output mix, or null for a silent recording
     * @param microphone a microphone mixed in (when the showcase's privacy allows it), or null; needs {@code sound}
     */
    public VideoRecorder(Path file, FrameSlot frames, double framesPerSecond, MixTap sound, MixTap microphone) {
        this.sound = sound;
        this.microphone = sound == null ? null : microphone;
        this.file = file;
        this.frames = frames;
        this.framesPerSecond = framesPerSecond;
        this.thread = Thread.ofPlatform().name("liquide-recorder").daemon().unstarted(this::loop);
    }

    public VideoRecorder start() {
        thread.start();
        return this;
    }

    private void loop() {
        FFmpegFrameRecorder recorder = null;
        Frame frame = null;
        long startNanos = 0;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            while (running) {
                VideoFrame tapped = frames.takeLatest();
                if (tapped == null) {
                    if (recorder != null) {
                        recordSound(recorder);
                    }
                    LockSupport.parkNanos(5_000_000L);
                    continue;
                }
                if (recorder == null) {
                    recorder = new FFmpegFrameRecorder(file.toFile(), tapped.width(), tapped.height());
                    recorder.setFormat("mp4");
                    recorder.setVideoCodecName("libopenh264");
                    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                    recorder.setFrameRate(framesPerSecond);
                    recorder.setVideoBitrate(8_000_000);
                    if (sound != null) {
                        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                        recorder.setAudioChannels(2);
                        recorder.setSampleRate(AudioOutput.RATE);
                        recorder.setAudioBitrate(192_000);
                    }
                    recorder.start();
                    if (sound != null) {
                        sound.skip();
                    }
                    if (microphone != null) {
                        microphone.skip();
                    }
                    startNanos = System.nanoTime();
                    frame = new Frame(tapped.width(), tapped.height(), Frame.DEPTH_UBYTE, 4);
                    LOG.info("recording {} ({}x{})", file, tapped.width(), tapped.height());
                }
                copyFlipped(tapped, (ByteBuffer) frame.image[0], frame.imageStride);
                if (sound != null) {
                    long at = (System.nanoTime() - startNanos) / 1000;
                    if (at > recorder.getTimestamp()) {
                        recorder.setTimestamp(at);
                    }
                }
                recorder.record(frame, avutil.AV_PIX_FMT_RGBA);
                framesWritten++;
                recordSound(recorder);
            }
        } catch (Exception e) {
            failure = e;
            LOG.error("recording {} failed: {}", file, e.toString());
        } finally {
            if (recorder != null) {
                try {
                    recorder.close();
                } catch (Exception e) {
                    LOG.warn("closing the recording {}: {}", file, e.toString());
                }
            }
            if (frame != null) {
                frame.close();
            }
            frames.free();
        }
    }

    /** Encodes the sound that came since the last call. */
    private void recordSound(FFmpegFrameRecorder recorder) throws FFmpegFrameRecorder.Exception {
        if (sound == null) {
            return;
        }
        int count;
        while ((count = sound.read(samples)) > 0) {
            if (microphone != null) {
                // as much of the room as the show's sound spans; the rest waits for the next call
                int room = microphone.read(heard, count);
                for (int i = 0; i < room; i++) {
                    samples[i] += heard[i];
                }
            }
            sampleBuffer.clear();
            sampleBuffer.put(samples, 0, count).flip();
            recorder.recordSamples(AudioOutput.RATE, 2, sampleBuffer);
            samplesWritten += count / 2;
        }
    }

    /** Stereo frames of sound encoded so far. */
    public long soundFramesWritten() {
        return samplesWritten;
    }

    private static void copyFlipped(VideoFrame from, ByteBuffer to, int strideBytes) {
        int row = from.width() * 4;
        long source = MemoryUtil.memAddress(from.pixels());
        long target = MemoryUtil.memAddress(to, 0);
        for (int y = 0; y < from.height(); y++) {
            MemoryUtil.memCopy(source + (long) (from.height() - 1 - y) * from.strideBytes(), target + (long) y * strideBytes, row);
        }
    }

    public Path file() {
        return file;
    }

    public long framesWritten() {
        return framesWritten;
    }

    /** Why the recording stopped early, or null. */
    public Exception failure() {
        return failure;
    }

    /** Stops and finishes the file (waits for the encoder). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
