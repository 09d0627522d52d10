package org.liquide.sound.input;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.net.URI;
import java.nio.FloatBuffer;

/**
 * A sound stream from the network (RTP, SRT, RTSP, UDP or TCP MPEG-TS, an HTTP or Icecast stream), decoded by
 * the FFmpeg that JavaCV brings as it arrives, mono at the input's rate. A stream that stalls for
 * {@link #TIMEOUT_MICROS} or ends is an {@link IOException}: the input is lost and opened again.
 */
final class NetworkStream implements SampleSource {
    static final String TIMEOUT_MICROS = "5000000";

    private final URI uri;
    private final FFmpegFrameGrabber grabber;
    private final RealTimePace pace;
    private FloatBuffer pending = FloatBuffer.allocate(0);

    NetworkStream(URI uri, int rate) throws IOException {
        this.uri = uri;
        this.pace = new RealTimePace(rate);
        FFmpegFrameGrabber opened = new FFmpegFrameGrabber(uri.toString());
        opened.setOption("rw_timeout", TIMEOUT_MICROS);
        opened.setOption("timeout", TIMEOUT_MICROS);
        if (uri.getScheme().startsWith("rtsp")) {
            opened.setOption("rtsp_transport", "tcp");
        }
        opened.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        opened.setSampleRate(rate);
        opened.setAudioChannels(1);
        try {
            opened.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(opened);
            throw new IOException(uri + ": " + e.getMessage(), e);
        }
        if (opened.getAudioChannels() <= 0) {
            closeQuietly(opened);
            throw new IOException(uri + ": no sound in the stream");
        }
        this.grabber = opened;
    }

    @Override
    public void read(float[] into, int count) throws IOException {
        int filled = 0;
        while (filled < count) {
            if (!pending.hasRemaining()) {
                pending = next();
            }
            int n = Math.min(count - filled, pending.remaining());
            pending.get(into, filled, n);
            filled += n;
        }
        pace.delivered(count);
    }

    private FloatBuffer next() throws IOException {
        Frame frame;
        try {
            frame = grabber.grabSamples();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException(uri + ": " + e.getMessage(), e);
        }
        if (frame == null || frame.samples == null) {
            throw new IOException(uri + ": the stream ended");
        }
        return (FloatBuffer) frame.samples[0];
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // closing: nothing left to save
        }
    }
}
