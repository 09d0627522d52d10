package org.liquide.camera;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.liquide.frame.ColorEncoding;
import org.liquide.frame.PixelFormat;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.junit.jupiter.api.Assertions.*;

/** A decoded frame's tags, or their absence, decide its matrix and range. */
class DecodedFormatsTest {
    private static ColorEncoding encodingOf(int format, int colorspace, int range, int height) {
        AVFrame frame = av_frame_alloc();
        try {
            frame.format(format).colorspace(colorspace).color_range(range);
            return DecodedFormats.encoding(frame, height);
        } finally {
            av_frame_free(frame);
        }
    }

    @Test
    void untaggedVideoTakesBt709FromSevenHundredTwentyLinesAndBt601BelowInLimitedRange() {
        assertEquals(ColorEncoding.BT709_LIMITED, encodingOf(AV_PIX_FMT_YUV420P, AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_UNSPECIFIED, 720));
        assertEquals(ColorEncoding.BT601_LIMITED, encodingOf(AV_PIX_FMT_YUV420P, AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_UNSPECIFIED, 719));
    }

    @Test
    void yuvjFormatsAreFullRangeEvenUntagged() {
        assertEquals(ColorEncoding.BT601_FULL, encodingOf(AV_PIX_FMT_YUVJ422P, AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_UNSPECIFIED, 480));
        assertEquals(ColorEncoding.BT709_FULL, encodingOf(AV_PIX_FMT_YUVJ420P, AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_UNSPECIFIED, 1080));
    }

    @Test
    void tagsWinOverTheConvention() {
        assertEquals(ColorEncoding.BT709_LIMITED, encodingOf(AV_PIX_FMT_YUV420P, AVCOL_SPC_BT709, AVCOL_RANGE_MPEG, 480));
        assertEquals(ColorEncoding.BT601_FULL, encodingOf(AV_PIX_FMT_NV12, AVCOL_SPC_SMPTE170M, AVCOL_RANGE_JPEG, 1080));
        assertEquals(ColorEncoding.BT601_LIMITED, encodingOf(AV_PIX_FMT_YUYV422, AVCOL_SPC_BT470BG, AVCOL_RANGE_MPEG, 720));
    }

    @Test
    void theRendererReadsTheCameraLayoutsAndFfmpegConvertsTheRest() {
        assertEquals(PixelFormat.I420, DecodedFormats.of(AV_PIX_FMT_YUVJ420P));
        assertEquals(PixelFormat.YUV422P, DecodedFormats.of(AV_PIX_FMT_YUVJ422P));
        assertEquals(PixelFormat.NV12, DecodedFormats.of(AV_PIX_FMT_NV12));
        assertEquals(PixelFormat.YUYV422, DecodedFormats.of(AV_PIX_FMT_YUYV422));
        assertNull(DecodedFormats.of(AV_PIX_FMT_YUV444P));
        assertNull(DecodedFormats.of(AV_PIX_FMT_YUV420P10LE));
        assertEquals("yuv444p", DecodedFormats.name(AV_PIX_FMT_YUV444P));
    }
}
