package org.liquide.bench;

import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSources;
import org.liquide.camera.CameraSpec;
import org.liquide.camera.FrameSource;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.render.gl.PixelUploader;
import org.liquide.render.gl.FrameTextures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static org.lwjgl.opengl.GL11C.glFinish;

/**
 * Benchmark 2: camera ingest of a 1080p30 H.264 file, as fast as it goes. Liquide's path is the real one:
 * a {@link CameraFeed} (FFmpeg through JavaCV, BGR24 conversion, copy into the subscriber's slot) with
 * its file pacing turned off, and a GL thread that uploads each new frame with the {@link PixelUploader}.
 * The anchor is {@code ffmpeg -i file -f null -}: the same FFmpeg decoder with nothing after it, the limit.
 * Two more figures say where the difference goes: the feed without the upload, next to
 * {@code ffmpeg -pix_fmt bgr24} (decode plus the same conversion).
 */
final class IngestBench {
    static final String INGEST = "ingest-upload";
    static final String DECODE = "ingest-decode-bgr24";
    private static final long TIMEOUT_NANOS = 300_000_000_000L;

    private IngestBench() {
    }

    static List<BenchRow> run(BenchConfig config, Consumer<String> progress) throws Exception {
        String what = config.ingestVideo() + " " + (int) BenchVideos.FPS + " fps";
        String ingestMeasure = "Camera ingest, " + what + ": decode + BGR24 + upload to a texture, unpaced; frames/s";
        String decodeMeasure = "Camera ingest without the upload, " + what + ": decode + BGR24 into the slot; frames/s";
        BenchVideos.Video video;
        try {
            progress.accept("ingest: making the " + what + " video");
            video = BenchVideos.h264(config.workDir(), config.ingestVideo(), config.ingestFrames());
        } catch (Exception | Error e) {
            return List.of(BenchRow.failed(INGEST, ingestMeasure, BenchRunner.describe(e)),
                    BenchRow.failed(DECODE, decodeMeasure, BenchRunner.describe(e)));
        }
        ingestMeasure = ingestMeasure.replace(what, what + " " + video.codec());
        decodeMeasure = decodeMeasure.replace(what, what + " " + video.codec());
        Optional<FfmpegCli> ffmpeg = FfmpegCli.find();
        int repeats = config.windows();
        double[] uploaded = new double[repeats];
        double[] decoded = new double[repeats];
        double[] ffmpegPlain = new double[repeats];
        double[] ffmpegBgr = new double[repeats];
        long dropped = 0;
        String ffmpegProblem = ffmpeg.isEmpty() ? "not measured: the ffmpeg binary is not installed (apt-get install ffmpeg)" : null;
        List<BenchRow> rows = new ArrayList<>();
        try {
            for (int r = 0; r < repeats; r++) {
                progress.accept("ingest: run " + (r + 1) + " of " + repeats);
                Result result = GlThread.call("ingest", () -> withUpload(video));
                uploaded[r] = result.framesPerSecond();
                dropped += result.dropped();
                decoded[r] = withoutUpload(video).framesPerSecond();
                if (ffmpegProblem == null) {
                    try {
                        ffmpegPlain[r] = video.frames() / ffmpeg.get().decodeSeconds(video.file(), null);
                        ffmpegBgr[r] = video.frames() / ffmpeg.get().decodeSeconds(video.file(), "bgr24");
                    } catch (IOException e) {
                        ffmpegProblem = "not measured: " + e.getMessage();
                    }
                }
            }
        } catch (Exception | Error e) {
            return List.of(BenchRow.failed(INGEST, ingestMeasure, BenchRunner.describe(e)),
                    BenchRow.failed(DECODE, decodeMeasure, BenchRunner.describe(e)));
        }
        String notes = repeats + " runs of the whole " + video.frames() + "-frame file; Liquide's rate runs from the first"
                + " frame delivered to the last one uploaded (glFinish), ffmpeg's from its -benchmark rtime";
        String plain = "ffmpeg -i file -f null - (decode only: the limit)";
        String bgr = "ffmpeg -i file -pix_fmt bgr24 -f null - (decode + the same conversion)";
        if (ffmpegProblem == null) {
            rows.add(BenchRow.measured(INGEST, ingestMeasure, "fps", Stats.of(uploaded), plain, Stats.of(ffmpegPlain),
                    "higher is better; 1× is the limit", notes + "; frames dropped by the latest-wins slot: " + dropped
                            + " of " + (long) repeats * video.frames() + "; median of paired run ratios "
                            + Stats.number(Stats.pairedRatio(uploaded, ffmpegPlain)) + "×"));
            rows.add(BenchRow.measured(DECODE, decodeMeasure, "fps", Stats.of(decoded), bgr, Stats.of(ffmpegBgr),
                    "higher is better", notes + "; median of paired run ratios "
                            + Stats.number(Stats.pairedRatio(decoded, ffmpegBgr)) + "×"));
        } else {
            rows.add(BenchRow.againstGoal(INGEST, ingestMeasure, "fps", Stats.of(uploaded), plain, Double.NaN,
                    ffmpegProblem, "higher is better", notes + "; frames dropped: " + dropped));
            rows.add(BenchRow.againstGoal(DECODE, decodeMeasure, "fps", Stats.of(decoded), bgr, Double.NaN,
                    ffmpegProblem, "higher is better", notes));
        }
        return rows;
    }

