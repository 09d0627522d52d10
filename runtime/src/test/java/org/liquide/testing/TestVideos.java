package org.liquide.testing;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/** Videos the tests make themselves with JavaCV's recorder (MPEG-4 part 2 in MP4: always in FFmpeg). */
public final class TestVideos {
    private TestVideos() {
    }

    /** Writes {@code frames} frames drawn by {@code painter(graphics, frameIndex)} at the given rate. */
    public static Path write(Path file, int width, int height, int frames, double fps, BiConsumer<Graphics2D, Integer> painter)
            throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(fps);
            recorder.setVideoQuality(2);
            recorder.setGopSize(10);
            recorder.start();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            for (int i = 0; i < frames; i++) {
                Graphics2D g = image.createGraphics();
                try {
                    painter.accept(g, i);
                } finally {
                    g.dispose();
                }
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return file;
    }

    /** Left half pure red, right half pure blue: easy to find again in a composite. */
    public static Path redBlueHalves(Path file, int width, int height, int frames, double fps) throws Exception {
        return write(file, width, height, frames, fps, (g, i) -> {
            g.setColor(java.awt.Color.RED);
            g.fillRect(0, 0, width / 2, height);
            g.setColor(java.awt.Color.BLUE);
            g.fillRect(width / 2, 0, width - width / 2, height);
        });
    }
}
