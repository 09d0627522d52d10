package org.liquide.camera;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.liquide.frame.VideoFrame;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test pattern (a dim room, a visitor walking through, the frame number) written as a video file:
 * a looping "camera" for endurance runs and for machines with no camera that must play a stream.
 * MPEG-4 part 2 in MP4, which every FFmpeg build encodes.
 */
public final class TestPatternClip {
    private TestPatternClip() {
    }

    public static Path write(Path file, int width, int height, double seconds, double framesPerSecond) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FfmpegLog.install(); // FFmpeg's own messages through the log, warnings and worse only
        TestPatternSource pattern = new TestPatternSource(new CameraSpec.TestPattern(width, height, framesPerSecond));
        VideoFrame frame = new VideoFrame();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height);
             Frame image = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(framesPerSecond);
            recorder.setVideoQuality(4);
            recorder.setOption("movflags", "faststart");
            recorder.start();
            pattern.open();
            long frames = Math.round(seconds * framesPerSecond);
            ByteBuffer target = (ByteBuffer) image.image[0];
            for (long i = 0; i < frames; i++) {
                pattern.grab(frame);
                for (int y = 0; y < height; y++) {
                    MemoryUtil.memCopy(MemoryUtil.memAddress(frame.pixels()) + (long) y * frame.strideBytes(),
                            MemoryUtil.memAddress(target, 0) + (long) y * image.imageStride, (long) width * 3);
                }
                recorder.record(image, avutil.AV_PIX_FMT_BGR24);
            }
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException(file + ": the test pattern could not be encoded: " + e.getMessage(), e);
        } finally {
            frame.free();
            pattern.close();
        }
        return file;
    }
}
