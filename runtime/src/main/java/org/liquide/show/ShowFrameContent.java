package org.liquide.show;

import org.liquide.frame.FrameSlot;
import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameContent;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.readback.FrameTap;
import org.liquide.show.stage.Stage;

/**
 * What the render loop draws in a show: the stage, plus the copies other threads need, taken off the
 * GPU without stalling: previews for the control panel (the picture as seen in the room), and for the
 * journal and the recorder the picture without the live camera unless the configuration allows it.
 * The slots exist from construction (their consumers start before the loop); the GL taps are made on
 * the render thread at the first frame.
 */
final class ShowFrameContent implements FrameContent {
    private static final double PREVIEW_FPS = 8;
    static final double RECORDING_FPS = 30;

    private final Stage stage;
    private final boolean includeCamera;
    private final int width;
    private final int height;
    private final int previewWidth;
    private final FrameSlot previewSlot = new FrameSlot();
    private final FrameSlot journalSlot = new FrameSlot();
    private FrameTap preview;
    private FrameTap journal;
    private FrameTap recording;
    private volatile FrameSlot recordingRequest;
    private volatile boolean journalFrameWanted;
    private volatile java.util.function.BooleanSupplier previewsWatched = () -> true;

    ShowFrameContent(Stage stage, int width, int height, boolean includeCamera) {
        this.stage = stage;
        this.width = width;
        this.height = height;
        this.includeCamera = includeCamera;
        this.previewWidth = Math.min(640, width);
    }

    FrameSlot previews() {
        return previewSlot;
    }

    FrameSlot journalFrames() {
        return journalSlot;
    }

    /** Taps previews only while this says someone looks at them (no readback for nobody). */
    void tapPreviewsWhen(java.util.function.BooleanSupplier watched) {
        previewsWatched = watched;
    }

    /** Takes the next frame for the journal whatever its rate (a snapshot was asked for). Any thread. */
    void takeJournalFrameSoon() {
        journalFrameWanted = true;
    }

    /** Starts taking every frame into this slot for the recorder (null stops). */
    void record(FrameSlot slot) {
        recordingRequest = slot;
    }

    @Override
    public boolean showing() {
        return stage.showing();
    }

    @Override
    public Framebuffer render(FrameClock clock, Compositor compositor) {
        if (preview == null) {
            preview = new FrameTap(previewWidth, Math.max(1, height * previewWidth / width), PREVIEW_FPS, previewSlot);
            journal = new FrameTap(width, height, 0, journalSlot);
        }
        Framebuffer frame = stage.render(clock, compositor);
        long now = clock.nowNanos();
        if (previewsWatched.getAsBoolean()) {
            preview.frame(frame, now);
        } else {
            preview.collect();
        }
        FrameSlot recorderSlot = recordingRequest;
        if (recorderSlot != null && recording == null) {
            recording = new FrameTap(width, height, RECORDING_FPS, recorderSlot);
        } else if (recorderSlot == null && recording != null) {
            recording.close();
            recording = null;
        }
        boolean wanted = journalFrameWanted;
        if (wanted) {
            journalFrameWanted = false;
        }
        // The picture without visitors is drawn only when something will keep it: a snapshot asked for
        // (periodic ones ask too) or a recording running.
        if (wanted || recording != null) {
            Framebuffer kept = includeCamera ? frame : stage.renderWithoutVisitors(clock, width, height);
            if (wanted) {
                journal.frame(kept, now, true);
            } else {
                journal.collect();
            }
            if (recording != null) {
                recording.frame(kept, now);
            }
        } else {
            journal.collect();
        }
        return frame;
    }

    @Override
    public boolean idle() {
        return stage.idle();
    }

    @Override
    public void close() {
        if (preview != null) {
            preview.close();
            journal.close();
        }
        if (recording != null) {
            recording.close();
        }
        stage.close();
    }
}
