package org.liquide.camera;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's own log into SLF4J (at debug level: the camera feed reports failures itself) and
 * remembers, per thread, FFmpeg's last error line, which says why far better than the error codes
 * ("Cannot open video device /dev/video7: No such file or directory").
 */
final class FfmpegLog extends LogCallback {
    private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();
    private static final FfmpegLog INSTANCE = new FfmpegLog();

    private FfmpegLog() {
    }

    /** Installs the callback once for the process. */
    static synchronized void install() {
        avutil.av_log_set_level(avutil.AV_LOG_WARNING);
        avutil.setLogCallback(INSTANCE);
    }

    /** FFmpeg's last error on this thread, then forgotten; null if none. */
    static String takeLastError() {
        String error = LAST_ERROR.get();
        LAST_ERROR.remove();
        return error;
    }

    @Override
    public void call(int level, BytePointer message) {
        String text = message.getString().strip();
        if (text.isEmpty()) {
            return;
        }
        if (level <= avutil.AV_LOG_ERROR) {
            LAST_ERROR.set(text);
        }
        LOG.debug("{}", text);
    }
}
