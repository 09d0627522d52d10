package org.liquide.camera;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.liquide.frame.ColorEncoding;
import org.liquide.frame.PixelFormat;

import static org.bytedeco.ffmpeg.global.avutil.*;

/** Which of FFmpeg's pixel formats the renderer reads as they are, and how a decoded frame's tags say its colours. */
final class DecodedFormats {
    private DecodedFormats() {
    }

    /** The frame layout of an FFmpeg pixel format, or null when FFmpeg has to convert it. */
    static PixelFormat of(int avPixelFormat) {
        if (avPixelFormat == AV_PIX_FMT_YUV420P || avPixelFormat == AV_PIX_FMT_YUVJ420P) {
            return PixelFormat.I420;
        } else if (avPixelFormat == AV_PIX_FMT_NV12) {
            return PixelFormat.NV12;
        } else if (avPixelFormat == AV_PIX_FMT_YUV422P || avPixelFormat == AV_PIX_FMT_YUVJ422P) {
            return PixelFormat.YUV422P;
        } else if (avPixelFormat == AV_PIX_FMT_YUYV422) {
            return PixelFormat.YUYV422;
        } else if (avPixelFormat == AV_PIX_FMT_BGR24) {
            return PixelFormat.BGR24;
        } else if (avPixelFormat == AV_PIX_FMT_RGB24) {
            return PixelFormat.RGB24;
        } else if (avPixelFormat == AV_PIX_FMT_BGRA) {
            return PixelFormat.BGRA32;
        } else if (avPixelFormat == AV_PIX_FMT_RGBA) {
            return PixelFormat.RGBA32;
        } else if (avPixelFormat == AV_PIX_FMT_GRAY8) {
            return PixelFormat.GRAY8;
        }
        return null;
    }

    static String name(int avPixelFormat) {
        var name = av_get_pix_fmt_name(avPixelFormat);
        return name == null || name.isNull() ? "pixel format " + avPixelFormat : name.getString();
    }

    /**
     * The frame's matrix and range from its tags: yuvj* formats are full range; a frame that does not say
     * takes BT.709 from 720 lines up and BT.601 below, in the limited range of video.
     */
    static ColorEncoding encoding(AVFrame frame, int height) {
        int format = frame.format();
        boolean full = frame.color_range() == AVCOL_RANGE_JPEG
                || format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P;
        int space = frame.colorspace();
        ColorEncoding.Matrix matrix;
        if (space == AVCOL_SPC_BT709) {
            matrix = ColorEncoding.Matrix.BT709;
        } else if (space == AVCOL_SPC_BT470BG || space == AVCOL_SPC_SMPTE170M || space == AVCOL_SPC_FCC) {
            matrix = ColorEncoding.Matrix.BT601;
        } else {
            matrix = ColorEncoding.conventionalMatrix(height);
        }
        return ColorEncoding.of(matrix, full);
    }
}