    record Result(double framesPerSecond, long dropped) {
    }

    /** The feed and an uploader on this (GL) thread, until the last frame of the file is up. */
    static Result withUpload(BenchVideos.Video video) throws Exception {
        try (FrameTextures texture = new FrameTextures();
             PixelUploader uploader = new PixelUploader();
             CameraFeed feed = unpaced(video)) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            long firstCapture = 0;
            long uploaded = 0;
            long lastSequence = 0;
            while (lastSequence < video.frames()) {
                VideoFrame frame = slot.takeLatest();
                if (frame != null) {
                    uploader.upload(frame, texture);
                    if (firstCapture == 0) {
                        firstCapture = frame.captureNanos();
                    }
                    uploaded++;
                    lastSequence = frame.sequence();
                    continue;
                }
                if (feed.timesLost() > 0 || System.nanoTime() > deadline) {
                    // The file ended (or the decoder gave fewer frames than were written): what arrived counts.
                    if (feed.timesLost() == 0 || uploaded < 2) {
                        throw new IllegalStateException("the feed delivered " + uploaded + " frames: " + feed.lastError());
                    }
                    break;
                }
                LockSupport.parkNanos(50_000);
            }
            glFinish();
            long end = System.nanoTime();
            if (uploaded < 2) {
                throw new IllegalStateException("only " + uploaded + " frame was uploaded: the file is too short to measure a rate");
            }
            long captured = feed.framesCaptured();
            feed.unsubscribe(slot);
            return new Result((uploaded - 1) / ((end - firstCapture) / 1e9), Math.max(0, captured - uploaded));
        }
    }

    /** The feed alone, delivering into one slot nobody reads, until the file ends. */
    static Result withoutUpload(BenchVideos.Video video) throws InterruptedException {
        try (CameraFeed feed = unpaced(video)) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            long firstCapture = 0;
            long firstSequence = 0;
            while (feed.framesCaptured() < video.frames() && feed.timesLost() == 0) {
                if (firstCapture == 0) {
                    VideoFrame frame = slot.takeLatest();
                    if (frame != null) {
                        firstCapture = frame.captureNanos();
                        firstSequence = frame.sequence();
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the feed delivered " + feed.framesCaptured() + " frames in time");
                }
                Thread.sleep(1);
            }
            long captured = feed.framesCaptured();
            long last = feed.lastFrameNanos();
            if (firstCapture == 0 || captured - firstSequence < 2) {
                throw new IllegalStateException("the feed delivered " + captured + " frames: " + feed.lastError());
            }
            feed.unsubscribe(slot);
            // Counted from the first frame this thread saw (polled every millisecond) to the last delivered.
            return new Result((captured - firstSequence) / ((last - firstCapture) / 1e9), 0);
        }
    }

    private static CameraFeed unpaced(BenchVideos.Video video) {
        return new CameraFeed("ingest", new Unpaced(CameraSources.forSpec(new CameraSpec.VideoFile(video.file()))));
    }

    /** A file source delivered as fast as it decodes (a file is otherwise played at its own rate). */
    private record Unpaced(FrameSource inner) implements FrameSource {
        @Override
        public void open() throws IOException {
            inner.open();
        }

        @Override
        public boolean grab(VideoFrame into) throws IOException {
            return inner.grab(into);
        }

        @Override
        public void rewind() throws IOException {
            inner.rewind();
        }

        @Override
        public double pacingFramesPerSecond() {
            return 0;
        }

        @Override
        public String format() {
            return inner.format() + ", unpaced";
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
