package org.liquide.camera;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CameraSpecTest {
    @Test
    void readsEveryKindOfCameraName() {
        assertEquals(CameraSpec.TestPattern.DEFAULT, CameraSpec.parse("test"));
        assertEquals(CameraSpec.Visitors.DEFAULT, CameraSpec.parse("visitors"));
        assertEquals(new CameraSpec.Device("/dev/video2"), CameraSpec.parse("/dev/video2"));
        assertEquals(new CameraSpec.Device("/dev/video1"), CameraSpec.parse("1"));
        assertEquals(new CameraSpec.Stream(URI.create("rtsp://10.0.0.5:554/stream1")), CameraSpec.parse("rtsp://10.0.0.5:554/stream1"));
        assertEquals(new CameraSpec.Stream(URI.create("http://cam.local/video.mjpg")), CameraSpec.parse("http://cam.local/video.mjpg"));
        assertEquals(new CameraSpec.VideoFile(Path.of("clips/entree.mp4")), CameraSpec.parse("clips/entree.mp4"));
        assertEquals(new CameraSpec.VideoFile(Path.of("/tmp/a b.mp4")), CameraSpec.parse("file:///tmp/a%20b.mp4"));
    }

    @Test
    void rejectsAnEmptyName() {
        assertThrows(IllegalArgumentException.class, () -> CameraSpec.parse("  "));
    }
}
