package org.liquide.bench;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.liquide.camera.CameraSources;
import org.liquide.camera.CameraSpec;
import org.liquide.generate.noise.SeededGaussian;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The videos the benchmarks play, made with JavaCV's recorder: H.264 (libopenh264) in MP4 at 30 fps and
 * a camera-like bit rate, with detail that moves every frame (a scrolling noisy texture, moving shapes,
 * the frame number) so the decoder has real work. Made once into the work folder and reused.
 */
final class BenchVideos {
    static final double FPS = 30;

    /** A video made for the benchmarks and what it holds. */
    record Video(Path file, BenchConfig.Size size, int frames, String codec) {
    }

    private BenchVideos() {
    }

    /** The video of this size and length, made now if the work folder does not have it yet. */
    static Video h264(Path workDir, BenchConfig.Size size, int frames) throws Exception {
        Files.createDirectories(workDir);
        for (String codec : new String[]{"h264", "mpeg4"}) {
            Path file = workDir.resolve("video-" + size + "-" + frames + "f-" + codec + ".mp4");
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                return new Video(file, size, frames, codec);
            }
        }
        Path file = workDir.resolve("video-" + size + "-" + frames + "f-h264.mp4");
        try {
            write(file, size, frames, true);
            return new Video(file, size, frames, "h264");
        } catch (Exception e) {
            // An FFmpeg build without libopenh264: MPEG-4 part 2 is always there.
            Path fallback = workDir.resolve("video-" + size + "-" + frames + "f-mpeg4.mp4");
            write(fallback, size, frames, false);
            return new Video(fallback, size, frames, "mpeg4 (libopenh264 unavailable: " + e.getMessage() + ")");
        }
    }

    private static void write(Path file, BenchConfig.Size size, int frames, boolean h264) throws Exception {
        int width = size.width();
        int height = size.height();
        // Constructing a source (without opening it) routes FFmpeg's own log where the runtime sends it.
        CameraSources.forSpec(new CameraSpec.VideoFile(file)).close();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        byte[] texture = texture(width * 2, height);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toFile(), width, height, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            if (h264) {
                recorder.setVideoCodecName("libopenh264");
            } else {
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            }
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize((int) FPS);
            // About what a webcam or a camera stream sends: 4 Mbit/s at 720p, 8 at 1080p.
            recorder.setVideoBitrate((int) Math.max(500_000L, (long) width * height * 4));
            recorder.start();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < frames; i++) {
                paint(image, pixels, texture, width, height, i);
                Frame frame = converter.convert(image);
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A noisy colour texture twice as wide as the video, which each frame scrolls through. */
    private static byte[] texture(int width, int height) {
        SeededGaussian random = new SeededGaussian(2027);
        float[] noise = random.array(width * height, 1f);
        byte[] bytes = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double n = 18 * noise[i];
                double wave = Math.sin(x * 0.013) * Math.cos(y * 0.021);
                bytes[i * 3] = clamp(128 + 90 * wave + n);
                bytes[i * 3 + 1] = clamp(110 + 70 * Math.sin(x * 0.004 + y * 0.007) + n);
                bytes[i * 3 + 2] = clamp(120 + 80 * Math.cos(y * 0.009) + n);
            }
        }
        return bytes;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, (int) value));
    }

    private static void paint(BufferedImage image, byte[] pixels, byte[] texture, int width, int height, int index) {
        int shift = (index * 7) % width;
        for (int y = 0; y < height; y++) {
            System.arraycopy(texture, (y * 2 * width + shift) * 3, pixels, y * width * 3, width * 3);
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double t = index / FPS;
            int radius = height / 6;
            int cx = (int) (width / 2 + width / 3.0 * Math.sin(t * 1.3));
            int cy = (int) (height / 2 + height / 4.0 * Math.cos(t * 0.9));
            g.setColor(new Color(250, 240, 220));
            g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            g.setStroke(new BasicStroke(Math.max(2f, height / 90f)));
            g.setColor(new Color(20, 60, 200));
            g.drawOval(width - cx - radius, cy - radius / 2, 2 * radius, radius);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 12)));
            g.drawString("frame " + index, width / 20, height - height / 12);
        } finally {
            g.dispose();
        }
    }
}
