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
 * a {@link CameraFeed} (FFmpeg through JavaCV, the decoder's planes copied once into a shared frame) with
 * its file pacing turned off, and a GL thread that uploads each new frame with the {@link PixelUploader}.
 * Each run counts frames decoded and frames uploaded separately ({@link IngestCount}): the decoded rate is
 * set against {@code ffmpeg -i file -f null -}, the same FFmpeg decoder with nothing after it (the limit,
 * and the like-for-like: it decodes every frame and shows none); the uploaded rate, what the screen gets, is
 * set against a camera's 30 fps; the difference was dropped by the latest-wins slot. One more figure says
 * where the time goes: the feed without the upload, next to the same decode-only anchor.
 */
final class IngestBench {
    static final String INGEST = "ingest-upload";
    static final String UPLOADED = "ingest-uploaded";
    static final String DECODE = "ingest-decode";
    private static final long TIMEOUT_NANOS = 300_000_000_000L;
    /**
     * How often the uploader looks for a new frame when it found none: every millisecond, as a render loop of up to
     * 1000 frames/s would. Every 50 µs, its 20,000 wake-ups a second took CPU from the decoder that no render loop takes.
     */
    private static final long POLL_NANOS = 1_000_000L;

    private IngestBench() {
    }

    static List<BenchRow> run(BenchConfig config, Consumer<String> progress) throws Exception {
        String what = config.ingestVideo() + " " + (int) BenchVideos.FPS + " fps";
        String ingestMeasure = "Camera ingest with the upload running, " + what + ": frames decoded (their planes into the slot)"
                + " while a GL thread uploads the newest to a texture, unpaced; frames/s";
        String uploadedMeasure = "Camera ingest, " + what + ": frames uploaded to a texture (what the screen gets), same runs; frames/s";
        String decodeMeasure = "Camera ingest without the upload, " + what + ": decode + the planes into the slot; frames/s";
        BenchVideos.Video video;
        try {
            progress.accept("ingest: making the " + what + " video");
            video = BenchVideos.h264(config.workDir(), config.ingestVideo(), config.ingestFrames());
        } catch (Exception | Error e) {
            return failed(BenchRunner.describe(e), ingestMeasure, uploadedMeasure, decodeMeasure);
        }
        ingestMeasure = ingestMeasure.replace(what, what + " " + video.codec());
        uploadedMeasure = uploadedMeasure.replace(what, what + " " + video.codec());
        decodeMeasure = decodeMeasure.replace(what, what + " " + video.codec());
        Optional<FfmpegCli> ffmpeg = FfmpegCli.find();
        int repeats = config.windows();
        double[] decodedWhileUploading = new double[repeats];
        double[] uploaded = new double[repeats];
        double[] decoded = new double[repeats];
        double[] ffmpegPlain = new double[repeats];
        long framesDecoded = 0;
        long framesUploaded = 0;
        String ffmpegProblem = ffmpeg.isEmpty() ? "not measured: the ffmpeg binary is not installed (apt-get install ffmpeg)" : null;
        List<BenchRow> rows = new ArrayList<>();
        try {
            // One unmeasured round first: the first run would pay the JIT's compilation of the capture and
            // upload paths (and, after another benchmark, its recompilations), which ffmpeg never pays.
            progress.accept("ingest: a round to warm up");
            GlThread.call("ingest", () -> withUpload(video));
            withoutUpload(video);
            if (ffmpeg.isPresent()) {
                try {
                    ffmpeg.get().decodeSeconds(video.file());
                } catch (IOException e) {
                    // the measured runs meet the same failure and report it
                }
            }
            for (int r = 0; r < repeats; r++) {
                progress.accept("ingest: run " + (r + 1) + " of " + repeats);
                IngestCount withUpload = GlThread.call("ingest", () -> withUpload(video));
                decodedWhileUploading[r] = withUpload.decodedPerSecond();
                uploaded[r] = withUpload.uploadedPerSecond();
                framesDecoded += withUpload.decoded();
                framesUploaded += withUpload.uploaded();
                decoded[r] = withoutUpload(video).decodedPerSecond();
                if (ffmpegProblem == null) {
                    try {
                        ffmpegPlain[r] = video.frames() / ffmpeg.get().decodeSeconds(video.file());
                    } catch (IOException e) {
                        ffmpegProblem = "not measured: " + e.getMessage();
                    }
                }
            }
        } catch (Exception | Error e) {
            return failed(BenchRunner.describe(e), ingestMeasure, uploadedMeasure, decodeMeasure);
        }
        String runs = repeats + " runs of the whole " + video.frames() + "-frame file after one unmeasured round; ffmpeg's"
                + " rate from its -benchmark rtime";
        String counts = "in all " + framesDecoded + " frames decoded, " + framesUploaded + " uploaded, "
                + (framesDecoded - framesUploaded) + " dropped (overwritten in the latest-wins slot before the uploader"
                + " took them: a camera never waits for the renderer)";
        String ingestNotes = runs + "; decoded frames counted from the first delivered to the last (the capture thread's"
                + " delivery times); " + counts + "; frames uploaded " + Stats.of(uploaded).format("fps")
                + " (next row); the ratio is decoded frames/s against ffmpeg's decoded frames/s: the like-for-like, since"
                + " ffmpeg -f null decodes every frame and shows none; the uploads are what the screen gets";
        String uploadedNotes = runs + "; the same runs as ingest-upload, from the first frame delivered to the last one"
                + " uploaded (glFinish); " + counts + "; the file is unpaced, so the decoder delivers faster than a camera"
                + " and the slot drops what the uploader cannot take; at a camera's 30 fps every frame is uploaded while"
                + " this rate stays above 30";
        String plain = "ffmpeg -i file -f null - (decode only: the limit)";
        String reading = "higher is better; goal ≥ 0.9×, 1× is the limit";
        if (ffmpegProblem == null) {
            rows.add(BenchRow.measured(INGEST, ingestMeasure, "fps", Stats.of(decodedWhileUploading), plain,
                    Stats.of(ffmpegPlain), reading, ingestNotes + "; median of paired run ratios "
                            + Stats.number(Stats.pairedRatio(decodedWhileUploading, ffmpegPlain)) + "×"));
        } else {
            rows.add(BenchRow.againstGoal(INGEST, ingestMeasure, "fps", Stats.of(decodedWhileUploading), plain,
                    Double.NaN, ffmpegProblem, reading, ingestNotes));
        }
        rows.add(BenchRow.againstGoal(UPLOADED, uploadedMeasure, "fps", Stats.of(uploaded),
                "the frame rate of a " + config.ingestVideo() + " camera", BenchVideos.FPS,
                Stats.number(BenchVideos.FPS) + " fps", "higher is better; ≥ 1× keeps up with a 30 fps camera", uploadedNotes));
        String decodeNotes = runs + "; Liquide's rate runs from the first frame delivered to the last";
        if (ffmpegProblem == null) {
            rows.add(BenchRow.measured(DECODE, decodeMeasure, "fps", Stats.of(decoded), plain, Stats.of(ffmpegPlain),
                    "higher is better; 1× is the limit", decodeNotes + "; median of paired run ratios "
                            + Stats.number(Stats.pairedRatio(decoded, ffmpegPlain)) + "×"));
        } else {
            rows.add(BenchRow.againstGoal(DECODE, decodeMeasure, "fps", Stats.of(decoded), plain, Double.NaN,
                    ffmpegProblem, "higher is better", decodeNotes));
        }
        return rows;
    }

    private static List<BenchRow> failed(String why, String ingestMeasure, String uploadedMeasure, String decodeMeasure) {
        return List.of(BenchRow.failed(INGEST, ingestMeasure, why), BenchRow.failed(UPLOADED, uploadedMeasure, why),
                BenchRow.failed(DECODE, decodeMeasure, why));
    }

    /** The feed and an uploader on this (GL) thread, until the last frame of the file is up. */
    static IngestCount withUpload(BenchVideos.Video video) throws Exception {
        try (FrameTextures texture = new FrameTextures();
             PixelUploader uploader = new PixelUploader();
             CameraFeed feed = unpaced(video)) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            long firstSequence = 0;
            long firstCapture = 0;
            long uploaded = 0;
            long lastSequence = 0;
            long lastCapture = 0;
            while (lastSequence < video.frames()) {
                VideoFrame frame = slot.takeLatest();
                if (frame != null) {
                    uploader.upload(frame, texture);
                    if (firstCapture == 0) {
                        firstCapture = frame.captureNanos();
                        firstSequence = frame.sequence();
                    }
                    uploaded++;
                    lastSequence = frame.sequence();
                    lastCapture = frame.captureNanos();
                    continue;
                }
                if (feed.timesLost() > 0 || System.nanoTime() > deadline) {
                    // The file ended (or the decoder gave fewer frames than were written): what arrived counts.
                    if (feed.timesLost() == 0 || uploaded < 2) {
                        throw new IllegalStateException("the feed delivered " + uploaded + " frames: " + feed.lastError());
                    }
                    // Frames delivered after the last one uploaded were decoded too.
                    lastSequence = Math.max(lastSequence, Math.min(feed.framesCaptured(), video.frames()));
                    lastCapture = Math.max(lastCapture, feed.lastFrameNanos());
                    break;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            glFinish();
            long end = System.nanoTime();
            if (uploaded < 2) {
                throw new IllegalStateException("only " + uploaded + " frame was uploaded: the file is too short to measure a rate");
            }
            feed.unsubscribe(slot);
            return new IngestCount(firstSequence, firstCapture, lastSequence, lastCapture, uploaded, end);
        }
    }

    /** The feed alone, delivering into one slot nobody reads, until the file ends. */
    static IngestCount withoutUpload(BenchVideos.Video video) throws InterruptedException {
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
            long captured = Math.min(feed.framesCaptured(), video.frames());
            long last = feed.lastFrameNanos();
            if (firstCapture == 0 || captured - firstSequence < 2) {
                throw new IllegalStateException("the feed delivered " + captured + " frames: " + feed.lastError());
            }
            feed.unsubscribe(slot);
            // Counted from the first frame this thread saw (polled every millisecond) to the last delivered.
            return new IngestCount(firstSequence, firstCapture, captured, last, 0, 0);
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
